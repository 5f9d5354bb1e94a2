// TIP: people and companies named in tips hit, more confidently the more distinct tips name them;
// tips about a project and people never named do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    CREATE (p1:Entity:Person:Cadre {id: 'P1', name: '刘涛'})
    CREATE (p2:Entity:Person {id: 'P2', name: '李彩霞'})
    CREATE (p3:Entity:Person {id: 'P3', name: '赵霞'})
    CREATE (c1:Entity:Company {id: 'C1', name: '岚河县泰和市政工程有限公司'})
    CREATE (j1:Entity:Project {id: 'J1', name: '黑林塬村公厕改造工程'})
    CREATE (t1:Entity:Tip {id: 'T1', receivedDate: date('2018-03-01'), channel: 'letter', summary: '反映刘涛优亲厚友'})
    CREATE (t2:Entity:Tip {id: 'T2', receivedDate: date('2019-05-01'), channel: 'phone', summary: '反映刘涛收受工程老板好处费'})
    CREATE (t3:Entity:Tip {id: 'T3', receivedDate: date('2020-01-01'), channel: 'web', summary: '反映刘涛一家把持村务'})
    CREATE (t4:Entity:Tip {id: 'T4', receivedDate: date('2020-02-01'), channel: 'visit', summary: '反映工程质量问题'})
    CREATE (t1)-[:CONCERNS]->(p1), (t2)-[:CONCERNS]->(p1), (t3)-[:CONCERNS]->(p1)
    CREATE (t2)-[:CONCERNS]->(c1), (t3)-[:CONCERNS]->(p2)
    CREATE (t4)-[:CONCERNS]->(j1)`);
});
afterAll(async () => graph?.close());

describe("TIP", () => {
  it("flags everyone named, confidence growing with the number of tips", async () => {
    const alerts = await runAndRead(graph, "TIP");
    expect(alerts.map((a) => a.id)).toEqual(["TIP:C1", "TIP:P1", "TIP:P2"]);
    const [company, cadre, villager] = alerts;
    expect(cadre).toMatchObject({ subjects: ["P1"], confidence: 0.875, amount: 0, grade: "discipline" });
    expect(cadre!.evidenceNodes).toHaveLength(4);
    expect(company).toMatchObject({ subjects: ["C1"], confidence: 0.5 });
    expect(villager).toMatchObject({ subjects: ["P2"], confidence: 0.5 });
  });

  it("does not flag a project named in a tip or a person never named", async () => {
    const ids = (await runAndRead(graph, "TIP")).map((a) => a.id);
    expect(ids).not.toContain("TIP:J1");
    expect(ids).not.toContain("TIP:P3");
  });

  it("honours the weight of one tip", async () => {
    const alerts = await runAndRead(graph, "TIP", { perTip: 0.2 });
    expect(alerts.find((a) => a.id === "TIP:P2")!.confidence).toBeCloseTo(0.2, 10);
    expect(alerts.find((a) => a.id === "TIP:P1")!.confidence).toBeCloseTo(1 - 0.8 ** 3, 10);
  });
});
