// One parameter model: a detector's parameters, a saved query's and an analysis run's overrides are
// declared with the same header syntax and checked by the same code, with the same messages.
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { parseFlag } from "../../services/analytics/flags/definition.ts";
import { loadFlags } from "../../services/analytics/flags/registry.ts";
import { flagParameters } from "../../services/analytics/flags/run.ts";
import { checkParameters } from "../../services/api/analysis/service.ts";
import { ParameterError } from "../../services/graph/index.ts";
import { bindParameters, parseQuery } from "../../services/queries/index.ts";

const DECLARATIONS = [
  "//   windowDays: { type: integer, default: 180, min: 1, max: 1095, description: days }",
  "//   tolerance: { type: number, default: 0.05, min: 0, max: 1, description: share }",
  "//   roles: { type: list, default: [legal_rep, shareholder], description: roles }",
];

const FLAG = ["// id: TEST_FLAG", "// title: Test", "// title_zh: 测试", "// typology: test", "// description: a test detector", "// weight: 0.5", "// parameters:", ...DECLARATIONS, "RETURN $windowDays AS key"].join("\n");
const QUERY = [
  "// name: test-query",
  "// title: Test",
  "// title_zh: 测试",
  "// description: a test query",
  "// parameters:",
  ...DECLARATIONS,
  "//   limit: { type: integer, default: 10, min: 1, max: 100, description: rows }",
  "RETURN $windowDays AS d, $tolerance AS t, $roles AS r LIMIT $limit",
].join("\n");

/** The field errors `run` throws, or [] when it does not. */
function failures(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ParameterError);
    return (error as ParameterError).errors;
  }
  return [];
}

describe("the parameter model", () => {
  const flag = parseFlag(FLAG, "cypher/flags/TEST_FLAG.cypher");
  const query = parseQuery(QUERY, "test-query");

  it("fills a detector's defaults and sends integers as Neo4j integers", () => {
    const values = flagParameters(flag, { tolerance: 0.1 });
    expect(neo4j.isInt(values.windowDays)).toBe(true);
    expect(String(values.windowDays)).toBe("180");
    expect(values).toMatchObject({ tolerance: 0.1, roles: ["legal_rep", "shareholder"] });
  });

  it("refuses a detector's bad overrides exactly as a saved query's, field by field", () => {
    const bad = { windowDays: 2.5, tolerance: 2, roles: "legal_rep", windowDayz: 3 };
    const asFlag = failures(() => flagParameters(flag, bad, "p"));
    const asQuery = failures(() => bindParameters(query, bad, "json", "p"));
    expect(asFlag.map((e) => e.field).sort()).toEqual(["p.roles", "p.tolerance", "p.windowDays", "p.windowDayz"]);
    expect(asQuery.map((e) => e.field).sort()).toEqual(["p.roles", "p.tolerance", "p.windowDays", "p.windowDayz"]);
    expect(asFlag.find((e) => e.field === "p.tolerance")).toEqual(asQuery.find((e) => e.field === "p.tolerance"));
    expect(asFlag.find((e) => e.field === "p.windowDays")).toEqual(asQuery.find((e) => e.field === "p.windowDays"));
    expect(asFlag.find((e) => e.field === "p.windowDayz")?.message).toBe("unknown parameter (known: windowDays, tolerance, roles)");
  });

  it("checks an analysis run's overrides with the detector's own check, naming body fields", () => {
    const deceased = loadFlags().find((f) => f.id === "DECEASED_PAYEE")!;
    const bad = { graceDays: "soon", graceDayz: 3 };
    let thrown: unknown;
    try {
      checkParameters({ DECEASED_PAYEE: bad, NO_SUCH_FLAG: {} });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: "ValidationError", kind: "invalid" });
    const expected = failures(() => flagParameters(deceased, bad, "body.parameters.DECEASED_PAYEE"));
    expect((thrown as ParameterError).errors).toEqual([...expected, { field: "body.parameters.NO_SUCH_FLAG", message: "no flag NO_SUCH_FLAG" }]);
    expect(() => checkParameters({ DECEASED_PAYEE: { graceDays: 3 } })).not.toThrow();
  });

  it("refuses a detector declaration that a saved query would refuse, and one without a default", () => {
    const withDeclaration = (line: string) => FLAG.replace(DECLARATIONS[0]!, line);
    expect(() => parseFlag(withDeclaration("//   windowDays: { type: integer, default: 2000, min: 1, max: 1095, description: days }"), "F.cypher")).toThrow(
      "F.cypher: default of windowDays is outside [1, 1095]",
    );
    expect(() => parseFlag(withDeclaration("//   windowDays: { type: integer, min: 1, description: days }"), "F.cypher")).toThrow(/parameters\.windowDays\.default: a detector parameter needs a default/);
    expect(() => parseFlag(withDeclaration("//   windowDays: { type: integer, default: 1, step: 2, description: days }"), "F.cypher")).toThrow(/parameters\.windowDays/);
  });

  it("holds for every detector in cypher/flags: its defaults pass its own check", () => {
    for (const f of loadFlags()) expect(failures(() => flagParameters(f))).toEqual([]);
  });
});
