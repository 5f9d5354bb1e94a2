// The saved-query page (ui/queries): index.html as is, and queries.ts transpiled to a browser
// module on first request (esbuild, installed with tsx). The page holds no data: it calls
// /api/v1/queries with the API key the user types in, so it is served without authentication.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Router } from "express";

export const QUERIES_UI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../ui/queries");

export function queriesPageRouter(dir = QUERIES_UI_DIR): Router {
  const router = Router();
  let script: Promise<string> | undefined;
  const compile = async () => {
    const { transform } = await import("esbuild");
    const source = await readFile(path.join(dir, "queries.ts"), "utf8");
    return (await transform(source, { loader: "ts", format: "esm", target: "es2022" })).code;
  };
  router.use((_req, res, next) => {
    res.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    next();
  });
  router.get("/", async (req, res) => {
    // Relative script URLs need the trailing slash.
    if (!req.originalUrl.split("?")[0]?.endsWith("/")) return res.redirect(301, `${req.originalUrl.split("?")[0]}/`);
    res.type("html").send(await readFile(path.join(dir, "index.html"), "utf8"));
  });
  router.get("/queries.js", async (_req, res) => {
    script ??= compile().catch((error: unknown) => {
      script = undefined;
      throw error;
    });
    res.type("application/javascript").setHeader("Cache-Control", "no-cache");
    res.send(await script);
  });
  return router;
}
