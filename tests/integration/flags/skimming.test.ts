// SKIMMING: grants paid short beyond the tolerance, or short by a flat fee in a signer's pattern, hit;
// rounding differences, full and over-payments do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { alertById, runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    UNWIND [
      // grant, year, approved, paid, approver (or '' for none)
      ['G1', 2019, 3000.0, 2000.0, 'C1'],    // a third kept back ...
      ['G2', 2019, 14000.0, 13700.0, 'C1'],  // ... and a flat 300 from a housing grant: a pattern
      ['G3', 2019, 10000.0, 9000.0, 'C2'],   // one grant 10% short: a single lead
      ['G4', 2019, 1000.0, 800.0, ''],       // unsigned, 20% short
      ['G5', 2019, 5000.0, 4900.0, 'C3'],    // 100 yuan short twice: within tolerance and minimum
      ['G6', 2019, 5000.0, 4900.0, 'C3'],
      ['G7', 2019, 5000.0, 5000.0, 'C3'],    // paid in full
      ['G8', 2019, 5000.0, 5200.0, 'C3'],    // paid more
      ['G9', 2020, 1000.0, 990.0, 'C1']      // a rounding difference in another year
    ] AS row
    CREATE (g:Entity:Grant {id: row[0], year: row[1], approvedAmount: row[2], paidAmount: row[3], paidDate: date(toString(row[1]) + '-05-01')})
    MERGE (b:Entity:Person {id: 'B' + substring(row[0], 1)}) ON CREATE SET b.name = '村民' + substring(row[0], 1)
    CREATE (g)-[:PAID_TO]->(b)
    FOREACH (approver IN CASE WHEN row[4] = '' THEN [] ELSE [row[4]] END |
      MERGE (a:Entity:Person:Cadre {id: approver}) ON CREATE SET a.name = '干部' + approver
      CREATE (a)-[:APPROVED]->(g))`);
});
afterAll(async () => graph?.close());

describe("SKIMMING", () => {
  it("flags short payments beyond the tolerance or in a pattern, and only those", async () => {
    const alerts = await runAndRead(graph, "SKIMMING");
    expect(alerts.map((a) => a.id)).toEqual(["SKIMMING:G1", "SKIMMING:G2", "SKIMMING:G3", "SKIMMING:G4"]);
  });

  it("grades pattern, single and unsigned grants; the amount is the shortfall", async () => {
    const alerts = await runAndRead(graph, "SKIMMING");
    const g1 = alertById(alerts, "SKIMMING:G1");
    // The signer takes the risk; the short-paid beneficiary is the victim.
    expect(g1.subjects).toEqual(["C1"]);
    expect(g1.parties).toEqual(["B1:short_paid_beneficiary"]);
    expect(g1.confidence).toBe(1);
    expect(g1.amount).toBe(1000);
    const g2 = alertById(alerts, "SKIMMING:G2");
    expect(g2.confidence).toBe(1);
    expect(g2.amount).toBe(300);
    expect(alertById(alerts, "SKIMMING:G3").confidence).toBeCloseTo(0.6);
    const unsigned = alertById(alerts, "SKIMMING:G4");
    expect(unsigned.subjects).toEqual([]);
    expect(unsigned.parties).toEqual(["B4:short_paid_beneficiary"]);
    expect(unsigned.confidence).toBeCloseTo(0.6 * 0.7);
    expect(unsigned.evidenceNodes).toHaveLength(2);
  });

  it("writes a readable summary", async () => {
    const row = alertById(await runAndRead(graph, "SKIMMING"), "SKIMMING:G2");
    expect(row.summary).toBe(
      "Grant G2 to 村民2 (B2) was approved at 14000 yuan but paid 13700, 300 yuan (2.1%) short; approved by 干部C1 (C1), one of 2 short-paid grants they signed in 2019",
    );
  });

  it("honours a wider tolerance and a smaller minimum", async () => {
    const alerts = await runAndRead(graph, "SKIMMING", { tolerance: 0.15, minShortfall: 100 });
    // G3 (10%) is now within the tolerance; C3's two 100-yuan cuts now make a pattern.
    expect(alerts.map((a) => a.id)).toEqual(["SKIMMING:G1", "SKIMMING:G2", "SKIMMING:G4", "SKIMMING:G5", "SKIMMING:G6"]);
  });
});
