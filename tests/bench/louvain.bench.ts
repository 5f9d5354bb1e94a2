// Community-detection benchmark: writes a county with planted communities (~1M ties) into the
// benchmark's own Neo4j (DATA_DIR/bench-louvain, port NEO4J_LOCAL_PORT + 4; or NEO4J_URI), runs detectCommunities end to end (read, Louvain, write back) cold and again
// warm, and prints seconds per stage and per million edges next to baselines measured in the
// same run: the same ties read by one un-paged query, and by one query per entity (on a sample,
// extrapolated). Besides wall-clock seconds it records CPU seconds of this process and of the
// local Neo4j server (from /proc), which a busy machine inflates far less than wall time.
// The planted data is kept for the next run (marked by a (:BenchMeta) node).
// `npm run bench:louvain -- [--persons N] [--regenerate] [--sample N] [--skip-baselines]`
import os from "node:os";
import { cypher, type Graph } from "../../services/graph/index.ts";
import { runningServer } from "../../services/neo4j/local.ts";
import { detectCommunities, type DetectCommunitiesResult } from "../../services/analytics/communities/index.ts";
import { readProjection } from "../../services/analytics/communities/project.ts";
import { runLouvain } from "../../services/analytics/communities/louvain.ts";
import { benchGraph } from "./bench-neo4j.ts";
import { calibration, measured, scaledCpu } from "./cpu.ts";
import { edgeTable, type EdgeRow, stages } from "./edge-table.ts";
import { readNaive, readUnpaged, sampleIds } from "./louvain-baselines.ts";
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

function secs(ms: number): string {
  return (ms / 1000).toFixed(1);
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
  const { graph, cfg, close } = await benchGraph({ name: "bench-louvain", portOffset: 4 });
  try {
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
    const pid = cfg.neo4jUri ? undefined : runningServer(cfg.dataDir)?.pid;
    log("Detecting communities (cold)…");
    const cold = await measured(pid, () => detectCommunities(graph, { runId: "bench-cold" }));
    log("Detecting communities again (warm: same graph, ids carried over)…");
    const warm = await measured(pid, () => detectCommunities(graph, { runId: "bench-warm" }));
    const quality = await plantedRecovery(graph, planted);

    const rows: EdgeRow[] = [
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
        cpu: scaledCpu(naive.cpu, scale),
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
    console.log(edgeTable(rows));
  } finally {
    await close();
  }
}

await main();
