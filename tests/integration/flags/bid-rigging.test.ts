// BID_RIGGING: bidders tied by an officer, a phone (theirs or an officer's), a deposit account or a preparer,
// identical or near-identical bids, and a cover bidder hit, naming the persons who controlled the firms
// when they bid; a former officer, officers sharing a home address, normal price spreads and a firm that
// bids often and wins now and then do not, and neither a small shareholder nor a legal representative
// who left before the bids is named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { alertById, runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;

/** Cypher for a tender `id` won by `winner`, with `bids` as [company, amount, extra BID properties]. */
function tender(id: string, winner: string, bids: [string, number, string?][]): string {
  const award = bids.find(([c]) => c === winner)?.[1] ?? 0;
  return `
    CREATE (${id}:Entity:Project {id: '${id}', name: '${id}村道硬化工程', method: 'open_tender', awardAmount: ${award}.0,
                                  deadlineDate: date('2019-05-01')})
    CREATE (${id})-[:AWARDED_TO {amount: ${award}.0, date: date('2019-05-10')}]->(${winner})
    ${bids.map(([c, amount, extra]) => `CREATE (${c})-[:BID {amount: ${amount}.0, date: date('2019-04-28'), disqualified: false${extra ? `, ${extra}` : ""}}]->(${id})`).join("\n")}`;
}

const companies = ["A", "B", "D", "E", "F", "G", "H", "I", "K", "L", "N", "Q", "R", "S", "T", "U", "V", "Y", "COV", "W1", "W2", "FQ"]
  .concat(Array.from({ length: 15 }, (_, i) => `X${i + 1}`));

beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    ${companies.map((c) => `CREATE (${c}:Entity:Company {id: '${c}', name: '${c}建筑工程有限公司'})`).join("\n")}
    // A shared officer: the owner of A is a shareholder of B.
    CREATE (o1:Entity:Person {id: 'P1', name: '赵晓明'})
    CREATE (o1)-[:ROLE_IN {role: 'legal_rep', from: date('2015-01-01')}]->(A)
    CREATE (o1)-[:ROLE_IN {role: 'shareholder', share: 0.3, from: date('2017-01-01')}]->(B)
    ${tender("J1", "A", [["A", 100000], ["B", 108000], ["X1", 116000]])}
    // A shared phone.
    CREATE (ph:Phone {value: '15733244411'})
    CREATE (D)-[:HAS]->(ph), (E)-[:HAS]->(ph)
    // D's former legal representative left before the tender; E's majority shareholder is named.
    CREATE (:Entity:Person {id: 'P10', name: '郭文'})-[:ROLE_IN {role: 'legal_rep', from: date('2012-01-01'), to: date('2018-12-31')}]->(D)
    CREATE (:Entity:Person {id: 'P11', name: '冯玉兰'})-[:ROLE_IN {role: 'shareholder', share: 0.6, from: date('2016-01-01')}]->(E)
    ${tender("J2", "D", [["D", 200000], ["E", 216000], ["X2", 230000]])}
    // Deposits from one account, bids by one preparer.
    ${tender("J3", "F", [["F", 300000, "depositAccount: '6222001'"], ["G", 324000, "depositAccount: '6222001'"], ["X3", 345000, "depositAccount: '6222999'"]])}
    ${tender("J4", "G", [["F", 410000, "preparer: '王会计'"], ["G", 400000, "preparer: '王会计'"], ["X4", 445000, "preparer: '李文'"]])}
    // Near-identical bids.
    ${tender("J5", "H", [["H", 200000], ["I", 200300], ["X5", 200500]])}
    // R's deposit paid from the account of S's legal representative.
    CREATE (o5:Entity:Person {id: 'P5', name: '孙立军'})-[:ROLE_IN {role: 'legal_rep'}]->(S)
    CREATE (o5)-[:HAS]->(:Entity:Account {id: '6222555'})
    ${tender("J16", "S", [["R", 215000, "depositAccount: '6222555'"], ["S", 200000], ["X13", 228000]])}
    // T's phone is the phone of U's manager.
    CREATE (tp:Phone {value: '13900000000'})
    CREATE (T)-[:HAS]->(tp)
    CREATE (o6:Entity:Person {id: 'P6', name: '周建华'})-[:ROLE_IN {role: 'manager'}]->(U)
    CREATE (o6)-[:HAS]->(tp)
    ${tender("J17", "T", [["T", 100000], ["U", 107000], ["X14", 116000]])}
    // Two identical bids among a normal spread.
    ${tender("J18", "V", [["V", 150000], ["Y", 150000], ["X15", 170000]])}
    // A cover bidder: four valid bids, no win, three of the projects went to W1. COV's legal
    // representative is named, its 10% shareholder and W1's legal representative who left before are not.
    CREATE (:Entity:Person {id: 'P7', name: '韩志刚'})-[:ROLE_IN {role: 'legal_rep', from: date('2015-01-01')}]->(COV)
    CREATE (:Entity:Person {id: 'P8', name: '曹丽'})-[:ROLE_IN {role: 'shareholder', share: 0.1, from: date('2015-01-01')}]->(COV)
    CREATE (:Entity:Person {id: 'P9', name: '彭军'})-[:ROLE_IN {role: 'legal_rep', from: date('2010-01-01'), to: date('2018-12-31')}]->(W1)
    ${tender("J6", "W1", [["W1", 100000], ["COV", 104000], ["X6", 113000]])}
    ${tender("J7", "W1", [["W1", 150000], ["COV", 155000], ["X7", 170000]])}
    ${tender("J8", "W1", [["W1", 120000], ["COV", 124000], ["X8", 136000]])}
    ${tender("J9", "W2", [["W2", 180000], ["COV", 187000], ["X9", 200000]])}
    // Look-alikes. An officer who left K before joining L.
    CREATE (o2:Entity:Person {id: 'P2', name: '刘鹏飞'})
    CREATE (o2)-[:ROLE_IN {role: 'legal_rep', from: date('2010-01-01'), to: date('2015-01-01')}]->(K)
    CREATE (o2)-[:ROLE_IN {role: 'manager', from: date('2018-01-01')}]->(L)
    ${tender("J10", "K", [["K", 100000], ["L", 109000], ["X10", 118000]])}
    // Officers of N and Q who live at one address (an apartment block).
    CREATE (home:Address {value: '城关镇幸福小区3号楼'})
    CREATE (o3:Entity:Person {id: 'P3', name: '张小燕'})-[:ROLE_IN {role: 'legal_rep'}]->(N)
    CREATE (o4:Entity:Person {id: 'P4', name: '何强'})-[:ROLE_IN {role: 'legal_rep'}]->(Q)
    CREATE (o3)-[:HAS]->(home), (o4)-[:HAS]->(home)
    ${tender("J11", "N", [["N", 100000], ["Q", 107000], ["X11", 115000]])}
    // A firm that bids often and wins now and then.
    ${tender("J12", "X12", [["X12", 100000], ["FQ", 108000]])}
    ${tender("J13", "X12", [["X12", 100000], ["FQ", 109000]])}
    ${tender("J14", "X12", [["X12", 100000], ["FQ", 111000]])}
    ${tender("J15", "FQ", [["FQ", 100000], ["X12", 112000]])}`);
});
afterAll(async () => graph?.close());

describe("BID_RIGGING", () => {
  it("flags tied bidders, near-identical bids and a cover bidder", async () => {
    const alerts = await runAndRead(graph, "BID_RIGGING");
    expect(alerts.map((a) => a.id)).toEqual([
      "BID_RIGGING:cover:COV",
      "BID_RIGGING:project:J1",
      "BID_RIGGING:project:J16",
      "BID_RIGGING:project:J17",
      "BID_RIGGING:project:J18",
      "BID_RIGGING:project:J2",
      "BID_RIGGING:project:J3",
      "BID_RIGGING:project:J4",
      "BID_RIGGING:project:J5",
    ]);
    const byId = new Map(alerts.map((a) => [a.id.replace("BID_RIGGING:", ""), a]));
    expect(byId.get("project:J1")).toMatchObject({ subjects: ["A", "B", "P1"], confidence: 0.9, amount: 100000 });
    expect(byId.get("project:J1")!.evidenceNodes).toContain(
      (await graph.read<{ e: string }>("MATCH (p:Person {id: 'P1'}) RETURN elementId(p) AS e"))[0]!.e,
    );
    expect(byId.get("project:J2")).toMatchObject({ subjects: ["D", "E", "P11"], confidence: 0.8, amount: 200000 });
    expect(byId.get("project:J3")).toMatchObject({ subjects: ["F", "G"], confidence: 0.95, amount: 300000 });
    expect(byId.get("project:J4")).toMatchObject({ subjects: ["F", "G"], confidence: 0.95, amount: 400000 });
    expect(byId.get("project:J5")).toMatchObject({ subjects: ["H", "I", "X5"], confidence: 0.85 });
    expect(byId.get("project:J16")).toMatchObject({ subjects: ["P5", "R", "S"], confidence: 0.95, amount: 200000 });
    expect(byId.get("project:J17")).toMatchObject({ subjects: ["P6", "T", "U"], confidence: 0.7 });
    // Only the two identical bidders, not the third.
    expect(byId.get("project:J18")).toMatchObject({ subjects: ["V", "Y"], confidence: 0.9 });
    expect(byId.get("cover:COV")).toMatchObject({ subjects: ["COV", "P7", "W1"], confidence: 0.85, amount: 550000 });
  });

  it("names the untied bidders as competitors, groups by the tied firms, and reports each kind of sign", async () => {
    const alerts = await runAndRead(graph, "BID_RIGGING");
    const j2 = alertById(alerts, "BID_RIGGING:project:J2");
    expect(j2.parties).toEqual(["X2:competitor"]);
    expect(j2.group).toBe("BID_RIGGING:D+E");
    // The shared phone is held by the two firms only; no officer, deposit, preparer or price sign.
    expect(j2.facts).toEqual(expect.arrayContaining(["signId=0.8", "idDegree=2", "idShared=2", "idKind=phone", "signTie=0.0", "signPrice=0.0", "signPreparer=0.0", "bids=3"]));
    const j5 = alertById(alerts, "BID_RIGGING:project:J5");
    expect(j5.facts).toEqual(expect.arrayContaining(["signPrice=0.85", "signId=0.0"]));
    expect(j5.facts.find((f) => f.startsWith("cv="))).toBeDefined();
    expect(alertById(alerts, "BID_RIGGING:project:J3").facts).toEqual(expect.arrayContaining(["signDeposit=0.95", "depositAccount=6222001", "depositShared=2"]));
    expect(alertById(alerts, "BID_RIGGING:project:J4").facts).toEqual(expect.arrayContaining(["signPreparer=0.95", "preparer=王会计", "preparerShared=2"]));
    // The shared officer, with how many firms he serves (two, both bidding here) for the scores stage.
    expect(alertById(alerts, "BID_RIGGING:project:J1").facts).toEqual(expect.arrayContaining(["signOfficer=0.9", "officerShared=2", "officerFirms=2", "signTie=0.0"]));
    expect(alertById(alerts, "BID_RIGGING:cover:COV").group).toBe("BID_RIGGING:cover:COV");
  });

  it("does not flag former officers, shared home addresses, normal spreads or a firm that wins now and then", async () => {
    const alerts = await runAndRead(graph, "BID_RIGGING");
    for (const j of ["J6", "J7", "J8", "J9", "J10", "J11", "J12", "J13", "J14", "J15"]) {
      expect(alerts.some((a) => a.id === `BID_RIGGING:project:${j}`)).toBe(false);
    }
    expect(alerts.some((a) => a.id === "BID_RIGGING:cover:FQ")).toBe(false);
    // Officers sharing a home address (N, Q) are not named anywhere; neither are P8, P9, P10.
    const named = new Set(alerts.flatMap((a) => a.subjects));
    for (const p of ["P3", "P4", "P8", "P9", "P10"]) expect(named.has(p), p).toBe(false);
  });

  it("honours the cover-bidder and spread thresholds", async () => {
    const strict = (await runAndRead(graph, "BID_RIGGING", { coverMinBids: 5, maxCv: 0.0001 })).map((a) => a.id);
    expect(strict).not.toContain("BID_RIGGING:cover:COV");
    expect(strict).not.toContain("BID_RIGGING:project:J5");
    const loose = (await runAndRead(graph, "BID_RIGGING", { maxCv: 0.05 })).map((a) => a.id);
    expect(loose).toContain("BID_RIGGING:project:J1");
    expect(loose).toContain("BID_RIGGING:project:J12");
    const small = await runAndRead(graph, "BID_RIGGING", { minControlShare: 0.05 });
    expect(alertById(small, "BID_RIGGING:cover:COV").subjects).toEqual(["COV", "P7", "P8", "W1"]);
  });
});
