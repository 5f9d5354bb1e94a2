// Same input, same communities: the projection's node and edge order, and so the seeded Louvain
// partition, do not depend on the order the database stored the entities in (a second import of
// the same bundle gives other internal ids).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectCommunities, readProjection } from "../../services/analytics/communities/index.ts";
import type { Graph } from "../../services/graph/index.ts";
import { connectTestGraph, emptyGraph } from "../support/graph.ts";

/** A small seeded county of 80 persons and 8 companies in loose clusters, as plain rows. */
function county() {
  let state = 20261127;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const persons = Array.from({ length: 80 }, (_, i) => `P${String(i).padStart(3, "0")}`);
  const companies = Array.from({ length: 8 }, (_, i) => `C${i}`);
  const pick = (list: string[], cluster: number, size: number) => list[(cluster * size + Math.floor(next() * size)) % list.length]!;
  const kin: [string, string][] = [];
  const roles: [string, string][] = [];
  const phones: [string, string][] = [];
  const transfers: [string, string, number][] = [];
  for (let i = 0; i < 160; i++) {
    const cluster = Math.floor(next() * 8);
    const a = pick(persons, cluster, 10);
    const b = next() < 0.1 ? pick(persons, Math.floor(next() * 8), 10) : pick(persons, cluster, 10);
    if (a !== b) kin.push([a, b]);
    if (i % 8 === 0) roles.push([a, companies[cluster]!]);
    if (i % 5 === 0) phones.push([a, `1390000${String(cluster).padStart(4, "0")}`]);
    if (i % 7 === 0) transfers.push([a, b, Math.round(next() * 100_000)]);
  }
  return { persons, companies, kin, roles, phones, transfers };
}

let graph: Graph;

/** Writes the county with its entities and ties created in the given order. */
async function build(reversed: boolean): Promise<void> {
  const c = county();
  const order = <T>(list: T[]) => (reversed ? [...list].reverse() : list);
  await emptyGraph(graph);
  // Shift the internal ids of the second build: create and drop some nodes first.
  if (reversed) await graph.write("UNWIND range(1, 37) AS i CREATE (:Scratch {i: i}) WITH count(*) AS n MATCH (s:Scratch) DELETE s");
  await graph.write("UNWIND $ids AS id CREATE (:Entity:Company {id: id})", { ids: order(c.companies) });
  await graph.write("UNWIND $ids AS id CREATE (:Entity:Person {id: id}) CREATE (:Entity:Account {id: 'ACC-' + id})", { ids: order(c.persons) });
  await graph.write("UNWIND $pairs AS p MATCH (a:Entity {id: p[0]}), (b:Entity {id: p[1]}) CREATE (a)-[:KIN {relation: 'cousin', declared: false}]->(b)", { pairs: order(c.kin) });
  await graph.write("UNWIND $pairs AS p MATCH (a:Entity {id: p[0]}), (b:Entity {id: p[1]}) CREATE (a)-[:ROLE_IN {role: 'shareholder'}]->(b)", { pairs: order(c.roles) });
  await graph.write("UNWIND $pairs AS p MATCH (a:Entity {id: p[0]}) MERGE (x:Phone {value: p[1]}) CREATE (a)-[:HAS]->(x)", { pairs: order(c.phones) });
  await graph.write(
    `MATCH (p:Person) MATCH (acc:Account {id: 'ACC-' + p.id}) CREATE (p)-[:HAS]->(acc)
     WITH count(*) AS linked
     UNWIND $transfers AS t
     MATCH (a:Account {id: 'ACC-' + t[0]}), (b:Account {id: 'ACC-' + t[1]})
     CREATE (a)-[:TRANSFER {id: t[0] + '-' + t[1] + '-' + toString(t[2]), amount: toFloat(t[2])}]->(b)`,
    { transfers: order(c.transfers) },
  );
}

/** The projection as Louvain sees it, through the reader named: nodes and edges in order, with weights. */
async function projected(reader: "paged" | "packed") {
  const { graph: g } = await readProjection(graph, { pageSize: 16, reader });
  const edges: string[] = [];
  g.forEachEdge((_e, a, s, t) => edges.push(`${s}-${t}:${(a.weight as number).toFixed(9)}`));
  return { nodes: g.nodes(), edges };
}

/** Each entity's community, as the sorted list of its members (ids of communities aside). */
async function partition(): Promise<string[]> {
  await detectCommunities(graph, { runId: "order-run" });
  const rows = await graph.read<{ members: string[] }>("MATCH (n:Entity) WHERE n.communityId IS NOT NULL WITH n.communityId AS c, n.id AS id ORDER BY id RETURN c, collect(id) AS members");
  return rows.map((r) => r.members.join(",")).sort();
}

beforeAll(async () => {
  graph = await connectTestGraph();
});
afterAll(async () => {
  await emptyGraph(graph);
  await graph?.close();
});

describe("community detection does not depend on storage order", () => {
  it("reads the same projection and finds the same communities from a graph stored in another order", async () => {
    await build(false);
    const first = await projected("paged");
    const firstPacked = await projected("packed");
    const firstPartition = await partition();
    await build(true);
    const second = await projected("paged");
    const secondPacked = await projected("packed");
    const secondPartition = await partition();

    expect(first.nodes.length).toBeGreaterThan(60);
    expect(first.edges.length).toBeGreaterThan(100);
    expect(second.nodes).toEqual(first.nodes);
    expect(second.edges).toEqual(first.edges);
    expect(firstPacked).toEqual(first);
    expect(secondPacked).toEqual(first);
    expect(firstPartition.length).toBeGreaterThan(1);
    expect(secondPartition).toEqual(firstPartition);
  });
});
