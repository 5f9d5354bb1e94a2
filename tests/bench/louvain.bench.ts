// Community-detection benchmark: writes a county with planted communities (~1M ties) into the
// configured Neo4j, runs detectCommunities end to end (read, Louvain, write back) cold and again
// warm, and prints seconds per stage and per million edges next to baselines measured in the
// same run: the same ties read by one un-paged query, and by one query per entity (on a sample,
// extrapolated). Besides wall-clock seconds it records CPU seconds of this process and of the
// local Neo4j server (from /proc), which a busy machine inflates far less than wall time.
// The planted data is kept for the next run (marked by a (:BenchMeta) node).
// `npx tsx tests/bench/louvain.bench.ts [--persons N] [--regenerate] [--sample N] [--skip-baselines]`
import { readFileSync } from "node:fs";
import os from "node:os";
import { config } from "../../services/config/index.ts";
import { cypher, Graph, migrate } from "../../services/graph/index.ts";
import { resolveNeo4j } from "../../services/neo4j/connect.ts";
import { runningServer } from "../../services/neo4j/local.ts";
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
  /** CPU seconds of this process and of the Neo4j server, when measured. */
  cpu?: Cpu;
}

interface Cpu {
  node: number;
  neo4j: number | undefined;
}

const CLOCK_TICKS = 100;

/** CPU seconds used so far by this process and by the local Neo4j server (undefined when not local, or not Linux). */
function cpuNow(neo4jPid: number | undefined): Cpu {
  const { user, system } = process.cpuUsage();
  let neo4j: number | undefined;
  if (neo4jPid !== undefined) {
    try {
      const fields = readFileSync(`/proc/${neo4jPid}/stat`, "utf8").split(") ")[1]!.split(" ");
      neo4j = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      neo4j = undefined;
    }
  }
  return { node: (user + system) / 1e6, neo4j };
}

async function measured<T>(neo4jPid: number | undefined, work: () => Promise<T>): Promise<{ value: T; cpu: Cpu }> {
  const before = cpuNow(neo4jPid);
  const value = await work();
  const after = cpuNow(neo4jPid);
  return {
    value,
    cpu: { node: after.node - before.node, neo4j: after.neo4j !== undefined && before.neo4j !== undefined ? after.neo4j - before.neo4j : undefined },
  };
}

function stages(label: string, r: DetectCommunitiesResult, cpu: Cpu): Row[] {
  return [
    { what: `${label}: read`, seconds: r.seconds.read, edges: r.edges },
    { what: `${label}: louvain`, seconds: r.seconds.louvain, edges: r.edges },
    { what: `${label}: write`, seconds: r.seconds.write, edges: r.edges },
    { what: `${label}: end to end`, seconds: r.seconds.total, edges: r.edges, cpu },
  ];
}

function table(rows: Row[]): string {
  const width = Math.max(...rows.map((r) => r.what.length));
  const perM = (x: number, r: Row) => (x / (r.edges / 1e6)).toFixed(2);
  const head = `| ${"stage".padEnd(width)} | wall s | wall s per M edges | Node CPU s | Neo4j CPU s | CPU s per M edges |`;
  const rule = `|${"-".repeat(width + 2)}|-------:|-------------------:|-----------:|------------:|------------------:|`;
  const body = rows.map((r) => {
    const node = r.cpu ? r.cpu.node.toFixed(2) : "";
    const neo4j = r.cpu?.neo4j !== undefined ? r.cpu.neo4j.toFixed(2) : "";
    const cpu = r.cpu ? perM(r.cpu.node + (r.cpu.neo4j ?? 0), r) : "";
    return `| ${r.what.padEnd(width)} | ${r.seconds.toFixed(2).padStart(6)} | ${perM(r.seconds, r).padStart(18)} | ${node.padStart(10)} | ${neo4j.padStart(11)} | ${cpu.padStart(17)} |`;
  });
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
WITH a, b, sum(w) AS w
WHERE w > 0 AND (b:Person OR b:Company)
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

/** Every `step`-th person or company id, for the per-entity baseline. */
async function sampleIds(graph: Graph, size: number): Promise<{ chosen: string[]; entities: number }> {
  const [all] = await graph.read<{ ids: string[] }>("MATCH (a:Entity) WHERE a:Person OR a:Company RETURN collect(a.id) AS ids");
  const ids = all?.ids ?? [];
  const step = Math.max(1, Math.floor(ids.length / size));
  return { chosen: ids.filter((_, i) => i % step === 0).slice(0, size), entities: ids.length };
}

/** One query per entity, as an unbatched client would do it; timed on a sample (to be extrapolated). */
async function readNaive(graph: Graph, chosen: readonly string[]): Promise<number> {
  const query = withTies(TIE_ROWS.replace("{{SOURCES}}", "MATCH (a:Entity {id: $id})"));
  const params = tieParams(projectionOptions());
  const ties = new TieCollector();
  const started = performance.now();
  for (const id of chosen) collect(ties, await graph.read<TieRow>(query, { ...params, id }));
  ties.build();
  return (performance.now() - started) / 1000;
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
    const pid = config().neo4jUri ? undefined : runningServer(config().dataDir)?.pid;
    log("Detecting communities (cold)…");
    const cold = await measured(pid, () => detectCommunities(graph, { runId: "bench-cold" }));
    log("Detecting communities again (warm: same graph, ids carried over)…");
    const warm = await measured(pid, () => detectCommunities(graph, { runId: "bench-warm" }));
    const quality = await plantedRecovery(graph, planted);

    const rows: Row[] = [
      ...stages("detectCommunities, cold", cold.value, cold.cpu),
      ...stages("detectCommunities, warm rerun", warm.value, warm.cpu),
    ];
    if (!args.includes("--skip-baselines")) {
      log("Paged reader, reading only (one page at a time, and two at a time)…");
      const paged = await measured(pid, () => readProjection(graph, { concurrency: 1 }));
      rows.push({ what: "read only, paged, one page at a time (default)", seconds: paged.value.seconds, edges: paged.value.graph.size, cpu: paged.cpu });
      const ahead = await measured(pid, () => readProjection(graph, { concurrency: 2 }));
      rows.push({ what: "read only, paged, next page read ahead", seconds: ahead.value.seconds, edges: ahead.value.graph.size, cpu: ahead.cpu });
      const louvain = await measured(pid, async () => runLouvain(paged.value.graph));
      rows.push({ what: "Louvain only, on that graph", seconds: louvain.value.seconds, edges: paged.value.graph.size, cpu: louvain.cpu });
      log("Baseline: one un-paged query, one record per tie…");
      const unpaged = await measured(pid, () => readUnpaged(graph));
      rows.push({ what: "read only, one un-paged query, a record per tie (baseline)", seconds: unpaged.value.seconds, edges: unpaged.value.graph.size, cpu: unpaged.cpu });
      log(`Baseline: one query per entity on a sample of ${sample}…`);
      const { chosen, entities } = await sampleIds(graph, sample);
      const naive = await measured(pid, () => readNaive(graph, chosen));
      const scale = entities / Math.max(1, chosen.length);
      rows.push({
        what: `read only, one query per entity (baseline; ${chosen.length} of ${entities.toLocaleString("en-US")}, extrapolated)`,
        seconds: naive.value * scale,
        edges: cold.value.edges,
        cpu: { node: naive.cpu.node * scale, neo4j: naive.cpu.neo4j === undefined ? undefined : naive.cpu.neo4j * scale },
      });
    }

    console.log("");
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min); ${calibration()}`);
    console.log(`Neo4j ${graph.uri}; planted: ${planted.persons.toLocaleString("en-US")} persons in groups of ${planted.groupSize}; projection: ${cold.value.nodes.toLocaleString("en-US")} entities, ${cold.value.edges.toLocaleString("en-US")} edges (summed ties)`);
    console.log(`cold: ${cold.value.communities} communities, modularity ${cold.value.modularity.toFixed(4)}, largest ${cold.value.largest}, assigned ${cold.value.write.assigned.toLocaleString("en-US")}`);
    const steps = (r: DetectCommunitiesResult) =>
      `assign ${r.write.steps.assign.toFixed(2)} s, clear ${r.write.steps.clear.toFixed(2)} s, Community nodes ${r.write.steps.communities.toFixed(2)} s`;
    console.log(`cold write: ${steps(cold.value)}`);
    const w = warm.value;
    console.log(`warm: ${w.communities} communities, ${w.kept} kept their id, ${w.fresh} fresh, assigned ${w.write.assigned.toLocaleString("en-US")}, unchanged ${w.write.unchanged.toLocaleString("en-US")}`);
    console.log(`warm write: ${steps(w)}`);
    console.log(`planted groups recovered: ${(quality * 100).toFixed(1)} % of persons share a community with most of their group`);
    console.log("");
    console.log(table(rows));
  } finally {
    await graph.close();
    await target.release();
  }
}

await main();
