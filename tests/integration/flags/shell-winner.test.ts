// SHELL_WINNER: a winner registered weeks before (or after) the tender opened, and a young or since
// closed one-project company, hit, with the legal representative at the award as a subject (not one
// who left before); a year-old firm that bids elsewhere, an established one-project firm and a fresh
// firm that lost do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;

/** Cypher for an open tender `id` announced on `announce` and won by `winner`, with `losers` bidding too. */
function tender(id: string, announce: string, winner: string, losers: string[] = [], cadre?: string): string {
  return `
    CREATE (${id}:Entity:Project {id: '${id}', name: '${id}村道硬化工程', method: 'open_tender', awardAmount: 300000.0,
                                  announceDate: date('${announce}'), awardDate: date('${announce}') + duration({days: 40})})
    CREATE (${id})-[:AWARDED_TO {amount: 300000.0, date: date('${announce}') + duration({days: 40})}]->(${winner})
    CREATE (${winner})-[:BID {amount: 300000.0, disqualified: false}]->(${id})
    ${losers.map((l) => `CREATE (${l})-[:BID {amount: 330000.0, disqualified: false}]->(${id})`).join("\n")}
    ${cadre ? `CREATE (${cadre})-[:APPROVED]->(${id})` : ""}`;
}

beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    CREATE (k:Entity:Person:Cadre {id: 'P1', name: '武志强'})
    CREATE (nominee:Entity:Person {id: 'P2', name: '王二小'})
    CREATE (S1:Entity:Company {id: 'S1', name: '岚河县亿丰建筑安装工程有限公司', registeredDate: date('2020-02-01'), status: 'active'})
    CREATE (S2:Entity:Company {id: 'S2', name: '岚河县汇通建设工程有限公司', registeredDate: date('2020-03-10'), status: 'active'})
    CREATE (S3:Entity:Company {id: 'S3', name: '吕梁市瑞丰装饰工程有限公司', registeredDate: date('2019-06-01'), status: 'deregistered'})
    CREATE (S4:Entity:Company {id: 'S4', name: '岚河县润丰建筑工程有限公司', registeredDate: date('2019-06-01'), status: 'active'})
    CREATE (Y1:Entity:Company {id: 'Y1', name: '山西顺通园林绿化工程有限公司', registeredDate: date('2019-06-01'), status: 'active'})
    CREATE (O1:Entity:Company {id: 'O1', name: '岚河县宝丰路桥工程有限公司', registeredDate: date('2010-05-01'), status: 'active'})
    CREATE (L1:Entity:Company {id: 'L1', name: '山西鑫磊市政工程有限公司', registeredDate: date('2020-01-20'), status: 'active'})
    CREATE (B1:Entity:Company {id: 'B1', name: '岚河县志诚路桥工程有限公司', registeredDate: date('2005-01-01'), status: 'active'})
    CREATE (nominee)-[:ROLE_IN {role: 'legal_rep'}]->(S1)
    // S3's first legal representative left before the award; the second fronted it then.
    CREATE (:Entity:Person {id: 'P3', name: '刘小平'})-[:ROLE_IN {role: 'legal_rep', from: date('2019-06-01'), to: date('2019-09-30')}]->(S3)
    CREATE (:Entity:Person {id: 'P4', name: '陈满仓'})-[:ROLE_IN {role: 'legal_rep', from: date('2019-10-01')}]->(S3)
    // Registered 29 days before the tender opened; it also bid elsewhere.
    ${tender("J1", "2020-03-01", "S1", ["B1", "L1"], "k")}
    ${tender("J2", "2020-06-01", "B1", ["S1"])}
    // Registered 9 days after the tender opened.
    ${tender("J3", "2020-03-01", "S2", ["B1"])}
    // One-project firms registered 214 days before the tender: one deregistered since, one active.
    ${tender("J4", "2020-01-01", "S3", ["B1"], "k")}
    ${tender("J5", "2020-01-01", "S4", ["B1"])}
    // Look-alikes: a firm 214 days old that bids elsewhere, an old firm with one project.
    ${tender("J6", "2020-01-01", "Y1", ["B1"])}
    ${tender("J7", "2020-05-01", "B1", ["Y1"])}
    ${tender("J8", "2020-05-01", "O1", ["B1"])}`);
});
afterAll(async () => graph?.close());

describe("SHELL_WINNER", () => {
  it("flags fresh winners and young or closed one-project firms", async () => {
    const alerts = await runAndRead(graph, "SHELL_WINNER");
    expect(alerts.map((a) => a.id)).toEqual(["SHELL_WINNER:S1:J1", "SHELL_WINNER:S2:J3", "SHELL_WINNER:S3:J4", "SHELL_WINNER:S4:J5"]);
    const [fresh, after, closed, young] = alerts;
    expect(fresh).toMatchObject({ subjects: ["P1", "P2", "S1"], confidence: 0.85, amount: 300000 });
    // The legal representative may be a nominee whose identity was used: a minor subject.
    expect(fresh!.minor).toEqual(["P2"]);
    expect(closed!.minor).toEqual(["P4"]);
    // The project, the company, its legal representative and the approving cadre.
    expect(fresh!.evidenceNodes).toHaveLength(4);
    expect(after).toMatchObject({ subjects: ["S2"], confidence: 1 });
    expect(closed).toMatchObject({ subjects: ["P1", "P4", "S3"], confidence: 0.8 });
    expect(young).toMatchObject({ subjects: ["S4"], confidence: 0.6 });
  });

  it("does not flag a year-old firm that bids elsewhere, an established one-project firm or a fresh loser", async () => {
    const ids = (await runAndRead(graph, "SHELL_WINNER")).map((a) => a.id);
    for (const c of ["Y1", "O1", "L1", "B1"]) expect(ids.some((id) => id.startsWith(`SHELL_WINNER:${c}:`))).toBe(false);
  });

  it("honours the age limits", async () => {
    const ids = (await runAndRead(graph, "SHELL_WINNER", { maxAgeDays: 250, maxOnlyProjectAgeDays: 100 })).map((a) => a.id);
    expect(ids).toContain("SHELL_WINNER:Y1:J6");
    // S4 is now fresh (214 days) rather than a young one-project firm.
    expect(ids).toContain("SHELL_WINNER:S4:J5");
    const strict = (await runAndRead(graph, "SHELL_WINNER", { maxOnlyProjectAgeDays: 100 })).map((a) => a.id);
    expect(strict).not.toContain("SHELL_WINNER:S4:J5");
    expect(strict).toContain("SHELL_WINNER:S3:J4");
  });
});
