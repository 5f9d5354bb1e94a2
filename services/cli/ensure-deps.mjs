// Installs what the commands need when it is missing: the npm packages (when node_modules is
// missing or older than package-lock.json) and, for the browser tests, Debian's Chromium and the
// CJK fonts (fonts-noto-cjk) so Chinese names render in the pages and their screenshots.
// Plain JavaScript, so it runs before any dependency exists (npm start, npm test).
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

/** Where the end-to-end tests expect Chromium (Debian's `chromium` package; STACK.md). */
export const CHROMIUM = "/usr/bin/chromium";

/** Debian's CJK fonts: without them Chinese labels draw as boxes. */
export const CJK_FONTS_PACKAGE = "fonts-noto-cjk";

function packageInstalled(name) {
  const r = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
  return r.status === 0 && r.stdout.includes("install ok installed");
}

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
 * Installs Debian's Chromium and CJK fonts with apt-get when /usr/bin/chromium or fonts-noto-cjk is
 * missing. apt-get needs root: as another user (or without apt-get) it stops with the command to
 * run instead of guessing sudo.
 */
export function ensureChromium() {
  const packages = [...(existsSync(CHROMIUM) ? [] : ["chromium"]), ...(packageInstalled(CJK_FONTS_PACKAGE) ? [] : [CJK_FONTS_PACKAGE])];
  if (packages.length === 0) return;
  const fix = `install it and run the tests again:\n  sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}`;
  if (spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status !== 0) {
    console.error(`${packages.join(" and ")} missing and apt-get is not available; the browser tests need Debian's chromium and ${CJK_FONTS_PACKAGE} packages. ${fix}`);
    process.exit(1);
  }
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    console.error(`${packages.join(" and ")} missing and installing needs root; ${fix}`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", ...packages]]) {
    console.log(`$ apt-get ${args.join(" ")}`);
    const r = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed (exit ${r.status ?? r.signal}); the browser tests need ${packages.join(" and ")}: ${fix}`);
      process.exit(r.status || 1);
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get installed chromium but ${CHROMIUM} is still missing; ${fix}`);
    process.exit(1);
  }
}
