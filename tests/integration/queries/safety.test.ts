// Refusals against the real database: every write, admin, file and procedure form is refused before
// it runs, by the static check and independently by EXPLAIN, and the database is unchanged; a READ
// transaction refuses writes even if both checks were bypassed; Cypher-looking parameter values
// are data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CypherCompileError, explain, type Graph, QueryExecutionError, streamRead } from "../../../services/graph/index.ts";
import {
  assertReadOnly,
  bindParameters,
  planCheck,
  QueryCatalogue,
  QueryRefusedError,
  type RefusalRule,
  runQuery,
} from "../../../services/queries/index.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";
import { tempStore } from "../../support/store.ts";
import { countNodes } from "./support.ts";

let graph: Graph;
let catalogue: QueryCatalogue;

const FIXTURE = [
  "CREATE (v:Entity:Region {id: 'V1', name: 'Village 1', level: 'village'})-[:PART_OF]->(:Entity:Region {id: 'T1', name: 'Town 1', level: 'township'})",
  `MATCH (v:Region {id: 'V1'})
   CREATE (c:Entity:Person:Cadre {id: 'P1', name: 'Cadre One'})-[:HOLDS_POST {role: 'party_secretary', from: date('2015-01-01')}]->(v)
   CREATE (r:Entity:Person {id: 'P2', name: 'Relative'})
   CREATE (c)-[:KIN {relation: 'sibling', declared: false}]->(r)
   CREATE (pg:Entity:Program {id: 'PG1', name: 'Dibao', field: 'dibao', meansTested: true})
   CREATE (g:Entity:Grant {id: 'G1', year: 2018, approvedAmount: 3000.0, paidAmount: 3000.0, paidDate: date('2018-05-01')})
   CREATE (g)-[:PAID_TO]->(r), (g)-[:UNDER]->(pg), (g)-[:IN]->(v), (c)-[:APPROVED]->(g)`,
];

beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  for (const statement of FIXTURE) await graph.write(statement);
  catalogue = await QueryCatalogue.open(graph, tempStore());
});
afterAll(async () => graph?.close());

/** Leaves a trace if it ever ran: a Marker node, a property, a label or a deleted node. */
const REFUSED: [string, RefusalRule, string][] = [
  ["CREATE", "write", "CREATE (m:Marker) RETURN m"],
  ["MERGE", "write", "MERGE (m:Marker {id: 1}) RETURN m"],
  ["SET", "write", "MATCH (n:Person) SET n.touched = true RETURN n"],
  ["SET label", "write", "MATCH (n:Person) SET n:Marker RETURN n"],
  ["DELETE", "write", "MATCH (n:Grant) DETACH DELETE n"],
  ["REMOVE", "write", "MATCH (n:Person) REMOVE n.name RETURN n"],
  ["write after WITH", "write", "MATCH (n:Person) WITH count(n) AS c CREATE (m:Marker {c: c}) RETURN m"],
  ["write inside CALL { }", "write", "MATCH (n:Person) CALL (n) { SET n.touched = true } RETURN n.id AS id"],
  ["write inside an unscoped CALL { }", "write", "CALL { CREATE (m:Marker) RETURN m } RETURN m"],
  ["write inside FOREACH", "write", "MATCH (n:Person) FOREACH (x IN [1] | SET n.touched = x) RETURN n"],
  ["CALL { } IN TRANSACTIONS", "transactions", "MATCH (n:Grant) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS"],
  ["LOAD CSV from a file", "load-csv", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
  ["LOAD CSV from a URL", "load-csv", "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row CREATE (:Marker) RETURN row"],
  ["db.createLabel", "procedure", "CALL db.createLabel('MarkerLabel')"],
  ["db.clearQueryCaches", "procedure", "CALL db.clearQueryCaches()"],
  ["dbms.*", "procedure", "CALL dbms.components() YIELD name RETURN name"],
  ["dbms.setConfigValue", "procedure", "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')"],
  ["tx.setMetaData", "procedure", "CALL tx.setMetaData({a: 1})"],
  ["db.index.fulltext.drop", "procedure", "CALL db.index.fulltext.drop('entity_names')"],
  ["SHOW", "admin", "SHOW TRANSACTIONS"],
  ["SHOW USERS", "admin", "SHOW USERS"],
  ["TERMINATE", "admin", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
  ["CREATE USER", "write", "CREATE USER mallory SET PASSWORD 'secret123' CHANGE NOT REQUIRED"],
  ["DROP INDEX", "admin", "DROP INDEX grant_year"],
  ["CREATE INDEX", "write", "CREATE INDEX marker IF NOT EXISTS FOR (m:Marker) ON (m.id)"],
  ["USE", "use", "USE system SHOW DATABASES"],
  ["two statements", "multiple-statements", "MATCH (n) RETURN count(n) AS n; MATCH (m) DETACH DELETE m"],
  ["a user function", "function", "RETURN apoc.create.uuid() AS id"],
];

async function snapshot() {
  const counts = await countNodes(graph);
  const [traces] = await graph.read<{ markers: number; touched: number; named: number; labels: string[] }>(
    `CALL () { MATCH (m:Marker) RETURN count(m) AS markers }
     CALL () { MATCH (n:Person) WHERE n.touched IS NOT NULL RETURN count(n) AS touched }
     CALL () { MATCH (n:Person) WHERE n.name IS NOT NULL RETURN count(n) AS named }
     CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
     RETURN markers, touched, named, labels`,
  );
  return { counts, traces };
}

describe("refused before execution, the database unchanged", () => {
  for (const [what, rule, text] of REFUSED) {
    it(`${what}: ${text.slice(0, 70)}`, async () => {
      const before = await snapshot();
      const error = await assertReadOnly(graph, text).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(QueryRefusedError);
      const refusals = (error as QueryRefusedError).refusals;
      expect(refusals.map((r) => r.rule)).toContain(rule);
      expect(refusals[0]?.line).toBeGreaterThanOrEqual(1);
      expect(await snapshot()).toEqual(before);
    });
  }

  it("the EXPLAIN layer alone refuses each form it can compile", async () => {
    const before = await snapshot();
    for (const [what, , text] of REFUSED) {
      let refused: boolean;
      try {
        refused = planCheck(await explain(graph, text)).length > 0;
      } catch (error) {
        // Administration commands do not compile against the county database at all.
        refused = error instanceof CypherCompileError;
      }
      // A user function is unknown to the server: EXPLAIN fails to compile it.
      expect(refused, what).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a READ transaction refuses writes even if both checks were bypassed", async () => {
    const before = await snapshot();
    for (const text of ["CREATE (m:Marker) RETURN m", "MATCH (n:Person) SET n.touched = true RETURN n", "MATCH (n:Grant) DETACH DELETE n", "CALL db.createLabel('MarkerLabel')"]) {
      await expect(streamRead(graph, text, {}, { timeoutMs: 5000, maxRecords: 10 }, () => undefined)).rejects.toBeInstanceOf(QueryExecutionError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("positions point into the submitted file", async () => {
    const error = (await assertReadOnly(graph, "MATCH (n)\nWITH n\n  MERGE (m:Marker)\nRETURN m", { firstLine: 8 }).catch((e: unknown) => e)) as QueryRefusedError;
    expect(error.refusals[0]).toMatchObject({ rule: "write", line: 10, column: 3 });
    expect(error.message).toContain("10:3");
    const syntax = (await assertReadOnly(graph, "MATCH (n)\nRETURN n.name AS\nLIMIT 1", { firstLine: 8 }).catch((e: unknown) => e)) as QueryRefusedError;
    expect(syntax.refusals[0]?.rule).toBe("syntax");
    expect(syntax.refusals[0]?.line).toBeGreaterThanOrEqual(9);
  });

  it("read-only queries pass both layers", async () => {
    await assertReadOnly(graph, "CALL db.labels() YIELD label RETURN label", { fresh: true });
    await assertReadOnly(graph, "MATCH (n:Person {name: 'CREATE (x)'}) RETURN n.id AS id // SET n.x = 1", { fresh: true });
  });
});

describe("parameter values that look like Cypher", () => {
  const hostile = ["x' }) DETACH DELETE n //", "P1'}) MATCH (n) DETACH DELETE n RETURN 1 AS x //", "\"; MATCH (n) DETACH DELETE n; //", "$limit", "`P1`"];

  it("are plain values: nothing matches and nothing changes", async () => {
    const before = await snapshot();
    const def = await catalogue.require("kin-subsidies-of-cadre");
    for (const value of hostile) {
      const result = await runQuery(graph, def, bindParameters(def, { cadreId: value }));
      expect(result.rowCount, value).toBe(0);
    }
    const ties = await catalogue.require("ties-between-entities");
    for (const value of hostile) {
      const result = await runQuery(graph, ties, bindParameters(ties, { fromId: value, toId: "P2" }));
      expect(result.rowCount, value).toBe(0);
    }
    expect(await snapshot()).toEqual(before);
    // The honest value still works.
    const honest = await runQuery(graph, def, bindParameters(def, { cadreId: "P1" }));
    expect(honest.rows.map((r) => r.grantId)).toEqual(["G1"]);
  });
});
