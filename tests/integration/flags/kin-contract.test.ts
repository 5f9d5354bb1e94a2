// KIN_CONTRACT: projects approved by a cadre, or in the cadre's region while in post, awarded to a firm
// of the cadre or kin hit; kin firms winning elsewhere, roles that ended, employees, and cadres out of
// office do not.
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
    CREATE (official:Entity:Person:Cadre {id: 'TO', name: '乡干部'})-[:HOLDS_POST {role: 'township_official', from: date('2010-01-01')}]->(t1)
    CREATE (head3:Entity:Person:Cadre {id: 'H3', name: '赵村长'})-[:HOLDS_POST {role: 'committee_director', from: date('2010-01-01')}]->(v3)

    CREATE (c1:Entity:Person:Cadre {id: 'C1', name: '刘建国'})-[:HOLDS_POST {role: 'party_secretary', from: date('2015-01-01')}]->(v1)
    CREATE (w1:Entity:Person {id: 'W1', name: '王秀英'})-[:KIN {relation: 'spouse', declared: true}]->(c1)

    // J1: C1 approves a project for his son's firm.
    CREATE (k1:Entity:Person {id: 'K1', name: '刘小军'})-[:KIN {relation: 'parent', declared: false}]->(c1)
    CREATE (co1:Entity:Company {id: 'CO1', name: '岚河县建军建筑有限公司'})
    CREATE (k1)-[:ROLE_IN {role: 'legal_rep', from: date('2014-03-01')}]->(co1)
    CREATE (j1:Entity:Project {id: 'J1', name: '刘家村道路硬化', awardAmount: 480000.0, awardDate: date('2018-06-01')})-[:IN]->(v1)
    CREATE (c1)-[:APPROVED]->(j1)
    CREATE (j1)-[:AWARDED_TO {amount: 480000.0, date: date('2018-06-01')}]->(co1)

    // J2: signed by the township, in C1's village, won by a firm where his wife's brother holds shares
    // behind a nominee.
    CREATE (k2:Entity:Person {id: 'K2', name: '王志刚'})-[:KIN {relation: 'sibling', declared: false}]->(w1)
    CREATE (n2:Entity:Person {id: 'N2', name: '张前台'})
    CREATE (co2:Entity:Company {id: 'CO2', name: '岚河县志刚水利工程有限公司'})
    CREATE (k2)-[:ROLE_IN {role: 'shareholder', share: 0.6, from: date('2016-01-01')}]->(co2)
    CREATE (n2)-[:ROLE_IN {role: 'legal_rep', from: date('2016-01-01')}]->(co2)
    CREATE (j2:Entity:Project {id: 'J2', name: '刘家村水窖', awardAmount: 260000.0, awardDate: date('2019-04-01')})-[:IN]->(v1)
    CREATE (official)-[:APPROVED]->(j2)
    CREATE (j2)-[:AWARDED_TO {amount: 260000.0, date: date('2019-04-01')}]->(co2)

    // J3: a cadre approves a project for a firm he holds shares in himself.
    CREATE (c3:Entity:Person:Cadre {id: 'C3', name: '王福'})-[:HOLDS_POST {role: 'committee_director', from: date('2014-01-01')}]->(v2)
    CREATE (n3:Entity:Person {id: 'N3', name: '李挂名'})
    CREATE (co3:Entity:Company {id: 'CO3', name: '岚河县福兴土石方有限公司'})
    CREATE (c3)-[:ROLE_IN {role: 'shareholder', share: 0.5, from: date('2015-01-01')}]->(co3)
    CREATE (n3)-[:ROLE_IN {role: 'legal_rep', from: date('2015-01-01')}]->(co3)
    CREATE (j3:Entity:Project {id: 'J3', name: '王家村河堤', awardAmount: 1500000.0, awardDate: date('2020-05-01')})-[:IN]->(v2)
    CREATE (c3)-[:APPROVED]->(j3)
    CREATE (j3)-[:AWARDED_TO {amount: 1500000.0, date: date('2020-05-01')}]->(co3)

    // Look-alikes. J4: C1's brother's firm wins in another township, approved by that village's head.
    CREATE (k4:Entity:Person {id: 'K4', name: '刘建军'})<-[:KIN {relation: 'sibling', declared: false}]-(c1)
    CREATE (co4:Entity:Company {id: 'CO4', name: '岚河县建军路桥有限公司'})
    CREATE (k4)-[:ROLE_IN {role: 'legal_rep', from: date('2012-01-01')}]->(co4)
    CREATE (j4:Entity:Project {id: 'J4', name: '赵家村桥梁', awardAmount: 300000.0, awardDate: date('2018-09-01')})-[:IN]->(v3)
    CREATE (head3)-[:APPROVED]->(j4)
    CREATE (j4)-[:AWARDED_TO {amount: 300000.0, date: date('2018-09-01')}]->(co4)
    // J5: the son left his old firm before C1 approved its project.
    CREATE (co5:Entity:Company {id: 'CO5', name: '岚河县旧公司'})
    CREATE (k1)-[:ROLE_IN {role: 'legal_rep', from: date('2010-01-01'), to: date('2016-12-31')}]->(co5)
    CREATE (j5:Entity:Project {id: 'J5', name: '刘家村公厕', awardAmount: 150000.0, awardDate: date('2018-03-01')})-[:IN]->(v1)
    CREATE (c1)-[:APPROVED]->(j5)
    CREATE (j5)-[:AWARDED_TO {amount: 150000.0, date: date('2018-03-01')}]->(co5)
    // J6: the brother is only an employee of the winner.
    CREATE (co6:Entity:Company {id: 'CO6', name: '岚河县大成建设有限公司'})
    CREATE (k4)-[:ROLE_IN {role: 'employee', from: date('2015-01-01')}]->(co6)
    CREATE (j6:Entity:Project {id: 'J6', name: '刘家村路灯', awardAmount: 120000.0, awardDate: date('2018-10-01')})-[:IN]->(v1)
    CREATE (c1)-[:APPROVED]->(j6)
    CREATE (j6)-[:AWARDED_TO {amount: 120000.0, date: date('2018-10-01')}]->(co6)
    // J7: a former cadre of V2 whose daughter's firm wins there years after he left.
    CREATE (c7:Entity:Person:Cadre {id: 'C7', name: '王老支书'})-[:HOLDS_POST {role: 'party_secretary', from: date('2008-01-01'), to: date('2016-01-31')}]->(v2)
    CREATE (k7:Entity:Person {id: 'K7', name: '王小红'})<-[:KIN {relation: 'child', declared: false}]-(c7)
    CREATE (co7:Entity:Company {id: 'CO7', name: '岚河县红星园林有限公司'})
    CREATE (k7)-[:ROLE_IN {role: 'legal_rep', from: date('2015-01-01')}]->(co7)
    CREATE (j7:Entity:Project {id: 'J7', name: '王家村绿化', awardAmount: 200000.0, awardDate: date('2019-05-01')})-[:IN]->(v2)
    CREATE (official)-[:APPROVED]->(j7)
    CREATE (j7)-[:AWARDED_TO {amount: 200000.0, date: date('2019-05-01')}]->(co7)`);
});
afterAll(async () => graph?.close());

describe("KIN_CONTRACT", () => {
  it("flags awards to firms of the cadre or kin, and only those", async () => {
    const alerts = await runAndRead(graph, "KIN_CONTRACT");
    expect(alerts.map((a) => a.id)).toEqual(["KIN_CONTRACT:approved:J1", "KIN_CONTRACT:approved:J3", "KIN_CONTRACT:in_post:J2"]);
  });

  it("names cadre, relative, firm and front man, and grades the forms", async () => {
    const alerts = await runAndRead(graph, "KIN_CONTRACT");
    const son = alertById(alerts, "KIN_CONTRACT:approved:J1");
    expect(son.subjects).toEqual(["C1", "CO1", "K1"]);
    expect(son.confidence).toBe(1);
    expect(son.amount).toBe(480000);
    expect(son.grade).toBe("huge");

    const self = alertById(alerts, "KIN_CONTRACT:approved:J3");
    expect(self.subjects).toEqual(["C3", "CO3", "N3"]);
    expect(self.confidence).toBe(1);

    const inLaw = alertById(alerts, "KIN_CONTRACT:in_post:J2");
    expect(inLaw.subjects).toEqual(["C1", "CO2", "K2", "N2"]);
    expect(inLaw.confidence).toBeCloseTo(0.7 * 0.8);
    // cadre, wife, brother-in-law, firm, project, village, front man
    expect(inLaw.evidenceNodes).toHaveLength(7);
  });

  it("writes a readable summary", async () => {
    const row = alertById(await runAndRead(graph, "KIN_CONTRACT"), "KIN_CONTRACT:approved:J1");
    expect(row.summary).toBe(
      "Project J1 (刘家村道路硬化, 480000 yuan) was awarded to 岚河县建军建筑有限公司 (CO1), where child 刘小军 (K1) of 刘建国 (C1) is legal_rep; 刘建国 approved the project",
    );
  });
});
