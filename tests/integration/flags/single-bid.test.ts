// SINGLE_BID: tenders awarded with one valid bid, and large non-competitive awards, hit; tenders with
// two valid bids, small direct awards and failed tenders do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    CREATE (k:Entity:Person:Cadre {id: 'P1', name: '张建国'})
    CREATE (a:Entity:Company {id: 'C1', name: '岚河县兴业建筑工程有限公司'})
    CREATE (b:Entity:Company {id: 'C2', name: '山西恒通路桥工程有限公司'})
    CREATE (c:Entity:Company {id: 'C3', name: '吕梁市宏达市政工程有限公司'})
    // Sole bidder on an open tender.
    CREATE (j1:Entity:Project {id: 'J1', name: '杨家寨村村道硬化工程', method: 'open_tender', awardAmount: 250000.0})
    CREATE (a)-[:BID {amount: 250000.0, disqualified: false}]->(j1)
    CREATE (j1)-[:AWARDED_TO {amount: 250000.0, date: date('2019-05-10')}]->(a)
    CREATE (k)-[:APPROVED]->(j1)
    // Both rivals disqualified.
    CREATE (j2:Entity:Project {id: 'J2', name: '赵家庄村饮水工程', method: 'invited_tender', awardAmount: 300000.0})
    CREATE (a)-[:BID {amount: 300000.0, disqualified: false}]->(j2)
    CREATE (b)-[:BID {amount: 310000.0, disqualified: true}]->(j2)
    CREATE (c)-[:BID {amount: 320000.0, disqualified: true}]->(j2)
    CREATE (j2)-[:AWARDED_TO {amount: 300000.0, date: date('2019-06-10')}]->(a)
    // Awarded to the one bidder although its bid was disqualified.
    CREATE (j3:Entity:Project {id: 'J3', name: '黑林塬村便民桥工程', method: 'competitive_negotiation', awardAmount: 90000.0})
    CREATE (b)-[:BID {amount: 90000.0, disqualified: true}]->(j3)
    CREATE (j3)-[:AWARDED_TO {amount: 90000.0, date: date('2019-07-10')}]->(b)
    // Direct award above the threshold, and single source above twice the threshold.
    CREATE (j4:Entity:Project {id: 'J4', name: '青沟庄村文化广场工程', method: 'direct_award', awardAmount: 450000.0})
    CREATE (j4)-[:AWARDED_TO {amount: 450000.0, date: date('2019-08-10')}]->(c)
    CREATE (k)-[:APPROVED]->(j4)
    CREATE (j5:Entity:Project {id: 'J5', name: '宁林乡扶贫车间项目', method: 'single_source', awardAmount: 900000.0})
    CREATE (c)-[:BID {amount: 900000.0}]->(j5)
    CREATE (j5)-[:AWARDED_TO {amount: 900000.0, date: date('2019-09-10')}]->(c)
    // Look-alikes: two valid bids (a third disqualified), a small direct award, an award exactly at the
    // threshold, a sole bid on a tender that was never awarded.
    CREATE (j6:Entity:Project {id: 'J6', name: '刘家圪台村排水渠工程', method: 'open_tender', awardAmount: 500000.0})
    CREATE (a)-[:BID {amount: 500000.0, disqualified: false}]->(j6)
    CREATE (b)-[:BID {amount: 530000.0, disqualified: false}]->(j6)
    CREATE (c)-[:BID {amount: 540000.0, disqualified: true}]->(j6)
    CREATE (j6)-[:AWARDED_TO {amount: 500000.0, date: date('2019-10-10')}]->(a)
    CREATE (j7:Entity:Project {id: 'J7', name: '许家峁村公厕改造', method: 'direct_award', awardAmount: 380000.0})
    CREATE (j7)-[:AWARDED_TO {amount: 380000.0, date: date('2019-11-10')}]->(b)
    CREATE (j8:Entity:Project {id: 'J8', name: '薛家沟村路灯亮化', method: 'direct_award', awardAmount: 400000.0})
    CREATE (j8)-[:AWARDED_TO {amount: 400000.0, date: date('2019-11-20')}]->(b)
    CREATE (j9:Entity:Project {id: 'J9', name: '城关镇护坡工程', method: 'open_tender'})
    CREATE (c)-[:BID {amount: 700000.0, disqualified: false}]->(j9)`);
});
afterAll(async () => graph?.close());

describe("SINGLE_BID", () => {
  it("flags tenders won with one valid bid and large non-competitive awards", async () => {
    const alerts = await runAndRead(graph, "SINGLE_BID");
    expect(alerts.map((a) => a.id)).toEqual([
      "SINGLE_BID:direct:J4",
      "SINGLE_BID:direct:J5",
      "SINGLE_BID:tender:J1",
      "SINGLE_BID:tender:J2",
      "SINGLE_BID:tender:J3",
    ]);
    const byId = new Map(alerts.map((a) => [a.id.replace("SINGLE_BID:", ""), a]));
    expect(byId.get("tender:J1")).toMatchObject({ subjects: ["C1", "P1"], confidence: 0.8, amount: 250000 });
    expect(byId.get("tender:J2")).toMatchObject({ subjects: ["C1"], confidence: 0.9, grade: "huge" });
    expect(byId.get("tender:J2")!.evidenceNodes).toHaveLength(4);
    expect(byId.get("tender:J3")).toMatchObject({ subjects: ["C2"], confidence: 1 });
    expect(byId.get("direct:J4")).toMatchObject({ subjects: ["C3", "P1"], confidence: 0.7, amount: 450000 });
    expect(byId.get("direct:J5")).toMatchObject({ subjects: ["C3"], confidence: 1 });
  });

  it("does not flag competed tenders, small direct awards or unawarded tenders", async () => {
    const ids = (await runAndRead(graph, "SINGLE_BID")).map((a) => a.id);
    for (const j of ["J6", "J7", "J8", "J9"]) expect(ids.some((id) => id.endsWith(`:${j}`))).toBe(false);
  });

  it("honours a lower tender threshold", async () => {
    const ids = (await runAndRead(graph, "SINGLE_BID", { tenderThreshold: 300000 })).map((a) => a.id);
    expect(ids).toContain("SINGLE_BID:direct:J7");
    expect(ids).toContain("SINGLE_BID:direct:J8");
  });
});
