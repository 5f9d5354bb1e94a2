// The offline path (Neo4j's importer on an empty local store) gives exactly the online loader's graph:
// every label, relationship type, property with its value and type, and count. Bundles: the fixture
// with repeated rows added (merged relationships keep the last row's properties, repeated subjects
// and assets make one tie) and a seeded tiny county. The online loader's CREATE and MERGE of nodes
// are compared on the fixture as well. The offline load runs on a local server of its
// own (data DATA_DIR/test-offline, port NEO4J_LOCAL_PORT + 11); the online one on the test database.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCounty } from "../../seed/generate.ts";
import { startRuntimeWithImport } from "../../services/cli/runtime.ts";
import { config } from "../../services/config/index.ts";
import type { Graph } from "../../services/graph/index.ts";
import { importBundle, type ImportReport } from "../../services/ingest/index.ts";
import { stopLocal, wipeLocal } from "../../services/neo4j/local.ts";
import { FIXTURES } from "../support/bundles.ts";
import { connectTestGraph, emptyGraph } from "../support/graph.ts";
import { IdentifierVault } from "../../services/store/index.ts";

const base = config();
const offlineConfig = { ...base, dataDir: path.join(base.dataDir, "test-offline"), local: { port: base.local.port + 11, heap: "1g", pagecache: "256m", gds: false } };
// One key for both loaders: the same identifiers must become the same tokens.
const vault = IdentifierVault.open(offlineConfig.vaultDir);
const silent = pino({ level: "silent" });

let graph: Graph;
let work: string;
beforeAll(async () => {
  graph = await connectTestGraph();
  work = mkdtempSync(path.join(os.tmpdir(), "county-bulk-test-"));
});
afterAll(async () => {
  await graph?.close();
  await stopLocal(offlineConfig.dataDir);
  rmSync(offlineConfig.dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** Every node and relationship with each property's name, value type and value, sorted. */
async function snapshot(g: Graph): Promise<string[]> {
  const props = "[k IN keys(x) | k + ':' + valueType(x[k]) + '=' + toString(x[k])]";
  const nodes = await g.read<{ labels: string[]; props: string[] }>(
    `MATCH (x) WHERE NOT x:Import AND NOT x:SchemaMigration RETURN labels(x) AS labels, ${props} AS props`,
  );
  const rels = await g.read<{ type: string; a: string; b: string; props: string[] }>(
    `MATCH (a)-[x]->(b) RETURN type(x) AS type, coalesce(a.id, a.value) AS a, coalesce(b.id, b.value) AS b, ${props} AS props`,
  );
  return [
    ...nodes.map((n) => `(${[...n.labels].sort().join(":")} ${[...n.props].sort().join(", ")})`),
    ...rels.map((r) => `${r.a}-[${r.type} ${[...r.props].sort().join(", ")}]->${r.b}`),
  ].sort();
}

/** Items of `a` missing from `b`, counting repeats. */
function missing(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n === 0) return true;
    left.set(x, n - 1);
    return false;
  });
}

async function offline(bundle: string): Promise<{ snapshot: string[]; report: ImportReport }> {
  await stopLocal(offlineConfig.dataDir);
  wipeLocal(offlineConfig.dataDir);
  const runtime = await startRuntimeWithImport(silent, bundle, {}, offlineConfig);
  try {
    return { snapshot: await snapshot(runtime.graph), report: runtime.report };
  } finally {
    await runtime.shutdown();
  }
}

/** The online loader into the emptied test database: nodes created (the default there), or merged. */
async function online(bundle: string, createNodes?: boolean): Promise<string[]> {
  await emptyGraph(graph);
  await importBundle(graph, bundle, { createNodes, vault });
  return snapshot(graph);
}

/** The fixture bundle with rows that repeat a relationship's key, a subject, an asset. */
function bundleWithRepeats(): string {
  const dir = path.join(work, "repeats");
  cpSync(path.join(FIXTURES, "bundle-ok"), dir, { recursive: true });
  const add = (file: string, line: string) => appendFileSync(path.join(dir, file), `${line}\n`);
  add("kinship.jsonl", '{"person_id": "P1", "relative_id": "P2", "relation": "sibling", "declared": true}');
  add("bids.csv", "PJ1,C1,397000,2020-05-20,,李会计,true");
  add("posts.csv", 'P1,R2,party_secretary,"党支部书记, 兼任",2018-01-01,2023-01-01');
  add("household_moves.csv", "P5,H2,2019-06-01,H3");
  add("company_roles.csv", "P2,C1,shareholder,0.5,2019-01-10,2022-01-01");
  add("tips.csv", 'TIP3,2022-02-01,web,P1;P1;C1,"重复 ""举报"""');
  return dir;
}

describe("offline import", () => {
  it("gives the online loader's graph for the fixture with repeated rows", async () => {
    const bundle = bundleWithRepeats();
    const expected = await online(bundle);
    // The online loader's two ways with nodes agree too: CREATE into an empty database, MERGE otherwise.
    expect(await online(bundle, false)).toEqual(expected);
    const { snapshot: got, report } = await offline(bundle);
    expect(report.method).toBe("offline");
    expect(report.status).toBe("succeeded");
    expect({ missing: missing(expected, got), extra: missing(got, expected) }).toEqual({ missing: [], extra: [] });
    // The repeats were merged with the last row's properties, as MERGE … SET leaves them.
    expect(got).toContain("P1-[KIN declared:BOOLEAN NOT NULL=true, relation:STRING NOT NULL=sibling]->P2");
    expect(got.filter((x) => x.startsWith("TIP3-[CONCERNS"))).toEqual(["TIP3-[CONCERNS ]->C1", "TIP3-[CONCERNS ]->P1"]);
    expect(got.filter((x) => x.startsWith("C1-[BID"))).toEqual([
      "C1-[BID amount:FLOAT NOT NULL=397000.0, date:DATE NOT NULL=2020-05-20, disqualified:BOOLEAN NOT NULL=true, preparer:STRING NOT NULL=李会计]->PJ1",
    ]);
    expect(report.nodesCreated).toBe(got.filter((x) => x.startsWith("(")).length);
  }, 300_000);

  it("gives the online loader's graph for a seeded tiny county", async () => {
    const out = path.join(work, "tiny");
    await generateCounty({ scale: "tiny", seed: 7, out });
    const bundle = path.join(out, "bundle");
    const expected = await online(bundle);
    const { snapshot: got, report } = await offline(bundle);
    expect(got.length).toBe(expected.length);
    expect({ missing: missing(expected, got).slice(0, 20), extra: missing(got, expected).slice(0, 20) }).toEqual({ missing: [], extra: [] });
    expect(report.nodesCreated + report.relationshipsCreated).toBe(got.length);
  }, 300_000);
});
