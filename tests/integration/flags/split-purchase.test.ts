// SPLIT_PURCHASE: several untendered awards below the threshold to one firm in one region within the
// window, together above it, hit once per run of pieces; spread-out, scattered, tendered, too small or
// too few pieces do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;

/** Cypher creating the projects of `pieces` awarded to `company`, each `[id, region, day, amount, method, approver?]`. */
function awards(company: string, pieces: [string, string, string, number, string, string?][]): string {
  return pieces
    .map(([id, region, day, amount, method, approver]) => `
      CREATE (${id}:Entity:Project {id: '${id}', name: '${id}工程', method: '${method}', awardAmount: ${amount}.0})
      CREATE (${id})-[:IN]->(${region})
      CREATE (${id})-[:AWARDED_TO {amount: ${amount}.0, date: date('${day}')}]->(${company})
      ${approver ? `CREATE (${approver})-[:APPROVED]->(${id})` : ""}`)
    .join("\n");
}

beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    CREATE (r1:Entity:Region {id: 'R1', name: '杨家寨村', level: 'village'})
    CREATE (r2:Entity:Region {id: 'R2', name: '赵家庄村', level: 'village'})
    CREATE (r3:Entity:Region {id: 'R3', name: '黑林塬村', level: 'village'})
    CREATE (k1:Entity:Person:Cadre {id: 'P1', name: '卫志刚'})
    CREATE (k2:Entity:Person:Cadre {id: 'P2', name: '刘国庆'})
    CREATE (k3:Entity:Person:Cadre {id: 'P3', name: '王宏伟'})
    CREATE (c1:Entity:Company {id: 'C1', name: '岚河县益民园林绿化工程有限公司'})
    CREATE (c2:Entity:Company {id: 'C2', name: '山西鑫源水利工程有限公司'})
    CREATE (c3:Entity:Company {id: 'C3', name: '岚河县福源水利工程有限公司'})
    CREATE (c4:Entity:Company {id: 'C4', name: '岚河县北岳园林绿化工程有限公司'})
    CREATE (c5:Entity:Company {id: 'C5', name: '吕梁市东辰建筑工程有限公司'})
    CREATE (c6:Entity:Company {id: 'C6', name: '岚河县汇通建筑安装工程有限公司'})
    CREATE (c7:Entity:Company {id: 'C7', name: '山西华泰劳务有限公司'})
    ${awards("c1", [
      ["J11", "r1", "2020-03-01", 120000, "direct_award", "k1"],
      ["J12", "r1", "2020-03-31", 120000, "direct_award", "k1"],
      ["J13", "r1", "2020-04-30", 120000, "direct_award", "k1"],
      ["J14", "r1", "2020-05-30", 120000, "direct_award", "k1"],
      ["J15", "r1", "2020-09-17", 120000, "single_source", "k1"],
    ])}
    ${awards("c2", [
      ["J21", "r2", "2021-01-10", 150000, "direct_award", "k2"],
      ["J22", "r2", "2021-02-10", 150000, "competitive_negotiation", "k3"],
      ["J23", "r2", "2021-03-10", 150000, "direct_award"],
    ])}
    ${awards("c3", [
      ["J31", "r1", "2019-01-10", 150000, "direct_award"],
      ["J32", "r1", "2019-08-10", 150000, "direct_award"],
      ["J33", "r1", "2020-02-10", 150000, "direct_award"],
    ])}
    ${awards("c4", [
      ["J41", "r1", "2019-01-10", 150000, "direct_award"],
      ["J42", "r2", "2019-02-10", 150000, "direct_award"],
      ["J43", "r3", "2019-03-10", 150000, "direct_award"],
    ])}
    ${awards("c5", [
      ["J51", "r3", "2019-01-10", 150000, "open_tender"],
      ["J52", "r3", "2019-02-10", 150000, "invited_tender"],
      ["J53", "r3", "2019-03-10", 150000, "open_tender"],
    ])}
    ${awards("c6", [
      ["J61", "r3", "2020-01-10", 100000, "direct_award"],
      ["J62", "r3", "2020-02-10", 100000, "direct_award"],
      ["J63", "r3", "2020-03-10", 100000, "direct_award"],
    ])}
    ${awards("c7", [
      ["J71", "r2", "2020-01-10", 250000, "direct_award"],
      ["J72", "r2", "2020-02-10", 250000, "direct_award"],
      ["J73", "r2", "2020-03-10", 450000, "direct_award"],
    ])}`);
});
afterAll(async () => graph?.close());

describe("SPLIT_PURCHASE", () => {
  it("flags one run of pieces per company and region, overlapping windows merged", async () => {
    const alerts = await runAndRead(graph, "SPLIT_PURCHASE");
    expect(alerts.map((a) => a.id)).toEqual(["SPLIT_PURCHASE:C1:R1:2020-03-01", "SPLIT_PURCHASE:C2:R2:2021-01-10"]);
    const [direct, negotiated] = alerts;
    // Five pieces: the window from the first reaches the fourth, the one from the second the fifth.
    expect(direct).toMatchObject({ subjects: ["C1", "P1"], confidence: 1, amount: 600000, grade: "huge" });
    expect(direct!.evidenceNodes).toHaveLength(2 + 5 + 1);
    // One piece negotiated; no cadre signed two pieces.
    expect(negotiated).toMatchObject({ subjects: ["C2"], confidence: 0.7, amount: 450000 });
  });

  it("does not flag spread-out, scattered, tendered, too small or too few pieces", async () => {
    const ids = (await runAndRead(graph, "SPLIT_PURCHASE")).map((a) => a.id);
    for (const c of ["C3", "C4", "C5", "C6", "C7"]) expect(ids.some((id) => id.startsWith(`SPLIT_PURCHASE:${c}:`))).toBe(false);
  });

  it("honours the window and the number of pieces", async () => {
    const wide = (await runAndRead(graph, "SPLIT_PURCHASE", { windowDays: 400 })).map((a) => a.id);
    expect(wide).toContain("SPLIT_PURCHASE:C3:R1:2019-01-10");
    const pairs = await runAndRead(graph, "SPLIT_PURCHASE", { minPieces: 2 });
    expect(pairs.find((a) => a.id.startsWith("SPLIT_PURCHASE:C7:"))).toMatchObject({ id: "SPLIT_PURCHASE:C7:R2:2020-01-10", amount: 500000 });
  });
});
