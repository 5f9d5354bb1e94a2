// The static read-only check of saved queries: what it refuses, where it says the problem is, and
// what it leaves alone (keywords inside strings, comments, names, properties and map keys).
import { describe, expect, it } from "vitest";
import { planCheck, staticCheck } from "../../services/queries/safety.ts";
import { tokenize } from "../../services/queries/tokenizer.ts";

const rules = (text: string) => staticCheck(text).map((r) => r.rule);

describe("tokenize", () => {
  it("skips strings, comments and backticked names, and keeps positions", () => {
    const tokens = tokenize("MATCH (n) // CREATE\nWHERE n.name = 'DELETE \\'x\\'' /* SET\n */ RETURN `MERGE` AS $p", 7);
    expect(tokens.filter((t) => t.kind === "word").map((t) => t.text)).toEqual(["MATCH", "n", "WHERE", "n", "name", "RETURN", "AS"]);
    expect(tokens.find((t) => t.kind === "string")?.text).toBe("DELETE 'x'");
    expect(tokens.find((t) => t.kind === "quoted")?.text).toBe("MERGE");
    expect(tokens.find((t) => t.kind === "param")?.text).toBe("p");
    const where = tokens.find((t) => t.text === "WHERE");
    expect([where?.line, where?.column]).toEqual([8, 1]);
  });

  it("reads numbers, ranges and unicode names", () => {
    const tokens = tokenize("RETURN [1..3], 1.5e3, 0x1F, 名字");
    expect(tokens.filter((t) => t.kind === "number").map((t) => t.text)).toEqual(["1", "3", "1.5e3", "0x1F"]);
    expect(tokens.at(-1)?.text).toBe("名字");
  });

  it("reports unterminated strings and comments", () => {
    expect(staticCheck("RETURN 'abc")[0]).toMatchObject({ rule: "syntax", line: 1, column: 8 });
    expect(staticCheck("RETURN 1 /* x")[0]).toMatchObject({ rule: "syntax" });
  });
});

describe("staticCheck refuses", () => {
  const refused: [string, string][] = [
    ["CREATE (n:X) RETURN n", "write"],
    ["MERGE (n:X {id: 1}) RETURN n", "write"],
    ["MATCH (n) SET n.x = 1 RETURN n", "write"],
    ["MATCH (n) DELETE n", "write"],
    ["MATCH (n) DETACH DELETE n", "write"],
    ["MATCH (n) REMOVE n.x RETURN n", "write"],
    ["MATCH (n) WITH n CREATE (m:Copy) RETURN m", "write"],
    ["MATCH (n) CALL (n) { SET n.touched = true } RETURN n", "write"],
    ["MATCH (n) FOREACH (x IN [1] | SET n.y = x) RETURN n", "write"],
    ["INSERT (n:X)", "write"],
    ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "load-csv"],
    ["CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1", "transactions"],
    ["USE system MATCH (n) RETURN n", "use"],
    ["SHOW USERS", "admin"],
    ["SHOW TRANSACTIONS", "admin"],
    ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "admin"],
    ["DROP DATABASE neo4j", "admin"],
    ["CREATE USER bob SET PASSWORD 'x'", "write"],
    ["STOP DATABASE neo4j", "admin"],
    ["GRANT ROLE admin TO bob", "admin"],
    ["CALL dbms.components()", "procedure"],
    ["CALL db.clearQueryCaches()", "procedure"],
    ["CALL db.createLabel('X')", "procedure"],
    ["CALL apoc.load.json('http://x') YIELD value RETURN value", "procedure"],
    ["CALL `db`.`createLabel`('X')", "procedure"],
    ["RETURN apoc.text.join(['a'], ',') AS x", "function"],
    ["RETURN myplugin.sideEffect() AS x", "function"],
    ["MATCH (n) RETURN n; MATCH (m) DETACH DELETE m", "multiple-statements"],
    ["EXPLAIN MATCH (n) RETURN n", "query-options"],
    ["PROFILE MATCH (n) RETURN n", "query-options"],
    ["CYPHER runtime=slotted MATCH (n) RETURN n", "query-options"],
  ];
  for (const [text, rule] of refused) {
    it(`${rule}: ${text}`, () => {
      expect(rules(text)).toContain(rule);
    });
  }

  it("says where, in the file's lines", () => {
    const text = "MATCH (n)\nWITH n\n  MERGE (m:X)\nRETURN m";
    expect(staticCheck(text, 10)).toEqual([
      { rule: "write", message: expect.stringContaining("MERGE"), line: 12, column: 3 },
    ]);
  });

  it("lists every problem, once each", () => {
    expect(rules("MATCH (n) DETACH DELETE n WITH 1 AS x LOAD CSV FROM 'x' AS l CREATE (:Y)")).toEqual(["write", "load-csv", "write"]);
  });
});

describe("staticCheck allows", () => {
  const allowed = [
    "MATCH (n:Person) WHERE n.name = 'CREATE (x) DELETE x' RETURN n.name AS name LIMIT $limit",
    "MATCH (n) // MERGE later\nRETURN n /* SET x = 1 */ LIMIT 1",
    "MATCH (n:`DELETE`) RETURN n.set AS s, n.create AS c",
    "RETURN {create: 1, delete: 2, set: 3} AS m",
    "MATCH (p:Project) WITH p, p.awardDate AS start RETURN start, duration.inDays(start, date()).days AS d",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score RETURN node, score LIMIT $limit",
    "MATCH (n) CALL (n) { MATCH (n)-[r]->() RETURN count(r) AS degree } RETURN n, degree",
    "MATCH (n) WHERE EXISTS { (n)-[:KIN]-() } AND COUNT { (n)--() } > 2 RETURN COLLECT { MATCH (n)--(m) RETURN m.id } AS ids",
    "MATCH p = shortestPath((a)-[*..4]-(b)) RETURN nodes(p), reduce(s = 0, x IN [1,2] | s + x), any(x IN [1] WHERE x > 0)",
    "RETURN date.truncate('month', date()), datetime.fromepochmillis(0), point.distance(point({x: 0, y: 0}), point({x: 1, y: 1})), vector.similarity.cosine([1.0], [1.0])",
    "RETURN toUpper('a'), coalesce(null, 1), elementId(null), db.nameFromElementId('4:x:1')",
    "UNWIND range(1, 3) AS start RETURN start",
  ];
  for (const text of allowed) {
    it(text.replace(/\n/g, " ").slice(0, 90), () => {
      expect(staticCheck(text)).toEqual([]);
    });
  }
});

describe("planCheck", () => {
  it("requires a read query type and refuses LOAD CSV, SHOW and other procedures in the plan", () => {
    expect(planCheck({ queryType: "r", operators: [{ operator: "ProduceResults", details: null }] })).toEqual([]);
    expect(planCheck({ queryType: "rw", operators: [] })[0]?.rule).toBe("not-read-only");
    expect(planCheck({ queryType: "w", operators: [] })[0]?.rule).toBe("not-read-only");
    expect(planCheck({ queryType: "s", operators: [] })[0]?.rule).toBe("not-read-only");
    expect(planCheck({ queryType: "r", operators: [{ operator: "LoadCSV", details: null }] })[0]?.rule).toBe("load-csv");
    expect(planCheck({ queryType: "r", operators: [{ operator: "ShowProcedures", details: null }] })[0]?.rule).toBe("admin");
    expect(planCheck({ queryType: "r", operators: [{ operator: "ProcedureCall", details: "db.labels() :: (label :: STRING)" }] })).toEqual([]);
    expect(planCheck({ queryType: "r", operators: [{ operator: "ProcedureCall", details: "dbms.components() :: (name :: STRING)" }] })[0]?.rule).toBe("procedure");
  });
});
