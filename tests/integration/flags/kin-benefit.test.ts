// KIN_BENEFIT: grants a cadre signs to kin or to themselves, and grants to kin of a cadre in post
// where the grant is paid, hit; kin outside the cadre's term or region, strangers, and distant
// in-laws do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { alertById, runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    CREATE (county:Entity:Region {id: 'R0', name: '岚河县', level: 'county'})
    CREATE (t1:Entity:Region {id: 'T1', name: '城关镇', level: 'township'})-[:PART_OF]->(county)
    CREATE (t2:Entity:Region {id: 'T2', name: '宁林乡', level: 'township'})-[:PART_OF]->(county)
    CREATE (v1:Entity:Region {id: 'V1', name: '刘家村', level: 'village'})-[:PART_OF]->(t1)
    CREATE (v2:Entity:Region {id: 'V2', name: '王家村', level: 'village'})-[:PART_OF]->(t1)
    CREATE (v3:Entity:Region {id: 'V3', name: '赵家村', level: 'village'})-[:PART_OF]->(t2)
    CREATE (dibao:Entity:Program {id: 'PG1', name: '农村最低生活保障金', meansTested: true})
    CREATE (forest:Entity:Program {id: 'PG2', name: '退耕还林补助', meansTested: false})
    CREATE (official:Entity:Person:Cadre {id: 'TO', name: '乡干部'})-[:HOLDS_POST {role: 'township_official', from: date('2010-01-01')}]->(t1)

    // C1 signs grants to a sibling and to himself; his spouse's brother-in-law gets nothing flagged.
    CREATE (c1:Entity:Person:Cadre {id: 'C1', name: '刘建国'})-[:HOLDS_POST {role: 'party_secretary', from: date('2015-01-01')}]->(v1)
    CREATE (k1:Entity:Person {id: 'K1', name: '刘建军'})
    CREATE (c1)-[:KIN {relation: 'sibling', declared: false}]->(k1)
    CREATE (g1:Entity:Grant {id: 'G1', year: 2018, paidAmount: 3600.0, paidDate: date('2018-04-01')})
    CREATE (g1)-[:PAID_TO]->(k1), (g1)-[:IN]->(v1), (g1)-[:UNDER]->(dibao), (c1)-[:APPROVED]->(g1)
    CREATE (g2:Entity:Grant {id: 'G2', year: 2019, paidAmount: 2000.0, paidDate: date('2019-04-01')})
    CREATE (g2)-[:PAID_TO]->(c1), (g2)-[:IN]->(v1), (g2)-[:UNDER]->(forest), (c1)-[:APPROVED]->(g2)
    CREATE (s1:Entity:Person {id: 'S1', name: '王秀英'})-[:KIN {relation: 'spouse', declared: true}]->(c1)
    CREATE (far:Entity:Person {id: 'X1', name: '远亲'})
    CREATE (s1)-[:KIN {relation: 'in_law', declared: false}]->(far)
    CREATE (g8:Entity:Grant {id: 'G8', year: 2018, paidAmount: 3000.0, paidDate: date('2018-05-01')})
    CREATE (g8)-[:PAID_TO]->(far), (g8)-[:IN]->(v1), (g8)-[:UNDER]->(dibao), (official)-[:APPROVED]->(g8)
    // ... and a stranger he approves is fine.
    CREATE (u1:Entity:Person {id: 'U1', name: '张三'})
    CREATE (g9:Entity:Grant {id: 'G9', year: 2018, paidAmount: 3000.0, paidDate: date('2018-05-01')})
    CREATE (g9)-[:PAID_TO]->(u1), (g9)-[:IN]->(v1), (g9)-[:UNDER]->(dibao), (c1)-[:APPROVED]->(g9)

    // C2's son gets dibao in C2's village while C2 is in post (signed by the township); C2's
    // brother gets it too, but only after C2 left office.
    CREATE (c2:Entity:Person:Cadre {id: 'C2', name: '李国强'})-[:HOLDS_POST {role: 'committee_director', from: date('2016-01-01'), to: date('2020-12-31')}]->(v1)
    CREATE (k2:Entity:Person {id: 'K2', name: '李小龙'})-[:KIN {relation: 'parent', declared: false}]->(c2)
    CREATE (g3:Entity:Grant {id: 'G3', year: 2018, paidAmount: 4800.0, paidDate: date('2018-05-01')})
    CREATE (g3)-[:PAID_TO]->(k2), (g3)-[:IN]->(v1), (g3)-[:UNDER]->(dibao), (official)-[:APPROVED]->(g3)
    CREATE (k5:Entity:Person {id: 'K5', name: '李国富'})-[:KIN {relation: 'sibling', declared: false}]->(c2)
    CREATE (g6:Entity:Grant {id: 'G6', year: 2021, paidAmount: 4800.0, paidDate: date('2021-03-01')})
    CREATE (g6)-[:PAID_TO]->(k5), (g6)-[:IN]->(v1), (g6)-[:UNDER]->(dibao), (official)-[:APPROVED]->(g6)

    // C3, a township official, whose wife's brother gets dibao in a village of the township;
    // C3's sister lives in another township and gets it there.
    CREATE (c3:Entity:Person:Cadre {id: 'C3', name: '赵志明'})-[:HOLDS_POST {role: 'township_official', from: date('2012-01-01')}]->(t1)
    CREATE (w3:Entity:Person {id: 'W3', name: '孙丽'})
    CREATE (k3:Entity:Person {id: 'K3', name: '孙强'})
    CREATE (c3)-[:KIN {relation: 'spouse', declared: false}]->(w3), (w3)-[:KIN {relation: 'sibling', declared: false}]->(k3)
    CREATE (g4:Entity:Grant {id: 'G4', year: 2019, paidAmount: 5000.0, paidDate: date('2019-07-01')})
    CREATE (g4)-[:PAID_TO]->(k3), (g4)-[:IN]->(v2), (g4)-[:UNDER]->(dibao), (official)-[:APPROVED]->(g4)
    CREATE (k6:Entity:Person {id: 'K6', name: '赵志红'})-[:KIN {relation: 'sibling', declared: false}]->(c3)
    CREATE (g7:Entity:Grant {id: 'G7', year: 2019, paidAmount: 5000.0, paidDate: date('2019-07-01')})
    CREATE (g7)-[:PAID_TO]->(k6), (g7)-[:IN]->(v3), (g7)-[:UNDER]->(dibao)

    // C4 declared his sister and signs her grant; C4's brother gets a forest subsidy (not means-tested).
    CREATE (c4:Entity:Person:Cadre {id: 'C4', name: '王福'})-[:HOLDS_POST {role: 'party_secretary', from: date('2014-01-01')}]->(v2)
    CREATE (k4:Entity:Person {id: 'K4', name: '王兰'})
    CREATE (c4)-[:KIN {relation: 'sibling', declared: true}]->(k4)
    CREATE (g5:Entity:Grant {id: 'G5', year: 2020, paidAmount: 12000.0, paidDate: date('2020-06-01')})
    CREATE (g5)-[:PAID_TO]->(k4), (g5)-[:IN]->(v2), (g5)-[:UNDER]->(dibao), (c4)-[:APPROVED]->(g5)
    CREATE (k7:Entity:Person {id: 'K7', name: '王贵'})
    CREATE (c4)-[:KIN {relation: 'sibling', declared: false}]->(k7)
    CREATE (g10:Entity:Grant {id: 'G10', year: 2020, paidAmount: 900.0, paidDate: date('2020-06-01')})
    CREATE (g10)-[:PAID_TO]->(k7), (g10)-[:IN]->(v2), (g10)-[:UNDER]->(forest), (official)-[:APPROVED]->(g10)`);
});
afterAll(async () => graph?.close());

describe("KIN_BENEFIT", () => {
  it("flags grants to kin and to oneself, and only those", async () => {
    const alerts = await runAndRead(graph, "KIN_BENEFIT");
    expect(alerts.map((a) => a.id)).toEqual([
      "KIN_BENEFIT:approved:G1",
      "KIN_BENEFIT:approved:G2",
      "KIN_BENEFIT:approved:G5",
      "KIN_BENEFIT:in_post:G10",
      "KIN_BENEFIT:in_post:G3",
      "KIN_BENEFIT:in_post:G4",
    ]);
  });

  it("grades each form and names cadre and relative as subjects", async () => {
    const alerts = await runAndRead(graph, "KIN_BENEFIT");
    const kin = alertById(alerts, "KIN_BENEFIT:approved:G1");
    expect(kin.subjects).toEqual(["C1", "K1"]);
    expect(kin.confidence).toBe(1);
    expect(kin.amount).toBe(3600);
    expect(kin.evidenceNodes).toHaveLength(3);

    const self = alertById(alerts, "KIN_BENEFIT:approved:G2");
    expect(self.subjects).toEqual(["C1"]);
    expect(self.confidence).toBe(1);

    const declared = alertById(alerts, "KIN_BENEFIT:approved:G5");
    expect(declared.subjects).toEqual(["C4", "K4"]);
    expect(declared.confidence).toBeCloseTo(0.4);

    // KIN points from the son to the father: the direction of the relationship does not matter.
    const inPost = alertById(alerts, "KIN_BENEFIT:in_post:G3");
    expect(inPost.subjects).toEqual(["C2", "K2"]);
    expect(inPost.confidence).toBeCloseTo(0.7);

    // A wife's brother, reached through the spouse, in a village of the official's township.
    const inLaw = alertById(alerts, "KIN_BENEFIT:in_post:G4");
    expect(inLaw.subjects).toEqual(["C3", "K3"]);
    expect(inLaw.group).toBe("KIN_BENEFIT:C3:K3");
    expect(inLaw.facts).toEqual(expect.arrayContaining(["cadre=C3", "beneficiary=K3", "form=in_post", "year=2019", "meansTested=true", "declared=false"]));
    expect(inLaw.confidence).toBeCloseTo(0.7 * 0.8);

    // An entitlement that is not means-tested counts less.
    const universal = alertById(alerts, "KIN_BENEFIT:in_post:G10");
    expect(universal.subjects).toEqual(["C4", "K7"]);
    expect(universal.confidence).toBeCloseTo(0.7 * 0.5);
  });

  it("writes a readable summary and a drawable evidence path", async () => {
    const row = alertById(await runAndRead(graph, "KIN_BENEFIT"), "KIN_BENEFIT:in_post:G4");
    expect(row.summary).toBe(
      "孙强 (K3), spouse's sibling of 赵志明 (C3) who held a post in 城关镇 (T1) at the time, received grant G4 (农村最低生活保障金, 5000 yuan, paid 2019-07-01)",
    );
    // cadre, spouse, relative, grant, township, village; two KIN, HOLDS_POST, IN, PART_OF, PAID_TO
    expect(row.evidenceNodes.length).toBe(6);
    expect(row.evidenceRels.length).toBe(6);
  });

  it("honours parameter overrides", async () => {
    const alerts = await runAndRead(graph, "KIN_BENEFIT", { kinRelations: ["spouse", "parent", "child"], inPostFactor: 0.5 });
    // Siblings no longer count as kin; a spouse's sibling still does, as an in-law.
    expect(alerts.map((a) => a.id)).toEqual(["KIN_BENEFIT:approved:G2", "KIN_BENEFIT:in_post:G3", "KIN_BENEFIT:in_post:G4"]);
    expect(alertById(alerts, "KIN_BENEFIT:in_post:G3").confidence).toBeCloseTo(0.5);
    expect(alertById(alerts, "KIN_BENEFIT:in_post:G4").confidence).toBeCloseTo(0.5 * 0.8);
  });
});
