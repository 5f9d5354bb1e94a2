// The saved-query API over HTTP: list, get, run (rows, graph, truncated, ms), CSV export, save with
// versions, delete keeping history, roles, problems, masking, the run record, and the timeout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "../../../services/api/openapi.ts";
import { GetQuery, ListQueries, QueryVersions, RunQuery, SaveQuery } from "../../../services/api/queries/router.ts";
import type { Graph } from "../../../services/graph/index.ts";
import { loadBuiltins, SAVED_DIR } from "../../../services/queries/index.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";
import { countNodes, type QueryHarness, startQueriesApi } from "./support.ts";

let graph: Graph;
let api: QueryHarness;

const FIXTURE = [
  "CREATE (v:Entity:Region {id: 'V1', name: 'Village 1', level: 'village'})-[:PART_OF]->(:Entity:Region {id: 'T1', name: 'Town 1', level: 'township'})",
  `MATCH (v:Region {id: 'V1'})
   CREATE (c:Entity:Person:Cadre {id: 'P1', name: 'Cadre One', idNumber: '140102198001011234'})-[:HOLDS_POST {role: 'party_secretary', from: date('2015-01-01')}]->(v)
   CREATE (r:Entity:Person {id: 'P2', name: '=HYPERLINK("http://evil")', idNumber: '14010219850101123X'})
   CREATE (c)-[:KIN {relation: 'sibling', declared: false}]->(r)
   CREATE (pg:Entity:Program {id: 'PG1', name: 'Dibao', field: 'dibao', meansTested: true})
   WITH v, c, r, pg
   UNWIND range(1, 3) AS i
   CREATE (g:Entity:Grant {id: 'G' + i, year: 2017 + i, approvedAmount: 3000.0, paidAmount: 3000.0, paidDate: date({year: 2017 + i, month: 5, day: 1})})
   CREATE (g)-[:PAID_TO]->(r), (g)-[:UNDER]->(pg), (g)-[:IN]->(v), (c)-[:APPROVED]->(g)`,
];

const PEOPLE = (extra = "") =>
  [
    "// title: People with identity numbers",
    "// title_zh: 人员身份证号",
    "// description: Persons and their identity numbers.",
    "// graph: true",
    "// parameters:",
    `//   limit: { type: integer, default: 10, min: 1, max: 100, description: rows }${extra}`,
    "MATCH (p:Person)",
    "RETURN p.id AS id, p.idNumber AS idNumber, p AS person",
    "ORDER BY id",
    "LIMIT $limit",
  ].join("\n");

beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  for (const statement of FIXTURE) await graph.write(statement);
  // A generous timeout: on a busy machine an ordinary query may take seconds. The timeout test
  // below has an API of its own with a short one.
  api = await startQueriesApi(graph, { timeoutMs: 120_000, maxRows: 2 });
});
afterAll(async () => {
  await api?.close();
  await graph?.close();
});

describe("reading the catalogue", () => {
  it("lists built-ins for analysts, investigators and admins only", async () => {
    const r = await api.call("GET", "/api/v1/queries");
    expect(r.status).toBe(200);
    expect(ListQueries.response.safeParse(r.body).success).toBe(true);
    // Exactly the built-ins of cypher/saved, and no analyst's query yet.
    expect(r.body.items.map((q: { name: string }) => q.name).sort()).toEqual(loadBuiltins().map((d) => d.name).sort());
    expect(r.body.items.every((q: { source: string }) => q.source === "builtin")).toBe(true);
    expect((await api.call("GET", "/api/v1/queries", { as: "investigator" })).status).toBe(200);
    expect((await api.call("GET", "/api/v1/queries", { as: "consumer" })).status).toBe(403);
    expect((await api.call("GET", "/api/v1/queries", { as: "auditor" })).status).toBe(403);
    expect((await api.call("GET", "/api/v1/queries", { as: null })).status).toBe(401);
  });

  it("shows one query with its parameters and text", async () => {
    const r = await api.call("GET", "/api/v1/queries/kin-subsidies-of-cadre");
    expect(r.status).toBe(200);
    expect(GetQuery.response.safeParse(r.body).success).toBe(true);
    expect(r.body.parameters.cadreId).toMatchObject({ type: "string", required: true });
    expect(r.body.text).toBe(readFileSync(path.join(SAVED_DIR, "kin-subsidies-of-cadre.cypher"), "utf8"));
    expect(r.body.version).toBe(1);
    const missing = await api.call("GET", "/api/v1/queries/no-such-query");
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain("application/problem+json");
    expect((await api.call("GET", "/api/v1/queries/Bad_Name")).body.errors[0].field).toBe("params.name");
  });

  it("is documented in the OpenAPI document", () => {
    const paths = Object.keys(openApiDocument().paths ?? {});
    for (const p of ["/api/v1/queries", "/api/v1/queries/{name}", "/api/v1/queries/{name}/run", "/api/v1/queries/{name}/export.csv", "/api/v1/queries/{name}/versions", "/api/v1/query-runs"]) {
      expect(paths).toContain(p);
    }
  });
});

describe("running", () => {
  it("returns columns, rows, a graph, truncated and milliseconds", async () => {
    const r = await api.call("POST", "/api/v1/queries/kin-subsidies-of-cadre/run", { body: { params: { cadreId: "P1", limit: 50 } } });
    expect(r.status).toBe(200);
    expect(RunQuery.response.safeParse(r.body).success).toBe(true);
    expect(r.body.columns).toEqual(["personId", "person", "relation", "grantId", "program", "meansTested", "year", "paidDate", "paidAmount", "region", "approvedBy", "signedByCadre", "cadreInPost", "links"]);
    // The service caps rows at 2 here: three grants make the result truncated.
    expect(r.body.rows.map((x: { grantId: string }) => x.grantId)).toEqual(["G1", "G2"]);
    expect(r.body.truncated).toBe(true);
    expect(r.body.ms).toBeGreaterThan(0);
    // The graph of the two rows returned: the cadre, the sibling, the two grants and their ties.
    const ids = r.body.graph.nodes.map((n: { id: string }) => n.id).sort();
    expect(ids).toEqual(["G1", "G2", "P1", "P2"]);
    const ties = r.body.graph.edges.map((e: { type: string; source: string; target: string }) => `${e.source}-${e.type}->${e.target}`).sort();
    expect(ties).toEqual(["G1-PAID_TO->P2", "G2-PAID_TO->P2", "P1-APPROVED->G1", "P1-APPROVED->G2", "P1-KIN->P2"]);
    const kin = r.body.graph.edges.find((e: { type: string }) => e.type === "KIN");
    expect(kin).toMatchObject({ source: "P1", target: "P2", label: "sibling" });
  });

  it("validates parameters, naming the one that is wrong", async () => {
    const cases: [unknown, string][] = [
      [{}, "body.params.cadreId"],
      [{ cadreId: "P1", fromYear: "2016" }, "body.params.fromYear"],
      [{ cadreId: "P1", limit: 100000 }, "body.params.limit"],
      [{ cadreId: "P1", drop: 1 }, "body.params.drop"],
    ];
    for (const [params, field] of cases) {
      const r = await api.call("POST", "/api/v1/queries/kin-subsidies-of-cadre/run", { body: { params } });
      expect(r.status, JSON.stringify(params)).toBe(400);
      expect(r.body.errors[0].field).toBe(field);
    }
    expect((await api.call("POST", "/api/v1/queries/no-such/run", { body: { params: {} } })).status).toBe(404);
    expect((await api.call("POST", "/api/v1/queries/kin-subsidies-of-cadre/run", { body: { params: {} }, as: "consumer" })).status).toBe(403);
  });

  it("treats Cypher-looking values as data", async () => {
    const before = await countNodes(graph);
    const r = await api.call("POST", "/api/v1/queries/kin-subsidies-of-cadre/run", { body: { params: { cadreId: "x' }) DETACH DELETE n //" } } });
    expect(r.status).toBe(200);
    expect(r.body.rows).toEqual([]);
    expect(await countNodes(graph)).toEqual(before);
  });
});

describe("exporting CSV", () => {
  it("streams a CSV with parameters from the query string, formulas neutralised", async () => {
    const r = await api.call("GET", "/api/v1/queries/kin-subsidies-of-cadre/export.csv?cadreId=P1&fromYear=2018&toYear=2019");
    expect(r.status).toBe(200);
    expect(r.contentType).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="kin-subsidies-of-cadre.csv"');
    const lines = r.text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]?.split(",").slice(0, 4)).toEqual(["personId", "person", "relation", "grantId"]);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`P2,"'=HYPERLINK(""http://evil"")",sibling,G1`);
    expect(r.text.startsWith("\uFEFF")).toBe(true);
  });

  it("takes parameters in a POST body and refuses bad ones before streaming", async () => {
    const r = await api.call("POST", "/api/v1/queries/kin-subsidies-of-cadre/export.csv", { body: { params: { cadreId: "P1" } } });
    expect(r.status).toBe(200);
    expect(r.text.trimEnd().split("\r\n")).toHaveLength(4);
    const bad = await api.call("GET", "/api/v1/queries/kin-subsidies-of-cadre/export.csv?cadreId=P1&fromYear=abc");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("query.fromYear");
    expect((await api.call("GET", "/api/v1/queries/kin-subsidies-of-cadre/export.csv?cadreId=P1", { as: "consumer" })).status).toBe(403);
  });
});

describe("saving analysts' queries", () => {
  it("creates a query (201), then new versions, guarding against lost updates", async () => {
    const created = await api.call("PUT", "/api/v1/queries/people-with-ids", { body: { text: PEOPLE(), comment: "first" } });
    expect(created.status).toBe(201);
    expect(SaveQuery.response.safeParse(created.body).success).toBe(true);
    expect(created.body).toMatchObject({ name: "people-with-ids", version: 1, source: "saved", created: true, author: api.keyIds.analyst });
    expect(created.headers.get("location")).toBe("/api/v1/queries/people-with-ids");

    const second = await api.call("PUT", "/api/v1/queries/people-with-ids", { body: { text: PEOPLE().replace("ORDER BY id", "ORDER BY id DESC"), baseVersion: 1 } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ version: 2, created: false });

    const stale = await api.call("PUT", "/api/v1/queries/people-with-ids", { body: { text: PEOPLE(), baseVersion: 1 } });
    expect(stale.status).toBe(409);
    const exists = await api.call("PUT", "/api/v1/queries/people-with-ids", { body: { text: PEOPLE(), baseVersion: 0 } });
    expect(exists.status).toBe(409);

    const list = await api.call("GET", "/api/v1/queries");
    expect(list.body.items.find((q: { name: string }) => q.name === "people-with-ids")).toMatchObject({ source: "saved", version: 2 });
    const v1 = await api.call("GET", "/api/v1/queries/people-with-ids?version=1");
    expect(v1.body.cypher).toContain("ORDER BY id\n");
    const versions = await api.call("GET", "/api/v1/queries/people-with-ids/versions");
    expect(QueryVersions.response.safeParse(versions.body).success).toBe(true);
    expect(versions.body.items.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[2, true], [1, false]]);
    expect(versions.body.items[1].comment).toBe("first");
  });

  it("masks identity numbers for every role but investigator", async () => {
    const analyst = await api.call("POST", "/api/v1/queries/people-with-ids/run", { body: { params: { limit: 5 } } });
    expect(analyst.status).toBe(200);
    const values = JSON.stringify(analyst.body.rows);
    expect(values).not.toContain("140102198001011234");
    expect(values).toContain("1401**********1234");
    expect(values).toContain("1401**********123X");
    const investigator = await api.call("POST", "/api/v1/queries/people-with-ids/run", { body: { params: { limit: 5 } }, as: "investigator" });
    expect(JSON.stringify(investigator.body.rows)).toContain("140102198001011234");
    const csv = await api.call("GET", "/api/v1/queries/people-with-ids/export.csv");
    expect(csv.text).not.toContain("140102198001011234");
  });

  it("refuses what is not a valid, read-only query, saying why and where", async () => {
    const before = await countNodes(graph);
    const write = await api.call("PUT", "/api/v1/queries/sneaky", { body: { text: PEOPLE().replace("RETURN p.id", "SET p.flagged = true\nRETURN p.id") } });
    expect(write.status).toBe(422);
    expect(write.contentType).toContain("application/problem+json");
    expect(write.body.refusals[0]).toMatchObject({ rule: "write", line: 8, column: 1 });
    expect(write.body.detail).toBe("sneaky: 8:1: write: SET writes to the database; saved queries are read-only");

    const procedure = await api.call("PUT", "/api/v1/queries/sneaky", { body: { text: PEOPLE().replace("MATCH (p:Person)", "CALL db.createLabel('X')\nMATCH (p:Person)") } });
    expect(procedure.status).toBe(422);
    expect(procedure.body.refusals[0]).toMatchObject({ rule: "procedure", line: 7, column: 6 });

    const syntax = await api.call("PUT", "/api/v1/queries/sneaky", { body: { text: PEOPLE().replace("ORDER BY id", "ORDER BY") } });
    expect(syntax.status).toBe(422);
    expect(syntax.body.refusals[0].rule).toBe("syntax");

    const header = await api.call("PUT", "/api/v1/queries/sneaky", { body: { text: PEOPLE().replace("// title_zh: 人员身份证号\n", "") } });
    expect(header.status).toBe(422);
    expect(header.body.errors).toEqual([{ field: "body.text:title_zh", message: "Invalid input: expected string, received undefined" }]);

    const unbounded = await api.call("PUT", "/api/v1/queries/sneaky", { body: { text: PEOPLE().replace("LIMIT $limit", "") } });
    expect(unbounded.status).toBe(422);

    expect((await api.call("GET", "/api/v1/queries/sneaky")).status).toBe(404);
    expect(await countNodes(graph)).toEqual(before);
  });

  it("never overwrites or deletes a built-in, and only authors may save", async () => {
    const builtin = await api.call("PUT", "/api/v1/queries/skimmed-grants", { body: { text: PEOPLE() } });
    expect(builtin.status).toBe(409);
    expect((await api.call("DELETE", "/api/v1/queries/skimmed-grants")).status).toBe(409);
    expect((await api.call("PUT", "/api/v1/queries/mine", { body: { text: PEOPLE() }, as: "investigator" })).status).toBe(403);
    expect((await api.call("DELETE", "/api/v1/queries/people-with-ids", { as: "investigator" })).status).toBe(403);
  });

  it("deletes a query but keeps its history, and a later save continues it", async () => {
    const deleted = await api.call("DELETE", "/api/v1/queries/people-with-ids");
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ name: "people-with-ids", version: 2, deleted: true });
    expect((await api.call("GET", "/api/v1/queries/people-with-ids")).status).toBe(404);
    expect((await api.call("POST", "/api/v1/queries/people-with-ids/run", { body: { params: {} } })).status).toBe(404);
    expect((await api.call("DELETE", "/api/v1/queries/people-with-ids")).status).toBe(404);
    const history = await api.call("GET", "/api/v1/queries/people-with-ids/versions");
    expect(history.body.items).toHaveLength(2);
    const again = await api.call("PUT", "/api/v1/queries/people-with-ids", { body: { text: PEOPLE() } });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(3);
  });
});

describe("the run record and the timeout", () => {
  it("stops a query past the timeout with 503, records it, and the next one runs", async () => {
    const quick = await startQueriesApi(graph, { timeoutMs: 1500, maxRows: 2 });
    try {
      const burner = PEOPLE().replace("MATCH (p:Person)\nRETURN p.id AS id, p.idNumber AS idNumber, p AS person\nORDER BY id", "UNWIND range(1, 2000000000) AS x\nWITH x WHERE x % 7919 = -1\nRETURN count(x) AS id");
      expect((await quick.call("PUT", "/api/v1/queries/slow-burner", { body: { text: burner } })).status).toBe(201);
      const slow = await quick.call("POST", "/api/v1/queries/slow-burner/run", { body: { params: {} } });
      expect(slow.status).toBe(503);
      expect(slow.body.detail).toBe("the query did not finish within 1500 ms and was stopped");
      const runs = await quick.call("GET", "/api/v1/query-runs?query=slow-burner", { as: "auditor" });
      expect(runs.body.items.map((x: { status: string }) => x.status)).toEqual(["timeout"]);
    } finally {
      await quick.close();
    }
    // The database is not left busy with it.
    const next = await api.call("POST", "/api/v1/queries/kin-subsidies-of-cadre/run", { body: { params: { cadreId: "P1" } } });
    expect(next.status).toBe(200);
  });

  it("records every run: who, query, parameters, rows, milliseconds, outcome", async () => {
    const r = await api.call("GET", "/api/v1/query-runs?limit=100", { as: "auditor" });
    expect(r.status).toBe(200);
    const runs = r.body.items as { query: string; keyId: string; role: string; params: Record<string, unknown>; rows: number; ms: number; status: string; format: string }[];
    const ok = runs.find((x) => x.query === "kin-subsidies-of-cadre" && x.status === "ok" && x.format === "json" && x.params.limit === 50);
    expect(ok).toMatchObject({ keyId: api.keyIds.analyst, role: "analyst", rows: 2 });
    expect(ok?.params).toMatchObject({ cadreId: "P1", fromYear: 2016, toYear: 2021, limit: 50 });
    expect(ok?.ms).toBeGreaterThan(0);
    expect(runs.some((x) => x.query === "kin-subsidies-of-cadre" && x.format === "csv" && x.rows === 2)).toBe(true);
    expect(runs.some((x) => x.status === "invalid")).toBe(true);
    const one = await api.call("GET", "/api/v1/query-runs?query=kin-subsidies-of-cadre", { as: "auditor" });
    expect(one.body.items.length).toBeGreaterThan(0);
    expect(one.body.items.every((x: { query: string }) => x.query === "kin-subsidies-of-cadre")).toBe(true);
    expect((await api.call("GET", "/api/v1/query-runs", { as: "analyst" })).status).toBe(403);
  });
});
