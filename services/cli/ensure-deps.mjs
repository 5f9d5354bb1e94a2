// Installs the npm packages when node_modules is missing or older than package-lock.json.
// Plain JavaScript, so it runs before any dependency exists (npm start, npm test).
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

export function ensureDependencies() {
  const stamp = "node_modules/.package-lock.json";
  if (existsSync(stamp) && statSync("package-lock.json").mtimeMs <= statSync(stamp).mtimeMs) return;
  console.log("$ npm ci --no-audit --no-fund");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`npm ci failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}
