// HIDDEN_TIE: a cadre (or kin) sharing a phone, address or account with a winning firm, its officer,
// or a beneficiary the cadre approved hits, naming a relative only when the cadre does not hold the
// identifier himself; apartment blocks, recorded kin, household members, the relative's own firm and
// firms that won nothing from the cadre do not.
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
    CREATE (official:Entity:Person:Cadre {id: 'TO', name: '乡干部'})-[:HOLDS_POST {role: 'township_official', from: date('2010-01-01')}]->(t1)

    CREATE (c1:Entity:Person:Cadre {id: 'C1', name: '刘建国'})-[:HOLDS_POST {role: 'party_secretary', from: date('2015-01-01')}]->(v1)
    CREATE (h1:Entity:Household {id: 'H1'})
    CREATE (c1)-[:MEMBER_OF]->(h1)
    CREATE (ph1:Phone {value: '13900000001'}), (ph2:Phone {value: '13900000002'})
    CREATE (c1)-[:HAS]->(ph1)

    // CO1 gives C1's phone and wins a project C1 approved.
    CREATE (co1:Entity:Company {id: 'CO1', name: '岚河县顺通工程有限公司'})-[:HAS]->(ph1)
    CREATE (n1:Entity:Person {id: 'N1', name: '张前台'})-[:ROLE_IN {role: 'legal_rep', from: date('2016-01-01')}]->(co1)
    CREATE (j1:Entity:Project {id: 'J1', name: '刘家村道路', awardAmount: 300000.0, awardDate: date('2018-06-01')})-[:IN]->(v1)
    CREATE (c1)-[:APPROVED]->(j1)
    CREATE (j1)-[:AWARDED_TO {amount: 300000.0, date: date('2018-06-01')}]->(co1)

    // A beneficiary C1 approved gives the phone of C1's son.
    CREATE (k1:Entity:Person {id: 'K1', name: '刘小军'})-[:KIN {relation: 'parent', declared: false}]->(c1)
    CREATE (k1)-[:HAS]->(ph2)
    CREATE (b1:Entity:Person {id: 'B1', name: '李英'})-[:HAS]->(ph2)
    CREATE (g1:Entity:Grant {id: 'G1', paidAmount: 4000.0, paidDate: date('2019-03-01')})-[:PAID_TO]->(b1)
    CREATE (g2:Entity:Grant {id: 'G2', paidAmount: 4200.0, paidDate: date('2020-03-01')})-[:PAID_TO]->(b1)
    CREATE (c1)-[:APPROVED]->(g1), (c1)-[:APPROVED]->(g2)

    // The front man of CO2 gives C2's bank account as his own.
    CREATE (c2:Entity:Person:Cadre {id: 'C2', name: '王福'})-[:HOLDS_POST {role: 'committee_director', from: date('2014-01-01')}]->(v1)
    CREATE (a2:Entity:Account {id: '6228480000000000002'})
    CREATE (c2)-[:HAS]->(a2)
    CREATE (n2:Entity:Person {id: 'N2', name: '赵挂名'})-[:HAS]->(a2)
    CREATE (co2:Entity:Company {id: 'CO2', name: '岚河县福兴土石方有限公司'})
    CREATE (n2)-[:ROLE_IN {role: 'legal_rep', from: date('2015-01-01')}]->(co2)
    CREATE (j2:Entity:Project {id: 'J2', name: '刘家村河堤', awardAmount: 800000.0, awardDate: date('2019-05-01')})-[:IN]->(v1)
    CREATE (c2)-[:APPROVED]->(j2)
    CREATE (j2)-[:AWARDED_TO {amount: 800000.0, date: date('2019-05-01')}]->(co2)

    // CO3 is registered at C3's home address and wins in C3's village, signed by the township.
    CREATE (c3:Entity:Person:Cadre {id: 'C3', name: '赵志明'})-[:HOLDS_POST {role: 'accountant', from: date('2016-01-01')}]->(v1)
    CREATE (ad3:Address {value: '刘家村3组8号'})
    CREATE (c3)-[:HAS]->(ad3)
    CREATE (co3:Entity:Company {id: 'CO3', name: '岚河县志明园林有限公司'})-[:HAS]->(ad3)
    CREATE (n3:Entity:Person {id: 'N3', name: '孙前台'})-[:ROLE_IN {role: 'legal_rep', from: date('2016-01-01')}]->(co3)
    CREATE (j3:Entity:Project {id: 'J3', name: '刘家村绿化', awardAmount: 150000.0, awardDate: date('2019-08-01')})-[:IN]->(v1)
    CREATE (official)-[:APPROVED]->(j3)
    CREATE (j3)-[:AWARDED_TO {amount: 150000.0, date: date('2019-08-01')}]->(co3)

    // A beneficiary C4 approved gives C4's phone, which C4's mother also uses: the tie is C4's own.
    CREATE (c4:Entity:Person:Cadre {id: 'C4', name: '高建军'})-[:HOLDS_POST {role: 'party_secretary', from: date('2015-01-01')}]->(v1)
    CREATE (m4:Entity:Person {id: 'A4', name: '高母'})-[:KIN {relation: 'child', declared: false}]->(c4)
    CREATE (ph4:Phone {value: '13900000004'})
    CREATE (c4)-[:HAS]->(ph4), (m4)-[:HAS]->(ph4)
    CREATE (b4:Entity:Person {id: 'B4', name: '贫困户'})-[:HAS]->(ph4)
    CREATE (g4:Entity:Grant {id: 'G4', paidAmount: 5000.0, paidDate: date('2019-04-01')})-[:PAID_TO]->(b4)
    CREATE (c4)-[:APPROVED]->(g4)

    // Look-alikes. An apartment block: C1, a beneficiary he approved and eleven neighbours.
    CREATE (block:Address {value: '幸福小区3号楼'})
    CREATE (c1)-[:HAS]->(block)
    CREATE (b9:Entity:Person {id: 'B9', name: '邻居'})-[:HAS]->(block)
    CREATE (g9:Entity:Grant {id: 'G9', paidAmount: 3000.0, paidDate: date('2019-03-01')})-[:PAID_TO]->(b9)
    CREATE (c1)-[:APPROVED]->(g9)
    FOREACH (i IN range(1, 11) | CREATE (:Entity:Person {id: 'NB' + toString(i), name: '住户'})-[:HAS]->(block))
    // C1's sister shares his phone and gets a grant he signs: kinship on record (KIN_BENEFIT's case).
    CREATE (k8:Entity:Person {id: 'K8', name: '刘建华'})-[:KIN {relation: 'sibling', declared: false}]->(c1)
    CREATE (k8)-[:HAS]->(ph1)
    CREATE (g8:Entity:Grant {id: 'G8', paidAmount: 3000.0, paidDate: date('2019-03-01')})-[:PAID_TO]->(k8)
    CREATE (c1)-[:APPROVED]->(g8)
    // A lodger in C1's household shares his address and gets a grant he signs.
    CREATE (ad1:Address {value: '刘家村1组1号'})
    CREATE (c1)-[:HAS]->(ad1)
    CREATE (b7:Entity:Person {id: 'B7', name: '同户人'})-[:HAS]->(ad1)
    CREATE (b7)-[:MEMBER_OF]->(h1)
    CREATE (g7:Entity:Grant {id: 'G7', paidAmount: 3000.0, paidDate: date('2019-03-01')})-[:PAID_TO]->(b7)
    CREATE (c1)-[:APPROVED]->(g7)
    // The son's own firm has the son's phone (KIN_CONTRACT's case, not a concealed tie).
    CREATE (co6:Entity:Company {id: 'CO6', name: '岚河县小军建筑有限公司'})-[:HAS]->(ph2)
    CREATE (k1)-[:ROLE_IN {role: 'legal_rep', from: date('2016-01-01')}]->(co6)
    CREATE (j6:Entity:Project {id: 'J6', name: '刘家村公厕', awardAmount: 120000.0, awardDate: date('2019-06-01')})-[:IN]->(v1)
    CREATE (c1)-[:APPROVED]->(j6)
    CREATE (j6)-[:AWARDED_TO {amount: 120000.0, date: date('2019-06-01')}]->(co6)
    // A firm with C2's phone that never won anything from C2.
    CREATE (ph5:Phone {value: '13900000005'})
    CREATE (c2)-[:HAS]->(ph5)
    CREATE (:Entity:Company {id: 'CO5', name: '岚河县无关公司'})-[:HAS]->(ph5)`);
});
afterAll(async () => graph?.close());

describe("HIDDEN_TIE", () => {
  it("flags concealed ties to counterparts, and only those", async () => {
    const alerts = await runAndRead(graph, "HIDDEN_TIE");
    expect(alerts.map((a) => a.id)).toEqual([
      "HIDDEN_TIE:beneficiary:C1:B1",
      "HIDDEN_TIE:beneficiary:C4:B4",
      "HIDDEN_TIE:company:C1:CO1",
      "HIDDEN_TIE:company:C2:CO2",
      "HIDDEN_TIE:company:C3:CO3",
    ]);
  });

  it("names the parties, sums the money and grades the identifiers", async () => {
    const alerts = await runAndRead(graph, "HIDDEN_TIE");
    const phone = alertById(alerts, "HIDDEN_TIE:company:C1:CO1");
    expect(phone.subjects).toEqual(["C1", "CO1", "N1"]);
    // The legal representative holds none of the identifiers: he fronts the firm, a minor subject.
    expect(phone.minor).toEqual(["N1"]);
    expect(phone.confidence).toBe(1);
    expect(phone.amount).toBe(300000);

    const beneficiary = alertById(alerts, "HIDDEN_TIE:beneficiary:C1:B1");
    expect(beneficiary.subjects).toEqual(["B1", "C1", "K1"]);
    expect(beneficiary.confidence).toBe(1);
    expect(beneficiary.amount).toBe(8200);
    // cadre, son, phone, beneficiary, two grants
    expect(beneficiary.evidenceNodes).toHaveLength(6);
    // One pattern per cadre and identifier; the identifier's holders are counted for the scores stage.
    expect(beneficiary.group).toBe("HIDDEN_TIE:C1:13900000002");
    // The phone is held by the son, the beneficiary and the son's own firm CO6.
    expect(beneficiary.facts).toEqual(expect.arrayContaining(["idKind=phone", "idDegree=3", "form=approved"]));

    // The cadre's own phone: his mother, who shares it, is not named.
    expect(alertById(alerts, "HIDDEN_TIE:beneficiary:C4:B4").subjects).toEqual(["B4", "C4"]);

    const account = alertById(alerts, "HIDDEN_TIE:company:C2:CO2");
    expect(account.subjects).toEqual(["C2", "CO2", "N2"]);
    // The front man gives the cadre's account as his own: he answers fully.
    expect(account.minor).toEqual([]);
    expect(account.confidence).toBe(1);

    const address = alertById(alerts, "HIDDEN_TIE:company:C3:CO3");
    expect(address.subjects).toEqual(["C3", "CO3", "N3"]);
    expect(address.confidence).toBeCloseTo(0.7 * 0.7);
  });

  it("writes a readable summary", async () => {
    const row = alertById(await runAndRead(graph, "HIDDEN_TIE"), "HIDDEN_TIE:beneficiary:C1:B1");
    expect(row.summary).toBe(
      "child 刘小军 (K1) of cadre 刘建国 (C1) shares phone 13900000002 with beneficiary 李英 (B1), who received 2 grants (8200 yuan) approved by the cadre",
    );
  });

  it("counts a crowded identifier when the cap is raised", async () => {
    const alerts = await runAndRead(graph, "HIDDEN_TIE", { maxSharers: 20 });
    expect(alertById(alerts, "HIDDEN_TIE:beneficiary:C1:B9").confidence).toBeCloseTo(0.7);
  });
});
