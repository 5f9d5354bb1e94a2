// DUPLICATE_BENEFIT: one person (or identity) paid twice under a program in a year, and a cadre's
// relative who moves or splits off a household shortly before a grant, hit; recurring medical relief,
// grants before and after a genuine move, strangers who move, late grants and cadres out of office do
// not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { alertById, runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    CREATE (t1:Entity:Region {id: 'T1', name: '城关镇', level: 'township'})
    CREATE (v1:Entity:Region {id: 'V1', name: '刘家村', level: 'village'})-[:PART_OF]->(t1)
    CREATE (v2:Entity:Region {id: 'V2', name: '王家村', level: 'village'})-[:PART_OF]->(t1)
    CREATE (:Entity:Program {id: 'PG1', name: '农村最低生活保障金', field: 'dibao', meansTested: true})
    CREATE (:Entity:Program {id: 'PG2', name: '城乡医疗救助', field: 'medical', meansTested: true})
    CREATE (:Entity:Program {id: 'PG3', name: '高龄津贴', field: 'other', meansTested: false})
    CREATE (:Entity:Person {id: 'B1', name: '王福贵'})
    CREATE (:Entity:Person {id: 'B2', name: '李秀英'})
    CREATE (:Entity:Person {id: 'B3', name: '张三', idNumber: '141100195001010011'})
    CREATE (:Entity:Person {id: 'B3X', name: '张三', idNumber: '141100195001010011'})
    CREATE (:Entity:Person {id: 'B4', name: '赵病人'})
    CREATE (:Entity:Person {id: 'B5', name: '孙搬家'})
    CREATE (:Entity:Person:Cadre {id: 'TO', name: '乡干部'})-[:HOLDS_POST {role: 'township_official', from: date('2010-01-01')}]->(t1)`);
  await graph.write(`
    UNWIND [
      // grant, person, program, region, paid date
      ['G1', 'B1', 'PG1', 'V1', '2018-03-01'], ['G2', 'B1', 'PG1', 'V1', '2018-09-01'],   // twice in one village
      ['G3', 'B2', 'PG1', 'V1', '2019-03-01'], ['G4', 'B2', 'PG1', 'V2', '2019-08-01'],   // in two villages
      ['G5', 'B3', 'PG1', 'V1', '2019-03-01'], ['G6', 'B3X', 'PG1', 'V1', '2019-04-01'],  // two records, one identity
      ['G7', 'B4', 'PG2', 'V1', '2019-03-01'], ['G8', 'B4', 'PG2', 'V1', '2019-10-01'],   // medical relief recurs
      ['G9', 'B5', 'PG1', 'V1', '2017-05-01'], ['G10', 'B5', 'PG1', 'V2', '2019-05-01'],  // before and after a move
      ['G11', 'B1', 'PG3', 'V1', '2018-03-01']
    ] AS row
    MATCH (b:Person {id: row[1]}), (p:Program {id: row[2]}), (r:Region {id: row[3]}), (a:Person {id: 'TO'})
    CREATE (g:Entity:Grant {id: row[0], year: toInteger(substring(row[4], 0, 4)), paidAmount: 3000.0, paidDate: date(row[4])})
    CREATE (g)-[:PAID_TO]->(b), (g)-[:UNDER]->(p), (g)-[:IN]->(r), (a)-[:APPROVED]->(g)`);
  await graph.write(`
    MATCH (v1:Region {id: 'V1'}), (v2:Region {id: 'V2'}), (dibao:Program {id: 'PG1'}), (official:Person {id: 'TO'})
    CREATE (c1:Entity:Person:Cadre {id: 'C1', name: '刘建国'})-[:HOLDS_POST {role: 'party_secretary', from: date('2015-01-01')}]->(v1)
    // C1's sister moves into a poor household in the village three months before its dibao.
    CREATE (k1:Entity:Person {id: 'K1', name: '刘建华'})-[:KIN {relation: 'sibling', declared: false}]->(c1)
    CREATE (h1:Entity:Household {id: 'H1'})-[:IN]->(v1)
    CREATE (k1)-[:MOVED_TO {date: date('2018-03-01')}]->(h1), (k1)-[:MEMBER_OF]->(h1)
    CREATE (g21:Entity:Grant {id: 'G21', year: 2018, paidAmount: 4000.0, paidDate: date('2018-06-01')})
    CREATE (g21)-[:PAID_TO]->(k1), (g21)-[:UNDER]->(dibao), (g21)-[:IN]->(v1), (official)-[:APPROVED]->(g21)
    CREATE (g22:Entity:Grant {id: 'G22', year: 2019, paidAmount: 4200.0, paidDate: date('2019-03-01')})
    CREATE (g22)-[:PAID_TO]->(k1), (g22)-[:UNDER]->(dibao), (g22)-[:IN]->(v1), (official)-[:APPROVED]->(g22)
    // C2's son splits off a household of his own and C2 signs its dibao.
    CREATE (c2:Entity:Person:Cadre {id: 'C2', name: '王福'})-[:HOLDS_POST {role: 'committee_director', from: date('2014-01-01')}]->(v2)
    CREATE (k2:Entity:Person {id: 'K2', name: '王小福'})<-[:KIN {relation: 'child', declared: false}]-(c2)
    CREATE (old2:Entity:Household {id: 'H2OLD'})-[:IN]->(v2)
    CREATE (h2:Entity:Household {id: 'H2', createdDate: date('2019-01-10')})-[:SPLIT_FROM]->(old2)
    CREATE (k2)-[:HEAD_OF]->(h2), (k2)-[:MEMBER_OF]->(h2)
    CREATE (g23:Entity:Grant {id: 'G23', year: 2019, paidAmount: 3600.0, paidDate: date('2019-04-01')})
    CREATE (g23)-[:PAID_TO]->(k2), (g23)-[:UNDER]->(dibao), (g23)-[:IN]->(v2), (c2)-[:APPROVED]->(g23)
    // Look-alikes: a stranger who moves before a grant; C1's brother, whose grant came a year after
    // his move; the nephew of a cadre who had left office.
    CREATE (m3:Entity:Person {id: 'M3', name: '外来户'})-[:MOVED_TO {date: date('2018-03-01')}]->(h1)
    CREATE (g24:Entity:Grant {id: 'G24', year: 2018, paidAmount: 4000.0, paidDate: date('2018-05-01')})
    CREATE (g24)-[:PAID_TO]->(m3), (g24)-[:UNDER]->(dibao), (g24)-[:IN]->(v1), (c1)-[:APPROVED]->(g24)
    CREATE (k4:Entity:Person {id: 'K4', name: '刘建军'})-[:KIN {relation: 'sibling', declared: false}]->(c1)
    CREATE (k4)-[:MOVED_TO {date: date('2017-01-01')}]->(h1)
    CREATE (g25:Entity:Grant {id: 'G25', year: 2018, paidAmount: 4000.0, paidDate: date('2018-01-15')})
    CREATE (g25)-[:PAID_TO]->(k4), (g25)-[:UNDER]->(dibao), (g25)-[:IN]->(v1), (official)-[:APPROVED]->(g25)
    CREATE (c5:Entity:Person:Cadre {id: 'C5', name: '王老支书'})-[:HOLDS_POST {role: 'party_secretary', from: date('2005-01-01'), to: date('2015-12-31')}]->(v2)
    CREATE (k5:Entity:Person {id: 'K5', name: '王侄子'})-[:KIN {relation: 'uncle_aunt', declared: false}]->(c5)
    CREATE (k5)-[:MOVED_TO {date: date('2019-02-01')}]->(h2)
    CREATE (g26:Entity:Grant {id: 'G26', year: 2019, paidAmount: 4000.0, paidDate: date('2019-05-01')})
    CREATE (g26)-[:PAID_TO]->(k5), (g26)-[:UNDER]->(dibao), (g26)-[:IN]->(v2), (official)-[:APPROVED]->(g26)`);
});
afterAll(async () => graph?.close());

describe("DUPLICATE_BENEFIT", () => {
  it("flags repeat payments and moves before grants, and only those", async () => {
    const alerts = await runAndRead(graph, "DUPLICATE_BENEFIT");
    expect(alerts.map((a) => a.id)).toEqual([
      "DUPLICATE_BENEFIT:MOVE:K1:H1",
      "DUPLICATE_BENEFIT:MOVE:K2:H2",
      "DUPLICATE_BENEFIT:YEAR:B1:PG1:2018",
      "DUPLICATE_BENEFIT:YEAR:B2:PG1:2019",
      "DUPLICATE_BENEFIT:YEAR:B3:PG1:2019",
    ]);
  });

  it("grades repeat payments and counts the money paid beyond the first", async () => {
    const alerts = await runAndRead(graph, "DUPLICATE_BENEFIT");
    const twice = alertById(alerts, "DUPLICATE_BENEFIT:YEAR:B1:PG1:2018");
    expect(twice.subjects).toEqual(["B1", "TO"]);
    expect(twice.confidence).toBeCloseTo(0.9);
    expect(twice.amount).toBe(3000);
    expect(alertById(alerts, "DUPLICATE_BENEFIT:YEAR:B2:PG1:2019").confidence).toBe(1);
    const identity = alertById(alerts, "DUPLICATE_BENEFIT:YEAR:B3:PG1:2019");
    expect(identity.subjects).toEqual(["B3", "B3X", "TO"]);
    expect(identity.confidence).toBe(1);
  });

  it("counts only payments beyond a program's usual number a year, and always two regions", async () => {
    // A county where dibao (PG1) usually pays twice a year (a learned baseline).
    const alerts = await runAndRead(graph, "DUPLICATE_BENEFIT", { usualPayments: ["PG1=2"] });
    const ids = alerts.map((a) => a.id);
    expect(ids).not.toContain("DUPLICATE_BENEFIT:YEAR:B1:PG1:2018");
    expect(ids).not.toContain("DUPLICATE_BENEFIT:YEAR:B3:PG1:2019");
    expect(ids).toContain("DUPLICATE_BENEFIT:YEAR:B2:PG1:2019");
  });

  it("grades moves by the cadre's part and sums the grants since", async () => {
    const alerts = await runAndRead(graph, "DUPLICATE_BENEFIT");
    const moved = alertById(alerts, "DUPLICATE_BENEFIT:MOVE:K1:H1");
    expect(moved.subjects).toEqual(["C1", "K1"]);
    expect(moved.confidence).toBeCloseTo(0.8);
    expect(moved.amount).toBe(8200);
    const split = alertById(alerts, "DUPLICATE_BENEFIT:MOVE:K2:H2");
    expect(split.subjects).toEqual(["C2", "K2"]);
    expect(split.confidence).toBe(1);
    expect(split.amount).toBe(3600);
  });

  it("writes a readable summary", async () => {
    const row = alertById(await runAndRead(graph, "DUPLICATE_BENEFIT"), "DUPLICATE_BENEFIT:YEAR:B2:PG1:2019");
    expect(row.summary).toBe(
      "李秀英 (B2) was paid 2 times under 农村最低生活保障金 in 2019 (G3, G4), in 2 regions (刘家村, 王家村); 3000 yuan beyond the first payment",
    );
  });
});
