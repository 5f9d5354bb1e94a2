// How the API serves the built pages (services/api/pages/router.ts), on a stand-in dist folder:
// the explorer at /, the query page at /queries/ (redirected from /queries), hashed assets kept,
// the CSP on every page, and a plain 503 naming the build command while nothing is built.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pagesRouter } from "../../services/api/pages/router.ts";
import { closeServer, listenLocally } from "../support/http.ts";

describe("built pages", () => {
  let dist: string;
  let url: string;
  let server: Parameters<typeof closeServer>[0];

  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), "ui-dist-"));
    await mkdir(path.join(dist, "queries"));
    await mkdir(path.join(dist, "assets"));
    await writeFile(path.join(dist, "index.html"), "<title>explorer</title>");
    await writeFile(path.join(dist, "queries", "index.html"), "<title>queries</title>");
    await writeFile(path.join(dist, "assets", "main-abc123.js"), "export {};");
    await writeFile(path.join(dist, ".built"), "stamp");
    const app = express();
    app.use(pagesRouter(dist));
    app.use("/missing", pagesRouter(path.join(dist, "nothing-here")));
    ({ server, url } = await listenLocally(app));
  });

  afterAll(async () => {
    await closeServer(server);
    await rm(dist, { recursive: true, force: true });
  });

  it("serves the explorer at / and the query page at /queries/, never cached stale", async () => {
    const root = await fetch(`${url}/`);
    expect(await root.text()).toBe("<title>explorer</title>");
    expect(root.headers.get("cache-control")).toBe("no-cache");
    const csp = root.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toContain("unsafe-eval");
    expect(await (await fetch(`${url}/queries/`)).text()).toBe("<title>queries</title>");
    const redirect = await fetch(`${url}/queries?x=1`, { redirect: "manual" });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/queries/?x=1");
  });

  it("keeps hashed assets for a year and hides the build stamp", async () => {
    const asset = await fetch(`${url}/assets/main-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${url}/.built`)).status).toBe(404);
    expect((await fetch(`${url}/assets/nope.js`)).status).toBe(404);
  });

  it("says how to build the pages when they are missing", async () => {
    const r = await fetch(`${url}/missing/`);
    expect(r.status).toBe(503);
    expect(await r.text()).toContain("npm run build:ui");
  });
});
