// DOMINANT_WINNER: a firm taking most of a village's or a township's award value in a year hits, once,
// at the widest region it dominates; a single large award, a year with too few projects and a large
// but not dominant share do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
let n = 0;

/** Cypher for a project in `region` awarded to `company` on `day`, optionally approved by `cadre`. */
function award(region: string, company: string, day: string, amount: number, cadre?: string): string {
  const id = `J${++n}`;
  return `
    CREATE (${id}:Entity:Project {id: '${id}', name: '${id}工程', method: 'open_tender', awardAmount: ${amount}.0})-[:IN]->(${region})
    CREATE (${id})-[:AWARDED_TO {amount: ${amount}.0, date: date('${day}')}]->(${company})
    ${cadre ? `CREATE (${cadre})-[:APPROVED]->(${id})` : ""}`;
}

beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    CREATE (R0:Entity:Region {id: 'R0', name: '岚河县', level: 'county'})
    CREATE (T1:Entity:Region {id: 'T1', name: '城关镇', level: 'township'})-[:PART_OF]->(R0)
    CREATE (T2:Entity:Region {id: 'T2', name: '宁林乡', level: 'township'})-[:PART_OF]->(R0)
    CREATE (V1:Entity:Region {id: 'V1', name: '杨家寨村', level: 'village'})-[:PART_OF]->(T1)
    CREATE (V2:Entity:Region {id: 'V2', name: '赵家庄村', level: 'village'})-[:PART_OF]->(T1)
    CREATE (V3:Entity:Region {id: 'V3', name: '黑林塬村', level: 'village'})-[:PART_OF]->(T2)
    CREATE (K1:Entity:Person:Cadre {id: 'P1', name: '刘浩'})
    CREATE (K2:Entity:Person:Cadre {id: 'P2', name: '李晓霞'})
    CREATE (K3:Entity:Person:Cadre {id: 'P3', name: '武二梅'})
    ${["D", "E", "F", "G", "H", "O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8"].map((c) => `CREATE (${c}:Entity:Company {id: '${c}', name: '${c}工程有限公司'})`).join("\n")}
    // 2019: D takes 800k of 900k in V1, every win signed by P1; V2's big project keeps T1 and the county clean.
    ${award("V1", "D", "2019-03-01", 300000, "K1")}
    ${award("V1", "D", "2019-05-01", 300000, "K1")}
    ${award("V1", "D", "2019-07-01", 200000, "K1")}
    ${award("V1", "O1", "2019-08-01", 100000)}
    ${award("V2", "O2", "2019-09-01", 1000000)}
    // 2020: E dominates V3 and the township T2 above it; V1's big project keeps the county clean.
    ${award("V3", "E", "2020-03-01", 400000, "K2")}
    ${award("V3", "E", "2020-04-01", 400000, "K3")}
    ${award("V3", "O3", "2020-05-01", 200000)}
    ${award("T2", "E", "2020-06-01", 300000)}
    ${award("T2", "O4", "2020-07-01", 150000)}
    ${award("V1", "O5", "2020-08-01", 2000000)}
    // Look-alikes. 2021: F's one large award in V2; H's half of V3.
    ${award("V2", "F", "2021-03-01", 5000000, "K1")}
    ${award("V2", "O6", "2021-04-01", 100000)}
    ${award("V2", "O7", "2021-05-01", 100000)}
    ${award("V3", "H", "2021-03-01", 250000)}
    ${award("V3", "H", "2021-04-01", 250000)}
    ${award("V3", "O8", "2021-05-01", 300000)}
    ${award("V3", "O8", "2021-06-01", 200000)}
    // 2022: G wins both of the year's only two projects.
    ${award("V2", "G", "2022-03-01", 300000)}
    ${award("V2", "G", "2022-04-01", 300000)}`);
});
afterAll(async () => graph?.close());

describe("DOMINANT_WINNER", () => {
  it("flags the widest region a company dominates in a year", async () => {
    const alerts = await runAndRead(graph, "DOMINANT_WINNER");
    expect(alerts.map((a) => a.id)).toEqual(["DOMINANT_WINNER:D:V1:2019", "DOMINANT_WINNER:E:T2:2020"]);
    const [village, township] = alerts;
    // 89% of V1, all three wins signed by P1.
    expect(village).toMatchObject({ subjects: ["D", "P1"], confidence: 1, amount: 800000 });
    // 76% of T2 (V3's projects and the township's own), no cadre signed two of the wins.
    expect(township).toMatchObject({ subjects: ["E"], confidence: 0.6, amount: 1100000 });
  });

  it("does not flag a single large award, a year with too few projects or a share below the threshold", async () => {
    const ids = (await runAndRead(graph, "DOMINANT_WINNER")).map((a) => a.id);
    for (const c of ["F", "G", "H", "O2", "O5"]) expect(ids.some((id) => id.startsWith(`DOMINANT_WINNER:${c}:`))).toBe(false);
  });

  it("honours the share threshold, reporting the widest region", async () => {
    const ids = (await runAndRead(graph, "DOMINANT_WINNER", { minShare: 0.4 })).map((a) => a.id);
    // D's 800k of the county's 1.9M in 2019 (42%): the county replaces the village.
    expect(ids).toContain("DOMINANT_WINNER:D:R0:2019");
    expect(ids).not.toContain("DOMINANT_WINNER:D:V1:2019");
    // H's half of V3 in 2021 is also half of T2, which holds no other project that year.
    expect(ids).toContain("DOMINANT_WINNER:H:T2:2021");
  });
});
