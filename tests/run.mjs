#!/usr/bin/env node
// The whole test command (`npm test`): installs what is missing (npm packages, Debian's Chromium
// for the browser tests; the Neo4j jars come through Maven in the test setup), then type-check,
// lint, unit, integration (real Neo4j) and e2e (real Chromium) tests, with a summary per project.
// Plain Node so it runs before node_modules exists.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ensureUiBuilt } from "../services/cli/build-ui.mjs";
import { ensureChromium, ensureDependencies } from "../services/cli/ensure-deps.mjs";

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

const args = process.argv.slice(2);
/** The vitest projects these arguments select (every project when none is named). */
function selectsProject(name) {
  const named = args.flatMap((a, i) => (a === "--project" ? [args[i + 1]] : a.startsWith("--project=") ? [a.slice("--project=".length)] : []));
  return named.length === 0 || named.includes(name);
}

ensureDependencies();
if (selectsProject("e2e")) ensureChromium();
for (const tool of ["java", "mvn"]) {
  if (spawnSync(tool, ["-version"], { stdio: "ignore" }).status !== 0) {
    console.error(`${tool} is required (Java 17 and Maven) to run the local Neo4j`);
    process.exit(1);
  }
}
run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
run("npx", ["tsc", "--noEmit", "-p", "ui/tsconfig.json"]); // the browser pages, with the DOM types
run("npx", ["eslint", "."]);
// The test server loads Graph Data Science (GPLv3, fetched once through Maven) so the GDS engine is
// tested too; NEO4J_LOCAL_GDS=0 leaves it out (its test then skips).
process.env.NEO4J_LOCAL_GDS ??= "1";
// The e2e tests drive the built pages.
if (selectsProject("e2e")) ensureUiBuilt();
const results = ".data/test-results.json";
rmSync(results, { force: true });
const vitest = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...args], { stdio: "inherit" });
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, "utf8"));
  // Per project, by the tests/<project>/ folder each file lives in.
  const projects = new Map();
  for (const file of r.testResults ?? []) {
    const project = /[\\/]tests[\\/]([^\\/]+)[\\/]/.exec(file.name)?.[1] ?? "other";
    const counts = projects.get(project) ?? { passed: 0, failed: 0, skipped: 0 };
    for (const t of file.assertionResults ?? []) {
      if (t.status === "passed") counts.passed += 1;
      else if (t.status === "failed") counts.failed += 1;
      else counts.skipped += 1;
    }
    projects.set(project, counts);
  }
  const perProject = [...projects].map(([name, c]) => `${name} ${c.passed}/${c.passed + c.failed}${c.skipped ? ` (+${c.skipped} skipped)` : ""}`).join(", ");
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped${perProject ? ` — ${perProject}` : ""}`);
}
process.exit(vitest.status ?? 1);
