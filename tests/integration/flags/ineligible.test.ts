// INELIGIBLE: means-tested grants to public employees, cadres in post, company officers and owners of
// cars or flats hit; cheap vehicles, later purchases, former posts and roles, employees, and
// entitlements that are not means-tested do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { alertById, runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    CREATE (v1:Entity:Region {id: 'V1', name: '刘家村', level: 'village'})
    CREATE (dibao:Entity:Program {id: 'PG1', name: '农村最低生活保障金', meansTested: true})
    CREATE (elderly:Entity:Program {id: 'PG2', name: '高龄津贴', meansTested: false})
    CREATE (co:Entity:Company {id: 'CO1', name: '岚河县顺通工程有限公司', registeredDate: date('2012-01-01')})

    CREATE (b1:Entity:Person {id: 'B1', name: '公务员', publicEmployee: true, employer: '岚河县农业农村局'})
    CREATE (b2:Entity:Person:Cadre {id: 'B2', name: '村委委员'})-[:HOLDS_POST {role: 'committee_member', title: '村委委员', from: date('2015-01-01')}]->(v1)
    CREATE (b3:Entity:Person {id: 'B3', name: '老板'})-[:ROLE_IN {role: 'legal_rep', from: date('2012-01-01')}]->(co)
    CREATE (b4:Entity:Person {id: 'B4', name: '车主'})-[:OWNS]->(:Entity:Asset {id: 'AS4', kind: 'vehicle', value: 120000.0, registeredDate: date('2016-01-01')})
    CREATE (b5:Entity:Person {id: 'B5', name: '有车的公务员', publicEmployee: true})-[:OWNS]->(:Entity:Asset {id: 'AS5', kind: 'real_estate', value: 450000.0, registeredDate: date('2015-01-01')})
    CREATE (b6:Entity:Person {id: 'B6', name: '三轮车主'})-[:OWNS]->(:Entity:Asset {id: 'AS6', kind: 'vehicle', value: 8000.0, registeredDate: date('2016-01-01')})
    CREATE (b7:Entity:Person {id: 'B7', name: '后来买车'})-[:OWNS]->(:Entity:Asset {id: 'AS7', kind: 'vehicle', value: 90000.0, registeredDate: date('2020-01-01')})
    CREATE (b8:Entity:Person:Cadre {id: 'B8', name: '前村干部'})-[:HOLDS_POST {role: 'committee_member', from: date('2008-01-01'), to: date('2014-12-31')}]->(v1)
    CREATE (b9:Entity:Person {id: 'B9', name: '工人'})-[:ROLE_IN {role: 'employee', from: date('2015-01-01')}]->(co)
    CREATE (b10:Entity:Person {id: 'B10', name: '退休教师', publicEmployee: true})
    CREATE (b11:Entity:Person {id: 'B11', name: '前股东'})-[:ROLE_IN {role: 'shareholder', share: 0.3, from: date('2012-01-01'), to: date('2015-06-30')}]->(co)
    CREATE (b12:Entity:Person {id: 'B12', name: '普通村民', publicEmployee: false})

    WITH *
    UNWIND [[b1, dibao], [b2, dibao], [b3, dibao], [b4, dibao], [b5, dibao], [b6, dibao], [b7, dibao], [b8, dibao],
            [b9, dibao], [b10, elderly], [b11, dibao], [b12, dibao]] AS pair
    WITH pair[0] AS b, pair[1] AS program, v1
    CREATE (g:Entity:Grant {id: 'G' + substring(b.id, 1), paidAmount: 4200.0, paidDate: date('2018-06-01')})
    CREATE (g)-[:PAID_TO]->(b), (g)-[:UNDER]->(program), (g)-[:IN]->(v1)`);
});
afterAll(async () => graph?.close());

describe("INELIGIBLE", () => {
  it("flags means-tested grants to people who should not qualify, and only those", async () => {
    const alerts = await runAndRead(graph, "INELIGIBLE");
    expect(alerts.map((a) => a.id)).toEqual(["INELIGIBLE:G1", "INELIGIBLE:G2", "INELIGIBLE:G3", "INELIGIBLE:G4", "INELIGIBLE:G5"]);
  });

  it("grades each reason and combines several", async () => {
    const alerts = await runAndRead(graph, "INELIGIBLE");
    expect(alertById(alerts, "INELIGIBLE:G1").confidence).toBeCloseTo(0.9);
    expect(alertById(alerts, "INELIGIBLE:G2").confidence).toBeCloseTo(0.8);
    const officer = alertById(alerts, "INELIGIBLE:G3");
    // The firm is where the disqualifying role is held: a party, not a subject.
    expect(officer.subjects).toEqual(["B3"]);
    expect(officer.parties).toEqual(["CO1:firm_of_beneficiary"]);
    expect(officer.group).toBe("INELIGIBLE:B3:PG1");
    expect(officer.confidence).toBeCloseTo(0.8);
    const car = alertById(alerts, "INELIGIBLE:G4");
    expect(car.subjects).toEqual(["B4"]);
    expect(car.confidence).toBeCloseTo(0.6);
    expect(car.amount).toBe(4200);
    // beneficiary, grant, program, asset
    expect(car.evidenceNodes).toHaveLength(4);
    expect(alertById(alerts, "INELIGIBLE:G5").confidence).toBeCloseTo(1 - 0.1 * 0.4);
  });

  it("writes a readable summary", async () => {
    const row = alertById(await runAndRead(graph, "INELIGIBLE"), "INELIGIBLE:G5");
    expect(row.summary).toBe(
      "有车的公务员 (B5) received means-tested grant G5 (农村最低生活保障金, 4200 yuan, paid 2018-06-01) while a public employee; owner of real estate worth 450000 yuan",
    );
  });

  it("honours the asset threshold", async () => {
    const alerts = await runAndRead(graph, "INELIGIBLE", { minAssetValue: 5000 });
    expect(alerts.map((a) => a.id)).toContain("INELIGIBLE:G6");
  });
});
