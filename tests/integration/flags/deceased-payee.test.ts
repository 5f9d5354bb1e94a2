// DECEASED_PAYEE: a grant paid after death hits, naming whoever else owns the account it was paid
// into; the last grant paid before death does not, nor does a grant into the dead person's own account
// name anyone else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../../services/graph/index.ts";
import { runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    CREATE (dead:Entity:Person {id: 'P1', name: '王福贵', deathDate: date('2018-03-01')})
    CREATE (alive:Entity:Person {id: 'P2', name: '李秀英', deathDate: date('2020-06-01')})
    CREATE (cadre:Entity:Person:Cadre {id: 'P3', name: '张建国'})
    CREATE (g1:Entity:Grant {id: 'G1', paidAmount: 12000.0, paidDate: date('2019-01-15')})-[:PAID_TO]->(dead)
    CREATE (g2:Entity:Grant {id: 'G2', paidAmount: 3000.0, paidDate: date('2018-03-10')})-[:PAID_TO]->(dead)
    CREATE (g3:Entity:Grant {id: 'G3', paidAmount: 5000.0, paidDate: date('2020-05-01')})-[:PAID_TO]->(alive)
    CREATE (cadre)-[:APPROVED]->(g1)
    // Paid after death into a son's account.
    CREATE (son:Entity:Person {id: 'P4', name: '王小军'})-[:HAS]->(acc:Entity:Account {id: '6222004'})
    CREATE (own:Entity:Account {id: '6222001'})<-[:HAS]-(dead)
    CREATE (g4:Entity:Grant {id: 'G4', paidAmount: 6000.0, paidDate: date('2019-07-15')})-[:PAID_TO]->(dead)
    CREATE (g4)-[:PAID_INTO]->(acc)
    CREATE (g1)-[:PAID_INTO]->(own)`);
});
afterAll(async () => graph?.close());

describe("DECEASED_PAYEE", () => {
  it("flags payments after death: the approving cadre and the account's holder are subjects, the dead payee a party", async () => {
    const alerts = await runAndRead(graph, "DECEASED_PAYEE");
    expect(alerts.map((a) => a.id)).toEqual(["DECEASED_PAYEE:G1", "DECEASED_PAYEE:G2", "DECEASED_PAYEE:G4"]);
    const [late, grace, intoSon] = alerts;
    expect(late!.subjects).toEqual(["P3"]);
    expect(late!.parties).toEqual(["P1:dead_payee"]);
    expect(late!.group).toBe("DECEASED_PAYEE:P1");
    expect(late!.confidence).toBe(1);
    expect(late!.grade).toBe("relief_funds");
    expect(late!.evidenceNodes).toHaveLength(3);
    expect(grace!.confidence).toBe(0.5);
    expect(intoSon!.subjects).toEqual(["P4"]);
    expect(intoSon!.parties).toEqual(["P1:dead_payee"]);
    // The dead beneficiary, the grant, the son's account and the son.
    expect(intoSon!.evidenceNodes).toHaveLength(4);
  });

  it("does not flag a grant paid before death", async () => {
    const alerts = await runAndRead(graph, "DECEASED_PAYEE");
    expect(alerts.some((a) => a.id.endsWith(":G3"))).toBe(false);
  });

  it("honours a parameter override", async () => {
    const alerts = await runAndRead(graph, "DECEASED_PAYEE", { graceDays: 0 });
    expect(alerts.every((a) => a.confidence === 1)).toBe(true);
  });
});
