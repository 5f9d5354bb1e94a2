#!/usr/bin/env node
// Bundles the browser pages (ui/ → ui/dist, Vite) when a source is newer than the last build, so
// the API serves built modules and never transforms a page per request. Called by `npm start` and
// `npm test` (and the e2e harness); `npm run build:ui` forces a build. Plain JavaScript: it runs
// before anything is compiled.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const UI_DIR = path.join(ROOT, "ui");
export const UI_DIST = path.join(UI_DIR, "dist");
const STAMP = path.join(UI_DIST, ".built");

/** The newest modification time under a folder (dist left out). */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== UI_DIST) t = Math.max(t, newest(full));
    } else t = Math.max(t, statSync(full).mtimeMs);
  }
  return t;
}

/** True when ui/dist is missing or older than a page source or the installed packages. */
export function uiStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const lock = path.join(ROOT, "node_modules/.package-lock.json");
  return newest(UI_DIR) > built || (existsSync(lock) && statSync(lock).mtimeMs > built);
}

/** Builds the pages when stale (or always with `force`); exits the process when Vite fails. */
export function ensureUiBuilt({ force = false } = {}) {
  if (!force && !uiStale()) return;
  console.log("Building the pages (explorer and saved queries) with Vite…");
  const started = Date.now();
  const r = spawnSync(path.join(ROOT, "node_modules/.bin/vite"), ["build", "--config", path.join(UI_DIR, "vite.config.ts")], { stdio: "inherit", cwd: ROOT });
  if (r.status !== 0) {
    console.error(`vite build failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  writeFileSync(STAMP, new Date().toISOString());
  console.log(`  pages built into ui/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureUiBuilt({ force: process.argv.includes("--force") });
