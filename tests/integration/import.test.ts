// The importer against a real Neo4j: exact graph of the good fixture bundle, idempotent re-import,
// nothing written for the bad bundle, and exactly its valid rows with allowPartial.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "../../services/graph/index.ts";
import { BundleRejectedError, importBundle, type ImportReport } from "../../services/ingest/index.ts";
import { BAD_BUNDLE_ERRORS, FIXTURES } from "../support/bundles.ts";
import { connectTestGraph, emptyGraph } from "../support/graph.ts";
import { tempVault } from "../support/store.ts";

let graph: Graph;
const vault = tempVault();
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
});
afterAll(async () => graph?.close());

/** Node counts per label and relationship counts per type, leaving out the import records. */
async function counts(): Promise<{ labels: Record<string, number>; types: Record<string, number> }> {
  const labels = await graph.read<{ label: string; n: number }>(
    "MATCH (n) WHERE NOT n:Import AND NOT n:SchemaMigration UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label",
  );
  const types = await graph.read<{ type: string; n: number }>("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type");
  return { labels: Object.fromEntries(labels.map((r) => [r.label, r.n])), types: Object.fromEntries(types.map((r) => [r.type, r.n])) };
}

/** Every node and relationship with its properties, in a stable order. */
async function snapshot(): Promise<string[]> {
  const rows = await graph.read<{ labels: string[]; props: Record<string, unknown> }>(
    "MATCH (n) WHERE NOT n:Import AND NOT n:SchemaMigration RETURN labels(n) AS labels, properties(n) AS props",
  );
  const rels = await graph.read<{ type: string; a: unknown; b: unknown; props: Record<string, unknown> }>(
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.value) AS a, coalesce(b.id, b.value) AS b, properties(r) AS props",
  );
  const sorted = (o: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y))));
  return [
    ...rows.map((r) => `${[...r.labels].sort().join(":")} ${sorted(r.props)}`),
    ...rels.map((r) => `${String(r.a)}-[${r.type} ${sorted(r.props)}]->${String(r.b)}`),
  ].sort();
}

const GOOD_LABELS = {
  Account: 6,
  Address: 5,
  Asset: 3,
  Cadre: 2,
  Case: 1,
  Company: 3,
  Entity: 35,
  Grant: 3,
  Household: 3,
  Person: 6,
  Phone: 4,
  Program: 2,
  Project: 2,
  Region: 4,
  Tip: 2,
};

const GOOD_TYPES = {
  APPROVED: 5,
  AWARDED_TO: 1,
  BID: 3,
  CONCERNS: 3,
  HAS: 21,
  HEAD_OF: 3,
  HOLDS_POST: 3,
  IN: 8,
  INVOLVES: 1,
  KIN: 3,
  LIVES_IN: 6,
  MEMBER_OF: 5,
  MOVED_TO: 1,
  OWNS: 3,
  PAID_INTO: 2,
  PAID_TO: 3,
  PART_OF: 3,
  REGISTERED_IN: 3,
  ROLE_IN: 3,
  SPLIT_FROM: 1,
  TRANSFER: 3,
  UNDER: 3,
};

describe("importBundle", () => {
  let first: ImportReport;

  it("imports the good bundle into the expected graph", async () => {
    const progress: string[] = [];
    // Small batches, so that files span several write transactions.
    first = await importBundle(graph, path.join(FIXTURES, "bundle-ok"), { vault, batchSize: 4, onProgress: (p) => progress.push(`${p.stage}/${p.phase ?? ""}/${p.file}`) });
    expect(first.status).toBe("succeeded");
    expect(first.errorCount).toBe(0);
    expect(first.rows).toEqual({ read: 51, valid: 51, rejected: 0 });
    const { labels, types } = await counts();
    expect(labels).toEqual(GOOD_LABELS);
    expect(types).toEqual(GOOD_TYPES);
    expect(first.nodesCreated).toBe(35 + 4 + 5);
    expect(first.relationshipsCreated).toBe(Object.values(GOOD_TYPES).reduce((a, b) => a + b, 0));
    // Every file is validated; the files that hold entities write nodes; every file but programs
    // (which has no reference) writes relationships.
    const files = ["accounts.csv", "assets.csv", "bids.csv", "cases.csv", "companies.csv", "company_roles.csv", "grants.jsonl", "household_moves.csv", "households.csv", "kinship.jsonl", "persons.csv", "posts.csv", "programs.csv", "projects.csv", "regions.csv", "tips.csv", "transfers.csv"];
    const nodeFiles = ["accounts.csv", "cases.csv", "companies.csv", "grants.jsonl", "households.csv", "persons.csv", "programs.csv", "projects.csv", "regions.csv", "tips.csv"];
    expect([...new Set(progress)].sort()).toEqual(
      [...files.map((f) => `validate//${f}`), ...nodeFiles.map((f) => `write/nodes/${f}`), ...files.filter((f) => f !== "programs.csv").map((f) => `write/relationships/${f}`)].sort(),
    );
  }, 300_000);

  it("stores typed, normalised, camelCase properties and directed ties; identifiers as vault tokens", async () => {
    const [p4] = await graph.read("MATCH (p:Person {id: 'P4'}) RETURN p.deathDate AS death, p.idNumber AS idNumber, p.birthDate AS birth, p.birthYear AS year, p.publicEmployee AS pe");
    expect(p4).toEqual({ death: "2020-05-01", idNumber: vault.token("idNumber", "11010519491231002X"), birth: vault.token("birthDate", "1949-12-31"), year: 1949, pe: false });
    expect(await vault.reveal(p4!.idNumber as string)).toBe("11010519491231002X");
    expect(await vault.reveal(p4!.birth as string)).toBe("1949-12-31");
    const [types] = await graph.read(
      "MATCH (p:Person {id: 'P4'}) MATCH (g:Grant {id: 'G2'}) RETURN valueType(p.deathDate) AS date, valueType(g.paidAmount) AS amount, valueType(g.year) AS year, g.paidAmount AS paid",
    );
    expect(types).toEqual({ date: "DATE NOT NULL", amount: "FLOAT NOT NULL", year: "INTEGER NOT NULL", paid: 3000.5 });
    const kin = await graph.read("MATCH (a:Person)-[k:KIN]->(b:Person) RETURN a.id AS a, b.id AS b, k.relation AS relation, k.declared AS declared ORDER BY a, b");
    expect(kin).toEqual([
      { a: "P1", b: "P2", relation: "sibling", declared: false },
      { a: "P1", b: "P3", relation: "spouse", declared: true },
      { a: "P2", b: "P5", relation: "child", declared: false },
    ]);
    const shared = await graph.read("MATCH (o)-[:HAS]->(:Phone {value: $phone}) RETURN o.id AS id ORDER BY id", { phone: vault.token("phone", "13700000005") });
    expect(shared).toEqual([{ id: "C1" }, { id: "P5" }]);
    const [post] = await graph.read(
      "MATCH (:Person:Cadre {id: 'P6'})-[h:HOLDS_POST]->(r:Region) RETURN r.id AS region, h.role AS role, h.title AS title, h.from AS from, h.to AS to",
    );
    expect(post).toEqual({ region: "R1", role: "township_official", title: "副镇长", from: "2016-01-01", to: "2022-12-31" });
    const [diverted] = await graph.read("MATCH (:Grant {id: 'G2'})-[:PAID_INTO]->(a:Account)<-[:HAS]-(o) RETURN a.id AS account, collect(o.id) AS owners");
    expect(diverted).toEqual({ account: vault.token("account", "622200000001"), owners: ["P1"] });
    expect(await vault.reveal(diverted!.account as string)).toBe("622200000001");
    const [tip] = await graph.read("MATCH (t:Tip {id: 'TIP1'}) RETURN t.summary AS summary");
    expect(tip).toEqual({ summary: '村支书李明的弟弟\n承包了道路工程，"工程质量很差"' });
    const [imp] = await graph.read(
      "MATCH (i:Import {id: $id}) RETURN i.status AS status, i.rows AS rows, i.nodesCreated AS nodes, i.errorCount AS errors, i.finishedAt IS NOT NULL AS finished",
      { id: first.id },
    );
    expect(imp).toEqual({ status: "succeeded", rows: 51, nodes: 44, errors: 0, finished: true });
  });

  it("importing the same bundle again changes nothing", async () => {
    const before = await snapshot();
    const again = await importBundle(graph, path.join(FIXTURES, "bundle-ok"), { vault });
    expect(again.status).toBe("succeeded");
    expect(again.nodesCreated).toBe(0);
    expect(again.relationshipsCreated).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect((await counts()).labels).toEqual(GOOD_LABELS);
  });

  it("writes nothing from the bad bundle and lists every error at its place", async () => {
    const before = await snapshot();
    const error = await importBundle(graph, path.join(FIXTURES, "bundle-bad"), { vault }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleRejectedError);
    const report = (error as BundleRejectedError).report;
    expect((error as Error).name).toBe("BundleRejectedError");
    expect(report.status).toBe("rejected");
    expect(report.errors.map((e) => e.replace(/ \(Expected.*\)$/, ""))).toEqual(BAD_BUNDLE_ERRORS);
    expect(report.errorCount).toBe(BAD_BUNDLE_ERRORS.length);
    expect(report.nodesCreated).toBe(0);
    expect(await snapshot()).toEqual(before);
    const [imp] = await graph.read("MATCH (i:Import {id: $id}) RETURN i.status AS status, i.errorCount AS n, size(i.errors) AS kept", { id: report.id });
    expect(imp).toEqual({ status: "rejected", n: BAD_BUNDLE_ERRORS.length, kept: BAD_BUNDLE_ERRORS.length });
  });

  it("with allowPartial writes exactly the valid rows of the bad bundle", async () => {
    await emptyGraph(graph);
    const report = await importBundle(graph, path.join(FIXTURES, "bundle-bad"), { allowPartial: true, vault });
    expect(report.status).toBe("succeeded");
    expect(report.errorCount).toBe(BAD_BUNDLE_ERRORS.length);
    expect(report.rows.valid).toBe(17);
    const { labels, types } = await counts();
    expect(labels).toEqual({
      Account: 1,
      Address: 1,
      Asset: 1,
      Company: 1,
      Entity: 13,
      Grant: 2,
      Household: 1,
      Person: 2,
      Phone: 1,
      Program: 1,
      Project: 1,
      Region: 3,
    });
    expect(types).toEqual({
      APPROVED: 3,
      AWARDED_TO: 1,
      BID: 1,
      HAS: 4,
      HEAD_OF: 1,
      IN: 4,
      KIN: 1,
      LIVES_IN: 2,
      MEMBER_OF: 2,
      OWNS: 1,
      PAID_INTO: 1,
      PAID_TO: 2,
      PART_OF: 2,
      REGISTERED_IN: 1,
      ROLE_IN: 1,
      TRANSFER: 1,
      UNDER: 2,
    });
    const ids = await graph.read<{ id: string }>("MATCH (n:Entity) WHERE NOT n:Asset RETURN n.id AS id ORDER BY id");
    expect(ids.map((r) => r.id)).toEqual(["C1", "G1", "G7", "H1", "P1", "P15", "PG1", "PJ5", "R0", "R1", "R2", vault.token("account", "622200000001")].sort());
  });
});
