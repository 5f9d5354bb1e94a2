// Imports over HTTP: from a folder under the import root or from uploaded files, in the
// background, with progress and errors; nothing outside the root can be read.
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetImport } from "../../../services/api/imports/router.ts";
import { BAD_BUNDLE_ERRORS, FIXTURES } from "../../support/bundles.ts";
import { type Harness, type Loose, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
let root: string;
let outside: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "county-import-root-"));
  outside = await mkdtemp(path.join(os.tmpdir(), "county-outside-"));
  await cp(path.join(FIXTURES, "bundle-ok"), path.join(root, "ok"), { recursive: true });
  await cp(path.join(FIXTURES, "bundle-bad"), path.join(root, "bad"), { recursive: true });
  await writeFile(path.join(outside, "persons.csv"), "person_id,name\nX1,secret\n");
  await symlink(outside, path.join(root, "escape"));
  await mkdir(path.join(root, "sneaky"));
  await symlink(path.join(outside, "persons.csv"), path.join(root, "sneaky", "persons.csv"));
  api = await startApi({ fixture: false, config: { importRoot: root, importUploadMaxBytes: 64 * 1024 } });
});
afterAll(async () => api?.close());

async function waitFor(id: string): Promise<Record<string, Loose>> {
  for (let i = 0; i < 600; i++) {
    const r = await api.get(`/api/v1/imports/${id}`, "admin");
    expect(r.status).toBe(200);
    expect(GetImport.response.safeParse(r.body).success).toBe(true);
    if (r.body.status !== "running") return r.body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("import did not finish");
}

describe("POST /api/v1/imports from a folder under the import root", () => {
  it("imports a good bundle in the background", async () => {
    const r = await api.call("POST", "/api/v1/imports", { as: "admin", body: { path: "ok" } });
    expect(r.status).toBe(202);
    expect(r.headers.get("location")).toBe(`/api/v1/imports/${r.body.id}`);
    const done = await waitFor(r.body.id);
    expect(done).toMatchObject({ id: r.body.id, status: "succeeded", source: "path:ok", errors: [], errorCount: 0, progress: null });
    // The good fixture bundle, as tests/integration/import.test.ts counts it.
    expect(done.rows).toEqual({ read: 51, valid: 51, rejected: 0 });
    expect(done.nodesCreated).toBe(44);
    const persons = await api.graph.read<{ n: number }>("MATCH (p:Person) RETURN count(p) AS n");
    expect(persons).toEqual([{ n: 6 }]);
  });

  it("reports a rejected bundle with its errors", async () => {
    const r = await api.call("POST", "/api/v1/imports", { as: "admin", body: { path: "bad" } });
    expect(r.status).toBe(202);
    const done = await waitFor(r.body.id);
    expect(done.status).toBe("rejected");
    expect(done.errorCount).toBe(BAD_BUNDLE_ERRORS.length);
    expect(done.errors.map((e: string) => e.replace(/ \(Expected.*\)$/, ""))).toEqual(BAD_BUNDLE_ERRORS);
  });

  it("refuses absolute paths, `..`, links leading outside and missing folders, naming body.path", async () => {
    for (const p of ["/etc", "../", "ok/../../etc", "escape", "sneaky", "nothing-here", "ok/regions.csv"]) {
      const r = await api.call("POST", "/api/v1/imports", { as: "admin", body: { path: p } });
      expect(isProblem(r, 400), p).toBe(true);
      expect(r.body.errors[0].field, p).toBe("body.path");
    }
    const both = await api.call("POST", "/api/v1/imports", { as: "admin", body: { path: "ok", upload: "abcdefgh" } });
    expect(isProblem(both, 400)).toBe(true);
    const neither = await api.call("POST", "/api/v1/imports", { as: "admin", body: {} });
    expect(neither.body.errors[0].field).toBe("body.path");
  });
});

describe("uploads", () => {
  it("takes the bundle's files one by one, then imports them", async () => {
    const files = ["regions.csv", "persons.csv", "programs.csv", "grants.jsonl"];
    for (const file of files) {
      const data = await readFile(path.join(FIXTURES, "bundle-ok", file));
      const r = await api.call("PUT", `/api/v1/imports/uploads/upload-0001/${file}`, { as: "admin", raw: { data, contentType: "text/csv" } });
      expect(r.status, file).toBe(201);
      expect(r.body).toMatchObject({ upload: "upload-0001", file, bytes: data.length });
    }
    const started = await api.call("POST", "/api/v1/imports", { as: "admin", body: { upload: "upload-0001", allowPartial: true } });
    expect(started.status).toBe(202);
    const done = await waitFor(started.body.id);
    expect(done.source).toBe("upload:upload-0001");
    // Four files of the good bundle: the rows that point into the files left out are reported, the rest written.
    expect(done).toMatchObject({ status: "succeeded", rows: { read: 15, valid: 7, rejected: 8 }, errorCount: 8 });
  });

  it("refuses other file names, bad upload ids, large files and unknown uploads", async () => {
    const name = await api.call("PUT", "/api/v1/imports/uploads/upload-0002/passwd", { as: "admin", raw: { data: "x", contentType: "text/csv" } });
    expect(isProblem(name, 400)).toBe(true);
    expect(name.body.errors[0].field).toBe("params.file");
    const id = await api.call("PUT", "/api/v1/imports/uploads/..%2F..%2Fx/persons.csv", { as: "admin", raw: { data: "x", contentType: "text/csv" } });
    expect(isProblem(id, 400)).toBe(true);
    const big = await api.call("PUT", "/api/v1/imports/uploads/upload-0002/persons.csv", { as: "admin", raw: { data: Buffer.alloc(65 * 1024, 65), contentType: "text/csv" } });
    expect(isProblem(big, 413)).toBe(true);
    const none = await api.call("POST", "/api/v1/imports", { as: "admin", body: { upload: "upload-9999" } });
    expect(isProblem(none, 400)).toBe(true);
    expect(none.body.errors[0].field).toBe("body.upload");
  });
});

describe("GET /api/v1/imports/:id", () => {
  it("answers 404 for an unknown import and 403 for non-admins", async () => {
    expect(isProblem(await api.get("/api/v1/imports/nope", "admin"), 404)).toBe(true);
    expect(isProblem(await api.get("/api/v1/imports/nope", "investigator"), 403)).toBe(true);
    expect(isProblem(await api.call("POST", "/api/v1/imports", { as: "investigator", body: { path: "ok" } }), 403)).toBe(true);
  });
});
