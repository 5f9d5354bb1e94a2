// Installs what the commands need when it is missing: the npm packages (when node_modules is
// missing or older than package-lock.json) and, for the browser tests, Debian's Chromium.
// Plain JavaScript, so it runs before any dependency exists (npm start, npm test).
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

/** Where the end-to-end tests expect Chromium (Debian's `chromium` package; STACK.md). */
export const CHROMIUM = "/usr/bin/chromium";

export function ensureDependencies() {
  const stamp = "node_modules/.package-lock.json";
  if (existsSync(stamp) && statSync("package-lock.json").mtimeMs <= statSync(stamp).mtimeMs) return;
  console.log("$ npm ci --no-audit --no-fund");
  const started = Date.now();
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`npm ci failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`npm packages installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Installs Debian's Chromium with apt-get when /usr/bin/chromium is missing. apt-get needs root:
 * as another user (or without apt-get) it stops with the command to run instead of guessing sudo.
 */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const fix = `install it and run the tests again:\n  sudo apt-get update && sudo apt-get install -y chromium`;
  if (spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status !== 0) {
    console.error(`${CHROMIUM} is missing and apt-get is not available; the browser tests need Debian's chromium package. ${fix}`);
    process.exit(1);
  }
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    console.error(`${CHROMIUM} is missing and installing it needs root; ${fix}`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "chromium"]]) {
    console.log(`$ apt-get ${args.join(" ")}`);
    const r = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed (exit ${r.status ?? r.signal}); the browser tests need ${CHROMIUM}: ${fix}`);
      process.exit(r.status || 1);
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get installed chromium but ${CHROMIUM} is still missing; ${fix}`);
    process.exit(1);
  }
}
