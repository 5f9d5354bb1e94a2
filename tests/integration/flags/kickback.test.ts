// KICKBACK: money from a winning firm, its officer, or beneficiaries to the approving cadre or kin
// after the award or payment hits, naming the firm's legal representative when the firm pays (not a
// former one); payments before the award, after the window, to a cadre who did not approve, and within
// a family (weakly) do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { alertById, runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    // C1 approves J1 for CO1; the firm pays C1's wife twice, and once before the award.
    CREATE (c1:Entity:Person:Cadre {id: 'C1', name: '刘建国'})-[:HAS]->(ac1:Entity:Account {id: 'A-C1'})
    CREATE (w1:Entity:Person {id: 'W1', name: '王秀英'})-[:KIN {relation: 'spouse', declared: false}]->(c1)
    CREATE (w1)-[:HAS]->(aw1:Entity:Account {id: 'A-W1'})
    CREATE (co1:Entity:Company {id: 'CO1', name: '岚河县顺通工程有限公司'})-[:HAS]->(aco1:Entity:Account {id: 'A-CO1'})
    CREATE (j1:Entity:Project {id: 'J1', name: '刘家村道路', awardAmount: 600000.0, awardDate: date('2018-05-01')})
    CREATE (c1)-[:APPROVED]->(j1), (j1)-[:AWARDED_TO {amount: 600000.0, date: date('2018-05-01')}]->(co1)
    CREATE (:Entity:Person {id: 'L1', name: '钱老板'})-[:ROLE_IN {role: 'legal_rep', from: date('2015-01-01')}]->(co1)
    CREATE (:Entity:Person {id: 'F1', name: '孙前任'})-[:ROLE_IN {role: 'legal_rep', from: date('2010-01-01'), to: date('2014-12-31')}]->(co1)
    CREATE (aco1)-[:TRANSFER {id: 'T1', amount: 50000.0, date: date('2018-06-10')}]->(aw1)
    CREATE (aco1)-[:TRANSFER {id: 'T2', amount: 30000.0, date: date('2018-08-01')}]->(aw1)
    CREATE (aco1)-[:TRANSFER {id: 'T3', amount: 10000.0, date: date('2018-03-01')}]->(aw1)
    CREATE (aco1)-[:TRANSFER {id: 'T4', amount: 10000.0, date: date('2019-03-01')}]->(aw1)

    // C2 approves J2 for CO2, whose boss pays C2 personally.
    CREATE (c2:Entity:Person:Cadre {id: 'C2', name: '王福'})-[:HAS]->(ac2:Entity:Account {id: 'A-C2'})
    CREATE (co2:Entity:Company {id: 'CO2', name: '岚河县福兴土石方有限公司'})
    CREATE (o2:Entity:Person {id: 'O2', name: '赵老板'})-[:ROLE_IN {role: 'legal_rep'}]->(co2)
    CREATE (o2)-[:HAS]->(ao2:Entity:Account {id: 'A-O2'})
    CREATE (j2:Entity:Project {id: 'J2', name: '王家村河堤', awardAmount: 900000.0, awardDate: date('2019-04-01')})
    CREATE (c2)-[:APPROVED]->(j2), (j2)-[:AWARDED_TO {amount: 900000.0, date: date('2019-04-01')}]->(co2)
    CREATE (ao2)-[:TRANSFER {id: 'T5', amount: 20000.0, date: date('2019-05-01')}]->(ac2)

    // C3 signs two villagers' grants and each pays him a fee; C4 signs one and gets one fee.
    CREATE (c3:Entity:Person:Cadre {id: 'C3', name: '赵志明'})-[:HAS]->(ac3:Entity:Account {id: 'A-C3'})
    CREATE (c4:Entity:Person:Cadre {id: 'C4', name: '孙会计'})-[:HAS]->(ac4:Entity:Account {id: 'A-C4'})
    WITH *
    UNWIND [['B1', 'A-C3', c3], ['B2', 'A-C3', c3], ['B3', 'A-C4', c4]] AS row
    WITH row[0] AS bid, row[1] AS to, row[2] AS cadre
    MATCH (ra:Account {id: to})
    CREATE (b:Entity:Person {id: bid, name: '村民' + bid})-[:HAS]->(ba:Entity:Account {id: 'A-' + bid})
    CREATE (g:Entity:Grant {id: 'G' + substring(bid, 1), paidAmount: 20000.0, paidDate: date('2019-06-01')})-[:PAID_TO]->(b)
    CREATE (cadre)-[:APPROVED]->(g)
    CREATE (ba)-[:TRANSFER {id: 'T-' + bid, amount: 500.0, date: date('2019-06-20')}]->(ra)`);
  await graph.write(`
    // Look-alikes. C5's brother runs CO5, which won J5 approved by another village head, and sends C5
    // money at the Spring Festival.
    CREATE (c5:Entity:Person:Cadre {id: 'C5', name: '刘建军'})-[:HAS]->(ac5:Entity:Account {id: 'A-C5'})
    CREATE (k5:Entity:Person {id: 'K5', name: '刘建业'})-[:KIN {relation: 'sibling', declared: true}]->(c5)
    CREATE (k5)-[:HAS]->(ak5:Entity:Account {id: 'A-K5'})
    CREATE (co5:Entity:Company {id: 'CO5', name: '岚河县建业建筑有限公司'})<-[:ROLE_IN {role: 'legal_rep'}]-(k5)
    CREATE (head:Entity:Person:Cadre {id: 'H5', name: '外村村长'})
    CREATE (j5:Entity:Project {id: 'J5', name: '外村道路', awardAmount: 300000.0, awardDate: date('2019-01-01')})
    CREATE (head)-[:APPROVED]->(j5), (j5)-[:AWARDED_TO {amount: 300000.0, date: date('2019-01-01')}]->(co5)
    CREATE (ak5)-[:TRANSFER {id: 'T6', amount: 5000.0, date: date('2019-02-01')}]->(ac5)
    // C6 approved J6 for the firm of his son, who sends his father money: family, counted weakly.
    CREATE (c6:Entity:Person:Cadre {id: 'C6', name: '李国强'})-[:HAS]->(ac6:Entity:Account {id: 'A-C6'})
    CREATE (s6:Entity:Person {id: 'S6', name: '李小强'})-[:KIN {relation: 'parent', declared: false}]->(c6)
    CREATE (s6)-[:HAS]->(as6:Entity:Account {id: 'A-S6'})
    CREATE (co6:Entity:Company {id: 'CO6', name: '岚河县小强建筑有限公司'})<-[:ROLE_IN {role: 'legal_rep'}]-(s6)
    CREATE (j6:Entity:Project {id: 'J6', name: '李家村水渠', awardAmount: 200000.0, awardDate: date('2019-03-01')})
    CREATE (c6)-[:APPROVED]->(j6), (j6)-[:AWARDED_TO {amount: 200000.0, date: date('2019-03-01')}]->(co6)
    CREATE (as6)-[:TRANSFER {id: 'T7', amount: 3000.0, date: date('2019-04-01')}]->(ac6)`);
});
afterAll(async () => graph?.close());

describe("KICKBACK", () => {
  it("flags money sent back to the approving cadre or kin, and only that", async () => {
    const alerts = await runAndRead(graph, "KICKBACK");
    expect(alerts.map((a) => a.id)).toEqual([
      "KICKBACK:BENEFICIARY:C3:B1",
      "KICKBACK:BENEFICIARY:C3:B2",
      "KICKBACK:BENEFICIARY:C4:B3",
      "KICKBACK:COMPANY:C1:CO1",
      "KICKBACK:COMPANY:C2:CO2",
      "KICKBACK:COMPANY:C6:CO6",
    ]);
  });

  it("sums the transfers in the window and names payer and receiver", async () => {
    const alerts = await runAndRead(graph, "KICKBACK");
    const firm = alertById(alerts, "KICKBACK:COMPANY:C1:CO1");
    expect(firm.subjects).toEqual(["C1", "CO1", "L1", "W1"]);
    expect(firm.amount).toBe(80000);
    expect(firm.confidence).toBe(1);
    expect(firm.grade).toBe("large");

    const boss = alertById(alerts, "KICKBACK:COMPANY:C2:CO2");
    expect(boss.subjects).toEqual(["C2", "CO2", "O2"]);
    expect(boss.confidence).toBe(1);

    expect(alertById(alerts, "KICKBACK:BENEFICIARY:C3:B1").confidence).toBe(1);
    // Beneficiaries paying a cadre paid by several of them were made to pay: parties, not subjects.
    const extorted = alertById(alerts, "KICKBACK:BENEFICIARY:C3:B2");
    expect(extorted.subjects).toEqual(["C3"]);
    expect(extorted.parties).toEqual(["B2:paid_the_cadre"]);
    // A lone beneficiary's payment may have bought the grant: a minor subject.
    const lone = alertById(alerts, "KICKBACK:BENEFICIARY:C4:B3");
    expect(lone.confidence).toBeCloseTo(0.6);
    expect(lone.subjects).toEqual(["B3", "C4"]);
    expect(lone.minor).toEqual(["B3"]);

    const family = alertById(alerts, "KICKBACK:COMPANY:C6:CO6");
    expect(family.subjects).toEqual(["C6", "CO6", "S6"]);
    expect(family.confidence).toBeCloseTo(0.2);
  });

  it("writes a readable summary and the money trail", async () => {
    const row = alertById(await runAndRead(graph, "KICKBACK"), "KICKBACK:COMPANY:C1:CO1");
    expect(row.summary).toBe(
      "岚河县顺通工程有限公司 (CO1) sent 80000 yuan in 2 transfer(s) to spouse 王秀英 (W1) of 刘建国 (C1) after winning a project the cadre approved",
    );
    // KIN, APPROVED, AWARDED_TO, two HAS, two TRANSFER, the legal representative's ROLE_IN
    expect(row.evidenceRels.length).toBe(8);
  });

  it("honours the window", async () => {
    const alerts = await runAndRead(graph, "KICKBACK", { windowDays: 400 });
    expect(alertById(alerts, "KICKBACK:COMPANY:C1:CO1").amount).toBe(90000);
  });
});
