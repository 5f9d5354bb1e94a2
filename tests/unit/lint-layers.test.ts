// The layers of docs/ARCHITECTURE.md are kept by eslint (import-x/no-restricted-paths, configured in
// eslint.config.js): each fixture in tests/fixtures/lint breaks one rule and is linted, through
// ESLint's Node API, as if it stood where its first line says. `eslint .` ignores the fixtures.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/lint");
const RULE = "import-x/no-restricted-paths";

/** What each fixture must be told, one line per import it must be refused (its allowed import passes). */
const EXPECTED: Record<string, { line: number; message: string }[]> = {
  "driver-outside-graph.ts": [{ line: 3, message: "services/analytics may not import neo4j-driver: only services/graph may" }],
  "api-below-cli.ts": [{ line: 4, message: "services/queries may not import services/api: only services/cli may" }],
  "router-imports-router.ts": [{ line: 3, message: "a router may not import another router" }],
  "repository-imports-schemas.ts": [
    { line: 3, message: "a repository may not import HTTP schemas or Express" },
    { line: 4, message: "a repository may not import HTTP schemas or Express" },
  ],
  "seed-imports-services.ts": [{ line: 4, message: "seed may not import services/graph: only services/neo4j, services/ingest, services/queries, services/analytics, services/api, services/cli may" }],
};

// The first lint loads the TypeScript parser: seconds on a busy machine.
describe("import boundaries", { timeout: 60_000 }, () => {
  const eslint = new ESLint({ cwd: ROOT });

  it("has a fixture for every rule and nothing else in the fixture folder", () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`refuses ${file}`, async () => {
      const text = readFileSync(path.join(FIXTURES, file), "utf8");
      const as = /^\/\/ lint as: (\S+)/.exec(text)?.[1];
      expect(as).toBeDefined();
      const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, as!) });
      const found = result!.messages.map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
      expect(found).toEqual(expected.map((e) => ({ rule: RULE, line: e.line, message: expect.stringContaining(e.message) })));
    });
  }

  it("is ignored by `eslint .`", async () => {
    for (const file of Object.keys(EXPECTED)) expect(await eslint.isPathIgnored(path.join(FIXTURES, file))).toBe(true);
  });
});
