// Saved-query definitions: the YAML header (zod), parameter declarations against their use, the
// `limit` bound, parameter binding (types, bounds, defaults, Neo4j integers), and CSV cells.
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { csvField, csvRow } from "../../services/queries/csv.ts";
import { parseQuery, QueryDefinitionError } from "../../services/queries/definition.ts";
import { bindParameters, ParameterError } from "../../services/graph/index.ts";
import { loadBuiltins } from "../../services/queries/catalogue.ts";

const HEADER = [
  "// name: grants-by-year",
  "// title: Grants by year",
  "// title_zh: 按年度统计补贴",
  "// description: >",
  "//   Counts grants per year.",
  "// parameters:",
  "//   fromYear: { type: integer, default: 2016, min: 1990, max: 2100, description: first year }",
  "//   program: { type: string, required: true, description: program id }",
  "//   fields: { type: list, items: string, default: [dibao], description: fields }",
  "//   ids: { type: list, items: integer, required: false, description: ids }",
  "//   since: { type: date, default: '2016-01-01', description: first day }",
  "//   limit: { type: integer, default: 100, min: 1, max: 1000, description: rows }",
];
const BODY = "MATCH (g:Grant)-[:UNDER]->(p:Program {id: $program})\nWHERE g.year >= $fromYear AND p.field IN $fields AND ($ids IS NULL OR g.n IN $ids) AND g.paidDate >= date($since)\nRETURN g.year AS year, count(*) AS grants\nLIMIT $limit";
const TEXT = `${HEADER.join("\n")}\n${BODY}`;

function issues(text: string, name?: string): string[] {
  try {
    parseQuery(text, "test.cypher", { expectedName: name });
  } catch (error) {
    if (error instanceof QueryDefinitionError) return error.issues.map((i) => `${i.where}: ${i.message}`);
    throw error;
  }
  return [];
}

describe("parseQuery", () => {
  it("reads the header, the Cypher and where it starts", () => {
    const def = parseQuery(TEXT, "grants-by-year.cypher", { expectedName: "grants-by-year" });
    expect(def).toMatchObject({ name: "grants-by-year", title_zh: "按年度统计补贴", graph: false, schemes: [], source: "builtin", cypherLine: HEADER.length + 1 });
    expect(def.parameters.fromYear).toMatchObject({ type: "integer", default: 2016, required: false });
    expect(def.parameters.program?.required).toBe(true);
    expect(def.cypher).toBe(BODY);
  });

  it("takes the name from the URL when the header has none, and refuses a different one", () => {
    expect(parseQuery(TEXT.replace("// name: grants-by-year\n", ""), "x", { expectedName: "grants-by-year" }).name).toBe("grants-by-year");
    expect(issues(TEXT, "other-name")).toEqual(["name: is grants-by-year but must be other-name"]);
  });

  it("refuses bad headers with the field that is wrong", () => {
    expect(issues(TEXT.replace("name: grants-by-year", "name: Grants_By_Year"))[0]).toMatch(/^name: kebab-case/);
    expect(issues(TEXT.replace("// title_zh: 按年度统计补贴\n", ""))[0]).toMatch(/^title_zh:/);
    expect(issues(TEXT.replace("type: integer, default: 2016", "type: integr, default: 2016"))[0]).toMatch(/^parameters\.fromYear\.type:/);
    expect(issues(TEXT.replace("// title: Grants by year", "// title: Grants by year\n// colour: red"))[0]).toMatch(/colour/);
    expect(issues(TEXT.replace("default: 2016, min: 1990", "default: 1900, min: 1990"))).toEqual(["parameters.fromYear: default of fromYear is outside [1990, 2100]"]);
    expect(issues(TEXT.replace("default: '2016-01-01'", "default: '2016-02-30'"))).toEqual(["parameters.since: default of since is not a date"]);
    expect(issues(TEXT.replace("required: true, description: program id", "required: true, default: x, description: program id"))[0]).toMatch(/required parameter has no default/);
    expect(issues(TEXT.replace("// title: Grants by year", "// title: [unclosed"))[0]).toMatch(/^header:/);
  });

  it("checks parameters against their use and requires the limit", () => {
    expect(issues(TEXT.replace("p.field IN $fields", "p.field IN $field"))).toEqual(["parameters: $field is used but not declared", "parameters.fields: is declared but not used"]);
    expect(issues(TEXT.replace("\nLIMIT $limit", ""))).toContain("parameters.limit: is declared but not used");
    expect(issues(TEXT.replace("//   limit: { type: integer, default: 100, min: 1, max: 1000, description: rows }\n", "").replace("LIMIT $limit", "LIMIT 10"))[0]).toMatch(/^parameters\.limit: every query is bounded/);
  });

  it("refuses unsafe Cypher with line:column in the file", () => {
    try {
      parseQuery(TEXT.replace("RETURN g.year", "SET g.seen = true\nRETURN g.year"), "q.cypher");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QueryDefinitionError);
      const e = error as QueryDefinitionError;
      expect(e.refusals[0]).toMatchObject({ rule: "write", line: HEADER.length + 3, column: 1 });
      expect(e.message).toContain(`${HEADER.length + 3}:1: write: SET writes`);
    }
  });

  it("accepts every built-in query file", () => {
    const list = loadBuiltins();
    expect(list.length).toBeGreaterThanOrEqual(15);
    expect(new Set(list.map((d) => d.name)).size).toBe(list.length);
  });
});

describe("bindParameters", () => {
  const def = parseQuery(TEXT, "q");

  it("fills defaults, sends integers as Neo4j integers and absent optional values as null", () => {
    const bound = bindParameters(def, { program: "PG1" });
    expect(neo4j.isInt(bound.fromYear)).toBe(true);
    expect(String(bound.fromYear)).toBe("2016");
    expect(neo4j.isInt(bound.limit)).toBe(true);
    expect(bound).toMatchObject({ program: "PG1", fields: ["dibao"], ids: null, since: "2016-01-01" });
    const withIds = bindParameters(def, { program: "PG1", ids: [3, 4], since: "2020-02-29" });
    expect((withIds.ids as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
  });

  it("refuses wrong values naming the parameter", () => {
    const fail = (input: unknown) => {
      try {
        bindParameters(def, input);
      } catch (error) {
        return (error as ParameterError).errors.map((e) => e.field);
      }
      return [];
    };
    expect(fail({})).toEqual(["params.program"]);
    expect(fail({ program: "PG1", fromYear: 2016.5 })).toEqual(["params.fromYear"]);
    expect(fail({ program: "PG1", fromYear: 3000 })).toEqual(["params.fromYear"]);
    expect(fail({ program: "PG1", limit: 0 })).toEqual(["params.limit"]);
    expect(fail({ program: "PG1", since: "2021-13-01" })).toEqual(["params.since"]);
    expect(fail({ program: "PG1", fields: "dibao" })).toEqual(["params.fields"]);
    expect(fail({ program: "PG1", drop: true })).toEqual(["params.drop"]);
    expect(fail({ program: 7 })).toEqual(["params.program"]);
  });

  it("reads query-string text as the declared types", () => {
    const bound = bindParameters(def, { program: "PG1", fromYear: "2018", fields: "dibao,housing", ids: "1,2", limit: "5" }, "query");
    expect(String(bound.fromYear)).toBe("2018");
    expect(bound.fields).toEqual(["dibao", "housing"]);
    expect(String(bound.limit)).toBe("5");
    expect(() => bindParameters(def, { program: "PG1", fromYear: "abc" }, "query")).toThrow(ParameterError);
  });

  it("keeps Cypher-looking values as plain data", () => {
    const bound = bindParameters(def, { program: "x' }) DETACH DELETE n //" });
    expect(bound.program).toBe("x' }) DETACH DELETE n //");
  });
});

describe("CSV cells", () => {
  it("quotes per RFC 4180 and neutralises formulas in text", () => {
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tx")).toBe("'\tx");
    expect(csvField(-12.5)).toBe("-12.5");
    expect(csvField(null)).toBe("");
    expect(csvField(["a", "=b"])).toBe("a; =b");
    expect(csvField(["=a", "b"])).toBe("'=a; b");
  });

  it("writes nodes by id, relationships by type and paths as arrows", () => {
    const node = (id: string) => ({ elementId: `4:x:${id}`, labels: ["Entity", "Person"], properties: { id } });
    const rel = { elementId: "5:x:1", type: "KIN", start: "4:x:a", end: "4:x:b", properties: {} };
    expect(csvRow(["n", "r", "p", "m"], { n: node("P1"), r: rel, p: { nodes: [node("P1"), node("P2")], relationships: [rel] }, m: { a: 1 } })).toBe('P1,KIN,P1 → P2,"{""a"":1}"\r\n');
  });
});
