// Community-detection benchmark: writes a county with planted communities (~1M ties) into the
// configured Neo4j, runs detectCommunities end to end (read, Louvain, write back) cold and again
// warm, and prints seconds per stage and per million edges next to baselines measured in the
// same run: the same ties read by one un-paged query, and by one query per entity (on a sample,
// extrapolated). The planted data is kept for the next run (marked by a (:BenchMeta) node).
// `npx tsx tests/bench/louvain.bench.ts [--persons N] [--regenerate] [--sample N] [--skip-baselines]`
import os from "node:os";
import { config } from "../../services/config/index.ts";
import { cypher, Graph, migrate } from "../../services/graph/index.ts";
import { resolveNeo4j } from "../../services/neo4j/connect.ts";
import { detectCommunities, type DetectCommunitiesResult } from "../../services/analytics/communities/index.ts";
import { projectionOptions, readProjection, TieCollector, type TieGraph, tieParams, withTies } from "../../services/analytics/communities/project.ts";
import { runLouvain } from "../../services/analytics/communities/louvain.ts";
import { DEFAULT_PLANTED, type PlantedOptions, plantedGroups, writePlanted } from "./planted.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const planted: PlantedOptions = { ...DEFAULT_PLANTED, persons: Number(option("--persons") ?? DEFAULT_PLANTED.persons) };
const sample = Number(option("--sample") ?? 1000);
const log = (line: string) => console.error(line);
const BENCH_VERSION = 1;

interface Row {
  what: string;
  seconds: number;
  edges: number;
}

function stages(label: string, r: DetectCommunitiesResult): Row[] {
  return [
    { what: `${label}: read`, seconds: r.seconds.read, edges: r.edges },
    { what: `${label}: louvain`, seconds: r.seconds.louvain, edges: r.edges },
    { what: `${label}: write`, seconds: r.seconds.write, edges: r.edges },
    { what: `${label}: end to end`, seconds: r.seconds.total, edges: r.edges },
  ];
}

function table(rows: Row[]): string {
  const width = Math.max(...rows.map((r) => r.what.length));
  const head = `| ${"stage".padEnd(width)} | seconds | s per M edges |`;
  const rule = `|${"-".repeat(width + 2)}|--------:|--------------:|`;
  const body = rows.map((r) => `| ${r.what.padEnd(width)} | ${r.seconds.toFixed(2).padStart(7)} | ${(r.seconds / (r.edges / 1e6)).toFixed(2).padStart(13)} |`);
  return [head, rule, ...body].join("\n");
}

/** A fixed piece of JavaScript work, to compare this machine's speed at the time of the run. */
function calibration(): string {
  const started = performance.now();
  const map = new Map<string, { i: number }>();
  for (let i = 0; i < 1_000_000; i += 1) map.set(`k${i}`, { i });
  return `1M Map.set took ${((performance.now() - started) / 1000).toFixed(2)} s`;
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** Ties one record each, as a straightforward reader would ask for them. */
const TIE_ROWS = `{{SOURCES}}
CALL (a) {
  {{TIES}}
}
WITH a, b, w WHERE w > 0 AND (b:Person OR b:Company)
RETURN id(a) AS a, a.id AS source, id(b) AS b, b.id AS target, w AS weight`;

interface TieRow extends Record<string, unknown> {
  a: number;
  source: string;
  b: number;
  target: string;
  weight: number;
}

function collect(ties: TieCollector, rows: readonly TieRow[]): void {
  for (const r of rows) {
    ties.node(r.a, r.source);
    ties.node(r.b, r.target);
    ties.tie(r.a, r.b, r.weight);
  }
}

/** The same ties by one query returning one record per tie: the result is built in full before the first row arrives. */
async function readUnpaged(graph: Graph): Promise<{ graph: TieGraph; seconds: number }> {
  const started = performance.now();
  const rows = await graph.read<TieRow>(withTies(TIE_ROWS.replace("{{SOURCES}}", "MATCH (a:Entity) WHERE a:Person OR a:Company")), tieParams(projectionOptions()));
  const ties = new TieCollector();
  collect(ties, rows);
  return { graph: ties.build(), seconds: (performance.now() - started) / 1000 };
}

/** One query per entity, as an unbatched client would do it; timed on a sample and extrapolated. */
async function readNaive(graph: Graph, size: number): Promise<{ seconds: number; entities: number }> {
  const [all] = await graph.read<{ ids: string[] }>("MATCH (a:Entity) WHERE a:Person OR a:Company RETURN collect(a.id) AS ids");
  const ids = all?.ids ?? [];
  const step = Math.max(1, Math.floor(ids.length / size));
  const chosen = ids.filter((_, i) => i % step === 0).slice(0, size);
  const query = withTies(TIE_ROWS.replace("{{SOURCES}}", "MATCH (a:Entity {id: $id})"));
  const params = tieParams(projectionOptions());
  const ties = new TieCollector();
  const started = performance.now();
  for (const id of chosen) collect(ties, await graph.read<TieRow>(query, { ...params, id }));
  ties.build();
  const seconds = ((performance.now() - started) / 1000) * (ids.length / Math.max(1, chosen.length));
  return { seconds, entities: ids.length };
}

/** Share of planted persons whose community is the one most of their group ended up in. */
async function plantedRecovery(graph: Graph, options: PlantedOptions): Promise<number> {
  const [row] = await graph.read<{ ids: string[]; communityIds: number[] }>(cypher("communities/previous.cypher"));
  const community = new Map<string, number>();
  row?.ids.forEach((id, i) => community.set(id, row.communityIds[i]!));
  let agree = 0;
  let total = 0;
  for (const group of plantedGroups(options)) {
    const votes = new Map<number, number>();
    for (const p of group) {
      const c = community.get(p);
      if (c !== undefined) votes.set(c, (votes.get(c) ?? 0) + 1);
    }
    agree += Math.max(0, ...votes.values());
    total += group.length;
  }
  return total === 0 ? 0 : agree / total;
}

async function main(): Promise<void> {
  const target = await resolveNeo4j(config(), log);
  const graph = await Graph.connect(target.connection);
  try {
    await migrate(graph);
    const [meta] = await graph.read<{ persons: number; version: number }>(
      "OPTIONAL MATCH (m:BenchMeta {key: 'louvain'}) RETURN m.persons AS persons, m.version AS version",
    );
    if (args.includes("--regenerate") || meta?.persons !== planted.persons || meta?.version !== BENCH_VERSION) {
      log(`Writing a planted county of ${planted.persons.toLocaleString("en-US")} persons (the database is emptied first)…`);
      const started = performance.now();
      await graph.autoCommit("MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
      const counts = await writePlanted(graph, planted, log);
      await graph.write("CREATE (:BenchMeta {key: 'louvain', persons: $persons, version: $version})", { persons: planted.persons, version: BENCH_VERSION });
      log(`  ${counts.nodes.toLocaleString("en-US")} nodes, ${counts.relationships.toLocaleString("en-US")} relationships in ${secs(performance.now() - started)} s`);
    } else {
      log("Reusing the planted county already in the database (--regenerate to rebuild it).");
    }

    // Cold: no community state left from an earlier run.
    await graph.autoCommit("MATCH (n:Entity) WHERE n.communityId IS NOT NULL CALL (n) { REMOVE n.communityId } IN TRANSACTIONS OF 20000 ROWS");
    await graph.write("MATCH (n) WHERE n:Community OR n:CommunityRun DETACH DELETE n");
    log("Detecting communities (cold)…");
    const cold = await detectCommunities(graph, { runId: "bench-cold" });
    log("Detecting communities again (warm: same graph, ids carried over)…");
    const warm = await detectCommunities(graph, { runId: "bench-warm" });
    const quality = await plantedRecovery(graph, planted);

    const rows: Row[] = [
      ...stages("detectCommunities, cold", cold),
      ...stages("detectCommunities, warm rerun", warm),
    ];
    if (!args.includes("--skip-baselines")) {
      log("Baseline: paged reader, one page at a time…");
      const serial = await readProjection(graph, { concurrency: 1 });
      rows.push({ what: "read, paged, one page at a time", seconds: serial.seconds, edges: serial.graph.size });
      log("Baseline: one un-paged query, one record per tie…");
      const unpaged = await readUnpaged(graph);
      rows.push({ what: "read, one un-paged query (baseline)", seconds: unpaged.seconds, edges: unpaged.graph.size });
      const louvainAgain = runLouvain(unpaged.graph);
      rows.push({ what: "  (Louvain on that graph, for reference)", seconds: louvainAgain.seconds, edges: unpaged.graph.size });
      log(`Baseline: one query per entity on a sample of ${sample}…`);
      const naive = await readNaive(graph, sample);
      rows.push({
        what: `read, one query per entity (baseline; ${sample} of ${naive.entities.toLocaleString("en-US")} entities, extrapolated)`,
        seconds: naive.seconds,
        edges: cold.edges,
      });
    }

    console.log("");
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min); ${calibration()}`);
    console.log(`Neo4j ${graph.uri}; planted: ${planted.persons.toLocaleString("en-US")} persons in groups of ${planted.groupSize}; projection: ${cold.nodes.toLocaleString("en-US")} entities, ${cold.edges.toLocaleString("en-US")} edges (summed ties)`);
    console.log(`cold: ${cold.communities} communities, modularity ${cold.modularity.toFixed(4)}, largest ${cold.largest}, assigned ${cold.write.assigned.toLocaleString("en-US")}`);
    const steps = (r: DetectCommunitiesResult) =>
      `assign ${r.write.steps.assign.toFixed(2)} s, clear ${r.write.steps.clear.toFixed(2)} s, Community nodes ${r.write.steps.communities.toFixed(2)} s`;
    console.log(`cold write: ${steps(cold)}`);
    console.log(`warm: ${warm.communities} communities, ${warm.kept} kept their id, ${warm.fresh} fresh, assigned ${warm.write.assigned.toLocaleString("en-US")}, unchanged ${warm.write.unchanged.toLocaleString("en-US")}`);
    console.log(`warm write: ${steps(warm)}`);
    console.log(`planted groups recovered: ${(quality * 100).toFixed(1)} % of persons share a community with most of their group`);
    console.log("");
    console.log(table(rows));
  } finally {
    await graph.close();
    await target.release();
  }
}

await main();
