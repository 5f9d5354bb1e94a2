#!/usr/bin/env node
// The whole test command (`npm test`): installs what is missing (npm packages; the Neo4j jars
// come through Maven in the integration setup), then type-check, lint, unit and integration
// tests against a real Neo4j. Plain Node so it runs before node_modules exists.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { ensureDependencies } from "../services/cli/ensure-deps.mjs";

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

ensureDependencies();
for (const tool of ["java", "mvn"]) {
  if (spawnSync(tool, ["-version"], { stdio: "ignore" }).status !== 0) {
    console.error(`${tool} is required (Java 17 and Maven) to run the local Neo4j`);
    process.exit(1);
  }
}
run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
run("npx", ["eslint", "."]);
const results = ".data/test-results.json";
const vitest = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...process.argv.slice(2)], { stdio: "inherit" });
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, "utf8"));
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
}
process.exit(vitest.status ?? 1);
