// The browser pages, bundled beforehand into ui/dist (services/cli/build-ui.mjs; never transformed
// per request): the explorer at /, the saved-query page at /queries/, their hashed modules under
// /assets/. The pages hold no data: they call /api/v1 with the user's credentials, so they are
// served without authentication, under a strict Content-Security-Policy (ForceAtlas2's worker is
// a blob: script; exported images are data: and blob: URLs).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Response, Router } from "express";

export const UI_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../ui/dist");

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

export function pagesRouter(dist = UI_DIST): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader("Content-Security-Policy", CSP);
    next();
  });
  const page = (file: string) => (_req: unknown, res: Response) => {
    const full = path.join(dist, file);
    if (!existsSync(full)) {
      res.status(503).type("text/plain").send("The pages are not built yet: run `npm run build:ui` (npm start and npm test build them).\n");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(full);
  };
  router.get("/", page("index.html"));
  // No icon: answered empty so browsers stop asking.
  router.get("/favicon.ico", (_req, res) => void res.status(204).end());
  router.get(["/index.html", "/queries/index.html"], (req, res) => res.redirect(301, req.path.replace(/index\.html$/, "")));
  // Relative links of the query page need the trailing slash.
  // (Routing is not strict: this route sees /queries/ too.)
  router.get("/queries", (req, res, next) => {
    const [pathname = "", query] = req.originalUrl.split(/\?(.*)/s);
    if (pathname.endsWith("/")) return next();
    res.redirect(301, `/queries/${query === undefined ? "" : `?${query}`}`);
  });
  router.get("/queries/", page("queries/index.html"));
  // Hashed file names: a changed module gets a new name, so these may be kept.
  router.use("/assets", express.static(path.join(dist, "assets"), { index: false, immutable: true, maxAge: "365d", fallthrough: true }));
  return router;
}
