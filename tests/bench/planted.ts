// A synthetic county with planted communities, written straight into Neo4j with UNWIND batches:
// persons in groups tied by kinship, shared phones, money and approvals, with a few ties across
// groups as noise, plus one crowded address above the identifier cap. Deterministic for a size.
import type { Graph } from "../../services/graph/index.ts";
import { seededRandom } from "../../services/analytics/communities/louvain.ts";

export interface PlantedOptions {
  persons: number;
  /** Members per planted community. */
  groupSize: number;
  /** KIN relationships from each person to others of its group. */
  kinPerPerson: number;
  /** Share of persons with one KIN relationship to anyone (noise). */
  noise: number;
  seed: number;
  batchSize: number;
}

export const DEFAULT_PLANTED: PlantedOptions = { persons: 100_000, groupSize: 50, kinPerPerson: 8, noise: 0.5, seed: 7, batchSize: 20_000 };

export interface PlantedCounts {
  nodes: number;
  relationships: number;
}

/** The planted groups: person ids by group, the same for the same options. */
export function plantedGroups(options: PlantedOptions): string[][] {
  const random = seededRandom(options.seed);
  const order = shuffled(options.persons, random);
  const groups: string[][] = [];
  for (let i = 0; i < options.persons; i += 1) {
    const g = Math.floor(i / options.groupSize);
    (groups[g] ??= []).push(`BP${pad(order[i]!, 7)}`);
  }
  return groups;
}

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Writes the planted county; `log` gets progress lines. */
export async function writePlanted(graph: Graph, options: PlantedOptions, log: (line: string) => void = () => {}): Promise<PlantedCounts> {
  const random = seededRandom(options.seed);
  const pick = (n: number) => Math.floor(random() * n);
  const groups = Math.ceil(options.persons / options.groupSize);
  // Person ids are shuffled against groups, so id order (the projection's page order) is unrelated to the planted groups.
  const order = shuffled(options.persons, random);
  const person = (i: number) => `BP${pad(order[i]!, 7)}`;
  const member = (g: number, k: number) => person(Math.min(g * options.groupSize + k, options.persons - 1));
  const sizeOf = (g: number) => Math.min(options.groupSize, options.persons - g * options.groupSize);
  const company = (g: number) => `BC${pad(g, 6)}`;

  let nodes = 0;
  let relationships = 0;
  const batches = async (label: string, query: string, rows: unknown[], counts: "nodes" | "relationships") => {
    const started = performance.now();
    for (let i = 0; i < rows.length; i += options.batchSize) {
      await graph.write(query, { rows: rows.slice(i, i + options.batchSize) });
    }
    if (counts === "nodes") nodes += rows.length;
    else relationships += rows.length;
    log(`  ${label}: ${rows.length.toLocaleString("en-US")} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  await batches(
    "persons",
    "UNWIND $rows AS r CREATE (p:Entity:Person {id: r.id, name: r.name}) FOREACH (_ IN CASE WHEN r.cadre THEN [1] ELSE [] END | SET p:Cadre)",
    Array.from({ length: options.persons }, (_, i) => ({ id: person(i), name: `person ${i}`, cadre: i % options.groupSize === 0 })),
    "nodes",
  );
  await batches(
    "companies",
    "UNWIND $rows AS r CREATE (:Entity:Company {id: r.id, name: r.name})",
    Array.from({ length: groups }, (_, g) => ({ id: company(g), name: `company ${g}` })),
    "nodes",
  );

  const kin: { a: string; b: string }[] = [];
  for (let i = 0; i < options.persons; i += 1) {
    const g = Math.floor(i / options.groupSize);
    const size = sizeOf(g);
    if (size > 1) {
      for (let k = 0; k < options.kinPerPerson; k += 1) {
        let j = pick(size - 1);
        if (g * options.groupSize + j >= i) j += 1; // never oneself
        kin.push({ a: person(i), b: member(g, j) });
      }
    }
    if (random() < options.noise) {
      const j = pick(options.persons);
      if (j !== i) kin.push({ a: person(i), b: person(j) });
    }
  }
  await batches(
    "KIN",
    "UNWIND $rows AS r MATCH (a:Entity {id: r.a}) MATCH (b:Entity {id: r.b}) CREATE (a)-[:KIN {relation: 'other', declared: false}]->(b)",
    kin,
    "relationships",
  );

  const roles: { p: string; c: string }[] = [];
  for (let g = 0; g < groups; g += 1) for (let k = 0; k < Math.min(3, sizeOf(g)); k += 1) roles.push({ p: member(g, k), c: company(g) });
  await batches(
    "ROLE_IN",
    "UNWIND $rows AS r MATCH (p:Entity {id: r.p}) MATCH (c:Entity {id: r.c}) CREATE (p)-[:ROLE_IN {role: 'shareholder'}]->(c)",
    roles,
    "relationships",
  );

  // A phone shared by every 4 members of a group; one crowded address over the cap.
  const phones: { p: string; phone: string }[] = [];
  for (let i = 0; i < options.persons; i += 1) phones.push({ p: person(i), phone: `1390${pad(Math.floor(i / 4), 7)}` });
  await batches(
    "phones",
    "UNWIND $rows AS r MATCH (p:Entity {id: r.p}) MERGE (x:Phone {value: r.phone}) CREATE (p)-[:HAS]->(x)",
    phones,
    "relationships",
  );
  nodes += Math.ceil(options.persons / 4);
  const crowd = Array.from({ length: Math.min(500, options.persons) }, () => ({ p: person(pick(options.persons)) }));
  await batches(
    "crowded address",
    "UNWIND $rows AS r MATCH (p:Entity {id: r.p}) MERGE (x:Address {value: 'bench apartment block'}) MERGE (p)-[:HAS]->(x)",
    crowd,
    "relationships",
  );

  // One account per person; a transfer from each, mostly inside the group.
  await batches(
    "accounts",
    "UNWIND $rows AS r MATCH (p:Entity {id: r.p}) CREATE (p)-[:HAS]->(:Entity:Account {id: r.a})",
    Array.from({ length: options.persons }, (_, i) => ({ p: person(i), a: `BA${pad(order[i]!, 7)}` })),
    "relationships",
  );
  nodes += options.persons;
  const transfers: { id: string; a: string; b: string; amount: number }[] = [];
  for (let i = 0; i < options.persons; i += 1) {
    const g = Math.floor(i / options.groupSize);
    const j = random() < 0.9 ? g * options.groupSize + pick(sizeOf(g)) : pick(options.persons);
    if (j === i) continue;
    transfers.push({ id: `BT${pad(i, 7)}`, a: `BA${pad(order[i]!, 7)}`, b: `BA${pad(order[j]!, 7)}`, amount: Math.round(100 + random() * 50_000) });
  }
  await batches(
    "TRANSFER",
    "UNWIND $rows AS r MATCH (a:Entity {id: r.a}) MATCH (b:Entity {id: r.b}) CREATE (a)-[:TRANSFER {id: r.id, amount: toFloat(r.amount)}]->(b)",
    transfers,
    "relationships",
  );

  // The group's cadre approves five grants to members and one project won by the group's company.
  const grants: { id: string; cadre: string; to: string }[] = [];
  const projects: { id: string; cadre: string; c: string }[] = [];
  for (let g = 0; g < groups; g += 1) {
    const size = sizeOf(g);
    if (size < 2) continue;
    for (let k = 0; k < 5; k += 1) grants.push({ id: `BG${pad(g * 5 + k, 7)}`, cadre: member(g, 0), to: member(g, 1 + pick(size - 1)) });
    projects.push({ id: `BJ${pad(g, 6)}`, cadre: member(g, 0), c: company(g) });
  }
  await batches(
    "grants",
    "UNWIND $rows AS r MATCH (c:Entity {id: r.cadre}) MATCH (b:Entity {id: r.to}) CREATE (c)-[:APPROVED]->(:Entity:Grant {id: r.id, paidAmount: 3000.0})-[:PAID_TO]->(b)",
    grants,
    "relationships",
  );
  relationships += grants.length;
  nodes += grants.length;
  await batches(
    "projects",
    "UNWIND $rows AS r MATCH (p:Entity {id: r.cadre}) MATCH (c:Entity {id: r.c}) CREATE (p)-[:APPROVED]->(:Entity:Project {id: r.id})-[:AWARDED_TO]->(c)",
    projects,
    "relationships",
  );
  relationships += projects.length;
  nodes += projects.length;
  return { nodes, relationships };
}
