// PRIOR_CASE: subjects of earlier cases hit, with the confidence of their most severe outcome; a case
// about a grant and people never investigated do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    CREATE (p1:Entity:Person:Cadre {id: 'P1', name: '王卫国'})
    CREATE (p2:Entity:Person:Cadre {id: 'P2', name: '刘志明'})
    CREATE (p3:Entity:Person:Cadre {id: 'P3', name: '武子涵'})
    CREATE (p4:Entity:Person {id: 'P4', name: '林冬梅'})
    CREATE (p5:Entity:Person {id: 'P5', name: '赵俊峰'})
    CREATE (c1:Entity:Company {id: 'C1', name: '岚河县凯旋土石方工程有限公司'})
    CREATE (g1:Entity:Grant {id: 'G1', paidAmount: 3000.0})
    CREATE (:Entity:Case {id: 'K1', openedDate: date('2015-03-01'), typology: 'KIN_CONTRACT', amount: 3000.0, outcome: 'warning'})-[:INVOLVES]->(p1)
    CREATE (k2:Entity:Case {id: 'K2', openedDate: date('2014-05-01'), typology: 'other', outcome: 'warning'})-[:INVOLVES]->(p2)
    CREATE (k3:Entity:Case {id: 'K3', openedDate: date('2018-05-01'), typology: 'KICKBACK', amount: 19100.0, outcome: 'removal'})-[:INVOLVES]->(p2)
    CREATE (k3)-[:INVOLVES]->(c1)
    CREATE (:Entity:Case {id: 'K4', openedDate: date('2021-01-10'), typology: 'SKIMMING'})-[:INVOLVES]->(p3)
    CREATE (:Entity:Case {id: 'K5', openedDate: date('2014-04-04'), typology: 'other', outcome: 'none'})-[:INVOLVES]->(p4)
    CREATE (:Entity:Case {id: 'K6', openedDate: date('2016-04-04'), outcome: 'criminal_transfer'})-[:INVOLVES]->(g1)`);
});
afterAll(async () => graph?.close());

describe("PRIOR_CASE", () => {
  it("flags each subject once, by the most severe outcome of its cases", async () => {
    const alerts = await runAndRead(graph, "PRIOR_CASE");
    expect(alerts.map((a) => a.id)).toEqual(["PRIOR_CASE:C1", "PRIOR_CASE:P1", "PRIOR_CASE:P2", "PRIOR_CASE:P3", "PRIOR_CASE:P4"]);
    const byId = new Map(alerts.map((a) => [a.id.replace("PRIOR_CASE:", ""), a]));
    expect(byId.get("P1")).toMatchObject({ subjects: ["P1"], confidence: 0.3, amount: 0 });
    expect(byId.get("P2")).toMatchObject({ subjects: ["P2"], confidence: 0.8 });
    expect(byId.get("P2")!.evidenceNodes).toHaveLength(3);
    expect(byId.get("C1")).toMatchObject({ subjects: ["C1"], confidence: 0.8 });
    // Still open, and closed without sanction.
    expect(byId.get("P3")).toMatchObject({ confidence: 0.5 });
    expect(byId.get("P4")).toMatchObject({ confidence: 0.1 });
  });

  it("does not flag a grant named in a case or a person never investigated", async () => {
    const ids = (await runAndRead(graph, "PRIOR_CASE")).map((a) => a.id);
    expect(ids).not.toContain("PRIOR_CASE:G1");
    expect(ids).not.toContain("PRIOR_CASE:P5");
  });

  it("honours the confidence of an open case", async () => {
    const alerts = await runAndRead(graph, "PRIOR_CASE", { openCaseConfidence: 0.2 });
    expect(alerts.find((a) => a.id === "PRIOR_CASE:P3")!.confidence).toBe(0.2);
  });
});
