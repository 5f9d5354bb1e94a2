// DIVERTED_PAYMENT: grants paid into accounts of the approving cadre, a cadre in post, their kin, a
// go-between, or nobody known hit; grants paid into the beneficiary's own or their family's account
// do not.
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
    CREATE (c2:Entity:Person:Cadre {id: 'C2', name: '王会计'})-[:HOLDS_POST {role: 'accountant', from: date('2015-01-01')}]->(v1)
    CREATE (ac1:Entity:Account {id: 'A-C1'}), (ac2:Entity:Account {id: 'A-C2'})
    CREATE (c1)-[:HAS]->(ac1), (c2)-[:HAS]->(ac2)
    CREATE (w1:Entity:Person {id: 'W1', name: '王秀英'})-[:KIN {relation: 'spouse', declared: false}]->(c1)
    CREATE (aw1:Entity:Account {id: 'A-W1'})<-[:HAS]-(w1)
    CREATE (k3:Entity:Person {id: 'K3', name: '刘建华'})-[:KIN {relation: 'sibling', declared: true}]->(c1)
    CREATE (ak3:Entity:Account {id: 'A-K3'})<-[:HAS]-(k3)
    CREATE (m:Entity:Person {id: 'M', name: '中间人'})-[:HAS]->(am:Entity:Account {id: 'A-M'})
    CREATE (n:Entity:Person {id: 'N', name: '邻居'})-[:HAS]->(an:Entity:Account {id: 'A-N'})
    CREATE (ax:Entity:Account {id: 'A-X'}), (:Entity:Account {id: 'A-B10'})

    WITH *
    UNWIND [
      // grant, beneficiary, account paid into, approver
      ['G1', 'B1', 'A-C1', 'C1'],   // the approver's own account
      ['G2', 'B2', 'A-W1', 'C1'],   // the approver's wife's
      ['G3', 'B3', 'A-C2', 'TO'],   // a cadre in post in the village, who did not sign
      ['G4', 'B4', 'A-M', 'C1'],    // a go-between collecting two villagers' grants
      ['G5', 'B5', 'A-M', 'C1'],
      ['G6', 'B6', 'A-N', 'TO'],    // one villager's grant in a neighbour's account
      ['G7', 'B7', 'A-X', 'TO'],    // an account nobody is known to hold
      ['G12', 'B12', 'A-K3', 'C1'], // a declared sister's
      ['G10', 'B10', 'A-B10', 'C1'] // the beneficiary's own: fine
    ] AS row
    MATCH (acc:Account {id: row[2]}), (approver:Person {id: row[3]})
    MERGE (b:Entity:Person {id: row[1]}) ON CREATE SET b.name = '村民' + row[1]
    MERGE (own:Entity:Account {id: 'A-' + row[1]})
    MERGE (b)-[:HAS]->(own)
    CREATE (g:Entity:Grant {id: row[0], paidAmount: 5000.0, paidDate: date('2019-05-01')})
    CREATE (g)-[:PAID_TO]->(b), (g)-[:PAID_INTO]->(acc), (g)-[:IN]->(v1), (approver)-[:APPROVED]->(g)`);
  await graph.write(`
    MATCH (v1:Region {id: 'V1'}), (c1:Person {id: 'C1'}), (w1:Person {id: 'W1'})
    // A pupil's allowance paid into the father's account (the father is the cadre's brother-in-law).
    CREATE (child:Entity:Person {id: 'B8', name: '小学生'})
    CREATE (father:Entity:Person {id: 'P8', name: '学生父亲'})-[:KIN {relation: 'child', declared: false}]->(child)
    CREATE (w1)-[:KIN {relation: 'sibling', declared: false}]->(father)
    CREATE (g8:Entity:Grant {id: 'G8', paidAmount: 1250.0, paidDate: date('2019-09-01')})
    CREATE (g8)-[:PAID_TO]->(child), (g8)-[:PAID_INTO]->(:Entity:Account {id: 'A-P8'})<-[:HAS]-(father), (g8)-[:IN]->(v1)
    // An old woman's dibao paid into the card of the lodger she shares a household with.
    CREATE (h9:Entity:Household {id: 'H9'})
    CREATE (old:Entity:Person {id: 'B9', name: '老人'})-[:MEMBER_OF]->(h9)
    CREATE (old)-[:HAS]->(:Entity:Account {id: 'A-B9'})
    CREATE (lodger:Entity:Person {id: 'P9', name: '同户人'})-[:MEMBER_OF]->(h9)
    CREATE (g9:Entity:Grant {id: 'G9', paidAmount: 3000.0, paidDate: date('2019-09-01')})
    CREATE (g9)-[:PAID_TO]->(old), (g9)-[:PAID_INTO]->(:Entity:Account {id: 'A-P9'})<-[:HAS]-(lodger), (g9)-[:IN]->(v1)
    // Nobody holds the account, but the beneficiary has no known account either.
    CREATE (g11:Entity:Grant {id: 'G11', paidAmount: 3000.0, paidDate: date('2019-09-01')})
    CREATE (g11)-[:PAID_TO]->(:Entity:Person {id: 'B11', name: '无卡人'}), (g11)-[:PAID_INTO]->(:Entity:Account {id: 'A-Y'}), (g11)-[:IN]->(v1)`);
});
afterAll(async () => graph?.close());

describe("DIVERTED_PAYMENT", () => {
  it("flags grants paid into other people's accounts, except the family's", async () => {
    const alerts = await runAndRead(graph, "DIVERTED_PAYMENT");
    expect(alerts.map((a) => a.id)).toEqual([
      "DIVERTED_PAYMENT:G1",
      "DIVERTED_PAYMENT:G12",
      "DIVERTED_PAYMENT:G2",
      "DIVERTED_PAYMENT:G3",
      "DIVERTED_PAYMENT:G4",
      "DIVERTED_PAYMENT:G5",
      "DIVERTED_PAYMENT:G6",
      "DIVERTED_PAYMENT:G7",
    ]);
  });

  it("grades the holder and names holder and cadre as subjects, the beneficiary as a party", async () => {
    const alerts = await runAndRead(graph, "DIVERTED_PAYMENT");
    const expected: [string, string[], number][] = [
      ["G1", ["C1"], 1],
      ["G2", ["C1", "W1"], 1],
      ["G3", ["C2", "TO"], 0.8],
      ["G4", ["C1", "M"], 0.8],
      ["G5", ["C1", "M"], 0.8],
      ["G6", ["N"], 0.5],
      ["G7", ["TO"], 0.3],
      ["G12", ["C1", "K3"], 0.7],
    ];
    for (const [grant, subjects, confidence] of expected) {
      const a = alertById(alerts, `DIVERTED_PAYMENT:${grant}`);
      expect(a.subjects, grant).toEqual(subjects);
      // A neighbour collecting one villager's grant: the signer is named, not scored.
      const signer = grant === "G6" ? ["TO:signer"] : [];
      expect(a.parties, grant).toEqual([`B${grant.slice(1)}:beneficiary_paid_elsewhere`, ...signer]);
      expect(a.confidence, grant).toBeCloseTo(confidence);
      expect(a.amount, grant).toBe(5000);
    }
  });

  it("writes a readable summary and the evidence path", async () => {
    const row = alertById(await runAndRead(graph, "DIVERTED_PAYMENT"), "DIVERTED_PAYMENT:G2");
    expect(row.summary).toBe("Grant G2 (5000 yuan) to 村民B2 (B2) was paid into the account A-W1 of 王秀英 (W1), spouse of cadre 刘建国 (C1) who approved it");
    // beneficiary, grant, account, wife, cadre; PAID_TO, PAID_INTO, HAS, KIN, APPROVED
    expect(row.evidenceNodes.length).toBe(5);
    expect(row.evidenceRels.length).toBe(5);
  });
});
