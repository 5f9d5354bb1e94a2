// Community detection against a real Neo4j: two obvious rings plus noise are found, written back,
// keep their ids on a rerun and after a few members change; crowded identifiers tie nobody.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  communitySummaries,
  communitySummary,
  detectCommunities,
  gdsEngine,
  gdsProcedures,
  packedReadAvailable,
  readProjection,
  readTies,
  writeCommunities,
} from "../../services/analytics/communities/index.ts";
import { type ProjectionInput, projectionOptions, tieParams, withTies } from "../../services/analytics/communities/project.ts";
import type { Graph } from "../../services/graph/index.ts";
import { connectTestGraph, emptyGraph } from "../support/graph.ts";

const RING_A = ["A1", "A2", "A3", "A4", "A5", "A6", "CA"];
const RING_B = ["B1", "B2", "B3", "B4", "B5", "B6", "CB"];
const FILLERS = Array.from({ length: 10 }, (_, i) => `F${i + 1}`);

let graph: Graph;

async function communityIds(): Promise<Record<string, number | null>> {
  const rows = await graph.read<{ id: string; c: number | null }>("MATCH (n:Entity) WHERE n:Person OR n:Company RETURN n.id AS id, n.communityId AS c");
  return Object.fromEntries(rows.map((r) => [r.id, r.c]));
}

beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    // Ring A: a cadre (A1), his kin, a company they run, grants and a project he approved.
    UNWIND ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'N1', 'N2', 'N3', 'N4'] AS id
    CREATE (:Entity:Person {id: id, name: 'person ' + id})`);
  await graph.write(`
    UNWIND $fillers AS id CREATE (:Entity:Person {id: id, name: 'neighbour ' + id})`, { fillers: FILLERS });
  await graph.write(`
    MATCH (a1:Entity {id: 'A1'}), (a2:Entity {id: 'A2'}), (a3:Entity {id: 'A3'}), (a4:Entity {id: 'A4'}), (a5:Entity {id: 'A5'}), (a6:Entity {id: 'A6'})
    SET a1:Cadre
    CREATE (ca:Entity:Company {id: 'CA', name: '甲建筑公司'})
    CREATE (a1)-[:KIN {relation: 'spouse', declared: false}]->(a2),
           (a2)-[:KIN {relation: 'spouse', declared: false}]->(a1),
           (a1)-[:KIN {relation: 'sibling', declared: true}]->(a3),
           (a2)-[:KIN {relation: 'child', declared: false}]->(a4),
           (a3)-[:KIN {relation: 'child', declared: false}]->(a5),
           (a4)-[:KIN {relation: 'sibling', declared: false}]->(a5),
           (a5)-[:KIN {relation: 'cousin', declared: false}]->(a6),
           (a6)-[:KIN {relation: 'cousin', declared: false}]->(a4),
           (a2)-[:ROLE_IN {role: 'legal_rep'}]->(ca),
           (a4)-[:ROLE_IN {role: 'shareholder'}]->(ca),
           (a1)-[:APPROVED]->(:Entity:Grant {id: 'GA1', paidAmount: 8000.0})-[:PAID_TO]->(a3),
           (a1)-[:APPROVED]->(:Entity:Grant {id: 'GA2', paidAmount: 8000.0})-[:PAID_TO]->(a6),
           (a1)-[:APPROVED]->(:Entity:Project {id: 'PA1'})-[:AWARDED_TO]->(ca),
           (a5)-[:HAS]->(:Phone {value: '13800000001'})<-[:HAS]-(a6)`);
  await graph.write(`
    // Ring B: a cadre (B1), a company, shared accounts and money flowing around.
    MATCH (b1:Entity {id: 'B1'}), (b2:Entity {id: 'B2'}), (b3:Entity {id: 'B3'}), (b4:Entity {id: 'B4'}), (b5:Entity {id: 'B5'}), (b6:Entity {id: 'B6'})
    SET b1:Cadre
    CREATE (cb:Entity:Company {id: 'CB', name: '乙贸易公司'})
    CREATE (b1)-[:KIN {relation: 'parent', declared: false}]->(b2),
           (b2)-[:KIN {relation: 'sibling', declared: false}]->(b3),
           (b3)-[:KIN {relation: 'spouse', declared: false}]->(b4),
           (b4)-[:KIN {relation: 'child', declared: false}]->(b1),
           (b5)-[:KIN {relation: 'in_law', declared: false}]->(b6),
           (b1)-[:KIN {relation: 'child', declared: false}]->(b3),
           (b2)-[:KIN {relation: 'sibling', declared: false}]->(b4),
           (b5)-[:KIN {relation: 'nephew_niece', declared: false}]->(b1),
           (b6)-[:KIN {relation: 'cousin', declared: false}]->(b3),
           (b3)-[:ROLE_IN {role: 'legal_rep'}]->(cb),
           (b5)-[:ROLE_IN {role: 'shareholder'}]->(cb),
           (b1)-[:APPROVED]->(:Entity:Project {id: 'PB1'})-[:AWARDED_TO]->(cb),
           (b1)-[:HAS]->(acc1:Entity:Account {id: 'ACC-B1'}),
           (b6)-[:HAS]->(acc6:Entity:Account {id: 'ACC-B6'}),
           (cb)-[:HAS]->(accC:Entity:Account {id: 'ACC-CB'}),
           (accC)-[:TRANSFER {id: 'T1', amount: 200000.0}]->(acc1),
           (accC)-[:TRANSFER {id: 'T2', amount: 50000.0}]->(acc6),
           (b6)-[:HAS]->(:Address {value: '乙村 3组 8号'})<-[:HAS]-(b2)`);
  await graph.write(`
    // Noise: a loose pair (N2, N3), one weak tie from N1 into ring A, N4 alone; and an apartment
    // block address shared by both rings and ten neighbours (22 owners, over the cap of 20).
    MATCH (n1:Entity {id: 'N1'}), (n2:Entity {id: 'N2'}), (n3:Entity {id: 'N3'}), (a3:Entity {id: 'A3'})
    CREATE (n1)-[:KIN {relation: 'other', declared: false}]->(a3),
           (n2)-[:KIN {relation: 'cousin', declared: false}]->(n3)
    WITH 1 AS one
    CREATE (block:Address {value: '幸福小区 1栋'})
    WITH block
    MATCH (p:Entity) WHERE p.id IN $owners
    CREATE (p)-[:HAS]->(block)`, { owners: [...RING_A.filter((id) => id !== "CA"), ...RING_B.filter((id) => id !== "CB"), ...FILLERS] });
});
afterAll(async () => graph?.close());

describe("community detection", () => {
  let first: Record<string, number | null>;

  it("finds the two rings and writes their ids", async () => {
    const result = await detectCommunities(graph, { runId: "run-1", write: { batchSize: 3 } });
    first = await communityIds();
    const a = first.A1;
    const b = first.B1;
    expect(a).toEqual(expect.any(Number));
    expect(b).toEqual(expect.any(Number));
    expect(a).not.toBe(b);
    for (const id of RING_A) expect(first[id], id).toBe(a);
    for (const id of RING_B) expect(first[id], id).toBe(b);
    // N4 has no tie; the neighbours only share the crowded address: no community for them.
    expect(first.N4).toBeNull();
    for (const id of FILLERS) expect(first[id], id).toBeNull();
    expect(first.N2).toEqual(expect.any(Number));
    expect(first.N2).toBe(first.N3);
    expect(result).toMatchObject({ runId: "run-1", engine: "graphology", kept: 0 });
    expect(result.communities).toBe(result.fresh);
    expect(result.largest).toBeGreaterThanOrEqual(7);
    expect(result.modularity).toBeGreaterThan(0.3);
    expect(result.seconds).toEqual({ read: expect.any(Number), louvain: expect.any(Number), write: expect.any(Number), total: expect.any(Number) });
  });

  it("records the communities and the run", async () => {
    const [ring] = await graph.read<Record<string, unknown>>(
      "MATCH (k:Community {id: $id}) RETURN k.size AS size, k.persons AS persons, k.cadres AS cadres, k.companies AS companies, k.runId AS runId, k.modularity AS modularity",
      { id: first.B1 },
    );
    expect(ring).toMatchObject({ size: 7, persons: 6, cadres: 1, companies: 1, runId: "run-1" });
    expect(ring!.modularity).toEqual(expect.any(Number));
    const [run] = await graph.read<Record<string, unknown>>("MATCH (r:CommunityRun {id: 'run-1'}) RETURN r.status AS status, r.modularity AS modularity, r.maxIssued AS maxIssued, r.communities AS communities");
    expect(run).toMatchObject({ status: "done", modularity: expect.any(Number) });
    expect(run!.maxIssued).toBeGreaterThanOrEqual(run!.communities as number);
  });

  it("gives identical ids on a rerun and writes no membership", async () => {
    const again = await detectCommunities(graph, { runId: "run-2" });
    expect(await communityIds()).toEqual(first);
    expect(again.kept).toBe(again.communities);
    expect(again.fresh).toBe(0);
    expect(again.write.assigned).toBe(0);
    expect(again.write.retired).toBe(0);
    const stale = await graph.read("MATCH (k:Community) WHERE k.runId <> 'run-2' RETURN k.id AS id");
    expect(stale).toEqual([]);
  });

  it("keeps the rings' ids when a few members change", async () => {
    // A6 leaves ring A (its ties are cut, its grant withdrawn); A7 joins it; B7 joins ring B; the loose pair splits up.
    await graph.write("MATCH (:Entity {id: 'A6'})-[r:KIN]-() DELETE r");
    await graph.write("MATCH (:Entity {id: 'A6'})-[r:HAS]->(:Phone) DELETE r");
    await graph.write("MATCH (g:Entity {id: 'GA2'}) DETACH DELETE g");
    await graph.write("MATCH (:Entity {id: 'N2'})-[k:KIN]->(:Entity {id: 'N3'}) DELETE k");
    await graph.write(`
      MATCH (a4:Entity {id: 'A4'}), (a5:Entity {id: 'A5'}), (b2:Entity {id: 'B2'}), (b3:Entity {id: 'B3'})
      CREATE (a7:Entity:Person {id: 'A7', name: 'person A7'}), (b7:Entity:Person {id: 'B7', name: 'person B7'})
      CREATE (a7)-[:KIN {relation: 'child', declared: false}]->(a4), (a7)-[:KIN {relation: 'nephew_niece', declared: false}]->(a5),
             (b7)-[:KIN {relation: 'child', declared: false}]->(b2), (b7)-[:KIN {relation: 'child', declared: false}]->(b3)`);
    const result = await detectCommunities(graph, { runId: "run-3" });
    const now = await communityIds();
    for (const id of ["A1", "A2", "A3", "A4", "A5", "A7", "CA"]) expect(now[id], id).toBe(first.A1);
    for (const id of [...RING_B, "B7"]) expect(now[id], id).toBe(first.B1);
    expect(now.A6).toBeNull();
    expect(now.N2).toBeNull();
    expect(now.N3).toBeNull();
    expect(result.write.cleared).toBeGreaterThanOrEqual(3);
    expect(result.write.retired).toBe(1);
    const communities = await graph.read<{ id: number }>("MATCH (k:Community) RETURN k.id AS id ORDER BY id");
    expect(communities.map((c) => c.id)).not.toContain(first.N2);
  });

  it("issues fresh ids above every id issued before", async () => {
    const before = await graph.read<{ max: number }>("MATCH (r:CommunityRun) RETURN max(r.maxIssued) AS max");
    await graph.write(`
      MATCH (n2:Entity {id: 'N2'}), (n3:Entity {id: 'N3'}) CREATE (n2)-[:KIN {relation: 'cousin', declared: false}]->(n3)`);
    await detectCommunities(graph, { runId: "run-4" });
    const now = await communityIds();
    expect(now.N2).toBe(now.N3);
    expect(now.N2).toBeGreaterThan(before[0]!.max);
    expect(now.N2).not.toBe(first.N2);
  });

  it("lets no identifier with more owners than the cap tie anyone", async () => {
    const capped = await readProjection(graph);
    expect(capped.graph.hasNode("F1")).toBe(false);
    expect(capped.graph.hasEdge("A1", "B1")).toBe(false);
    const uncapped = await readProjection(graph, { identifierCap: 30 });
    expect(uncapped.graph.hasNode("F1")).toBe(true);
    expect(uncapped.graph.getEdgeAttribute(uncapped.graph.edge("A1", "B1")!, "weight")).toBe(2);
    // A shared identifier under the cap does tie its owners, and parallel ties are summed.
    expect(capped.graph.getEdgeAttribute(capped.graph.edge("B2", "B6")!, "weight")).toBe(2);
    expect(capped.graph.getEdgeAttribute(capped.graph.edge("A1", "CA")!, "weight")).toBe(2);
    expect(capped.graph.getEdgeAttribute(capped.graph.edge("A1", "A3")!, "weight")).toBe(3 + 2);
    // Kinship recorded both ways counts twice.
    expect(capped.graph.getEdgeAttribute(capped.graph.edge("A2", "A1")!, "weight")).toBe(6);
  });

  it("reads the same weighted graph page by page, and packed by the local server's procedure, as the tie subquery the GDS projections use", async () => {
    const bySubquery = withTies(`MATCH (a:Entity) WHERE a:Person OR a:Company
CALL (a) {
  {{TIES}}
}
WITH a, b, sum(w) AS w
WHERE w > 0 AND (b:Person OR b:Company)
RETURN a.id AS a, b.id AS b, w`);
    const inputs: ProjectionInput[] = [{}, { identifierCap: 30, weights: { KIN: 0 }, pageSize: 3 }, { weights: { TRANSFER: 0.5, APPROVED: 0, ROLE_IN: 1 }, pageSize: 5 }];
    expect(await packedReadAvailable(graph)).toBe(true);
    for (const input of inputs) {
      const rows = await graph.read<{ a: string; b: string; w: number }>(bySubquery, tieParams(projectionOptions(input)));
      const expected = Object.fromEntries(rows.map((r) => [[r.a, r.b].sort().join("-"), r.w]));
      for (const reader of ["paged", "packed"] as const) {
        const projection = await readProjection(graph, { ...input, reader });
        const actual: Record<string, number> = {};
        projection.graph.forEachEdge((_e, attributes, s, t) => (actual[[s, t].sort().join("-")] = attributes.weight));
        expect(Object.keys(actual).sort(), reader).toEqual(Object.keys(expected).sort());
        for (const [pair, w] of Object.entries(expected)) expect(actual[pair], `${reader} ${pair}`).toBeCloseTo(w, 10);
      }
      expect(rows.length).toBeGreaterThan(10);
      // The two readers give Louvain the very same graph: nodes, edges, order, weights to the bit, internal node ids.
      const paged = (await readTies(graph, { ...input, reader: "paged" })).collector.merged();
      const packed = (await readTies(graph, { ...input, reader: "packed" })).collector.merged();
      expect(packed.keys).toEqual(paged.keys);
      expect([...packed.sources]).toEqual([...paged.sources]);
      expect([...packed.targets]).toEqual([...paged.targets]);
      expect([...packed.weights]).toEqual([...paged.weights]);
      expect([...packed.nodes!]).toEqual([...paged.nodes!]);
    }
  });

  it("writes memberships by node id where the read saw the node, and by entity id where that node no longer holds the entity", async () => {
    const [ids] = await graph.read<{ a: number; b: number }>("MATCH (a:Entity {id: 'N2'}), (b:Entity {id: 'N3'}) RETURN id(a) AS a, id(b) AS b");
    const write = (community: number, internalId: (key: string) => number | undefined) =>
      writeCommunities(
        graph,
        {
          communities: [
            { id: community, members: ["N2"], modularity: null },
            { id: community + 1, members: ["N3"], modularity: null },
          ],
          previous: new Map(),
          internalId,
          modularity: 0,
          maxIssued: community + 1,
        },
        { runId: `by-node-${community}`, batchSize: 10 },
      );
    const held = async () => graph.read<{ id: string; c: number }>("MATCH (n:Entity) WHERE n.id IN ['N2', 'N3'] RETURN n.id AS id, n.communityId AS c ORDER BY id");
    // N2's node id is given for N3 and the reverse: the by-id write must refuse them and fall back.
    expect((await write(990_001, (key) => (key === "N2" ? ids!.b : key === "N3" ? ids!.a : undefined))).assigned).toBe(2);
    expect(await held()).toEqual([
      { id: "N2", c: 990_001 },
      { id: "N3", c: 990_002 },
    ]);
    expect((await write(990_011, (key) => (key === "N2" ? ids!.a : key === "N3" ? ids!.b : undefined))).assigned).toBe(2);
    expect((await held()).map((r) => r.c)).toEqual([990_011, 990_012]);
    // Leave the rest of the suite the state it expects (these writes retired the other Community nodes).
    await graph.write("MATCH (n:Entity) WHERE n.id IN ['N2', 'N3'] REMOVE n.communityId");
    await graph.write("MATCH (k:Community) WHERE k.id >= 990001 DETACH DELETE k");
    await graph.write("MATCH (r:CommunityRun) WHERE r.id STARTS WITH 'by-node-' DETACH DELETE r");
    await detectCommunities(graph, { runId: "run-5" });
  });

  it("weighs ties by kind, money by its amount, and leaves out kinds weighted 0", async () => {
    const projection = await readProjection(graph, { weights: { KIN: 0 }, pageSize: 4, concurrency: 3, reader: "paged" });
    expect(projection.graph.hasEdge("A1", "A2")).toBe(false);
    expect(projection.graph.getEdgeAttribute(projection.graph.edge("CB", "B1")!, "weight")).toBeCloseTo(2 + (1 + Math.log10(200001)), 10);
    expect(projection.pages).toBeGreaterThan(5);
    const packed = await readProjection(graph, { weights: { KIN: 0 }, reader: "packed" });
    expect(packed.graph.hasEdge("A1", "A2")).toBe(false);
    expect(packed.graph.getEdgeAttribute(packed.graph.edge("CB", "B1")!, "weight")).toBeCloseTo(2 + (1 + Math.log10(200001)), 10);
    await expect(readProjection(graph, { weights: { BOGUS: 1 } as never })).rejects.toThrow(expect.objectContaining({ name: "CommunityOptionError" }));
    await expect(readProjection(graph, { reader: "fast" as never })).rejects.toThrow(/reader must be auto, packed or paged/);
  });

  it("summarises communities with their alerts and money at stake", async () => {
    await graph.write(`
      MATCH (a1:Entity {id: 'A1'}), (a3:Entity {id: 'A3'}), (ca:Entity {id: 'CA'})
      CREATE (k1:Alert {id: 'KIN_BENEFIT:GA1', flag: 'KIN_BENEFIT', amount: 8000.0, active: true})-[:ON]->(a1),
             (k1)-[:ON]->(a3),
             (:Alert {id: 'KIN_CONTRACT:PA1', flag: 'KIN_CONTRACT', amount: 500000.0, active: true})-[:ON]->(ca),
             (:Alert {id: 'KIN_BENEFIT:OLD', flag: 'KIN_BENEFIT', amount: 1.0, active: false})-[:ON]->(a1)`);
    const all = await communitySummaries(graph);
    expect(all.map((s) => s.id)).toEqual([...all.map((s) => s.id)].sort((x, y) => x - y));
    const ids = await communityIds();
    const members = Object.keys(ids).filter((id) => ids[id] === first.A1);
    const ring = await communitySummary(graph, first.A1!, { top: 2 });
    expect(ring).toMatchObject({
      id: first.A1,
      size: members.length,
      persons: members.length - 1,
      cadres: 1,
      companies: 1,
      alerts: 2,
      amount: 508000,
      flags: [
        { flag: "KIN_BENEFIT", alerts: 1, amount: 8000 },
        { flag: "KIN_CONTRACT", alerts: 1, amount: 500000 },
      ],
    });
    // By alerts, then amount, then id: the company (500,000 yuan), then the cadre (8,000; A1 before A3).
    expect(ring!.top).toEqual([
      { id: "CA", name: "甲建筑公司", type: "company", alerts: 1, amount: 500000, riskScore: null },
      { id: "A1", name: "person A1", type: "cadre", alerts: 1, amount: 8000, riskScore: null },
    ]);
    const quiet = await communitySummary(graph, first.B1!);
    expect(quiet).toMatchObject({ alerts: 0, amount: 0, flags: [] });
    expect(await communitySummary(graph, 999_999)).toBeUndefined();
  });

  it("finds the same rings with the GDS engine, keeps their ids, and writes back by node id, where the server has GDS", async (ctx) => {
    if ((await gdsProcedures(graph)).length === 0) ctx.skip(); // NEO4J_LOCAL_GDS=1 (or an external server with the plugin) runs it
    const before = await communityIds();
    const viaGds = await detectCommunities(graph, { runId: "run-gds", engine: "gds" });
    expect(viaGds).toMatchObject({ engine: "gds", fresh: 0 });
    expect(viaGds.modularity).toBeGreaterThan(0.3);
    // Every community is the same set of members as graphology's, under the id the earlier runs issued.
    expect(await communityIds()).toEqual(before);
    expect(viaGds.write.assigned).toBe(0);
    const again = await gdsEngine.detect(graph, { runId: "run-gds-2" });
    expect(again.internalId?.("A1")).toEqual(expect.any(Number));
    const ringA = Object.keys(before).filter((id) => before[id] === before.A1).sort();
    expect(ringA.length).toBeGreaterThanOrEqual(7);
    expect(again.communities).toContainEqual(ringA);
    // GDS 2.13's Louvain takes no seed and runs on one thread instead (a note says so); nothing else went amiss.
    expect(again.notes.filter((n) => !/takes no randomSeed/.test(n))).toEqual([]);
  });

  it("refuses the GDS engine with a clear error when the plugin is absent", async () => {
    if ((await gdsProcedures(graph)).length > 0) return; // a server with GDS: nothing to refuse
    await expect(gdsEngine.detect(graph, { runId: "gds" })).rejects.toThrow(expect.objectContaining({ name: "GdsUnavailableError" }));
    await expect(detectCommunities(graph, { engine: "gds" })).rejects.toThrow(/no Graph Data Science plugin/);
    await expect(detectCommunities(graph, { engine: "igraph" })).rejects.toThrow(expect.objectContaining({ name: "UnknownCommunityEngineError" }));
  });
});
