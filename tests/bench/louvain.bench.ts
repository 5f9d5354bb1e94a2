// Community-detection benchmark: writes a county with planted communities (~1M ties) into the
// benchmark's own Neo4j (DATA_DIR/bench-louvain, port NEO4J_LOCAL_PORT + 4; or NEO4J_URI), runs detectCommunities end to end (read, Louvain, write back) cold and again
// warm, and prints seconds per stage and per million edges next to baselines measured in the
// same run: the same ties read by one un-paged query, and by one query per entity (on a sample,
// extrapolated). Besides wall-clock seconds it records CPU seconds of this process and of the
// local Neo4j server (from /proc), which a busy machine inflates far less than wall time.
// The planted data is kept for the next run (marked by a (:BenchMeta) node).
// Variants side by side, each cold (no community state) then warm (ids carried over): graphology
// with the packed read inside the local server (the default where it is offered), graphology with
// the paged Cypher read (any Neo4j 5), and Neo4j Graph Data Science when the server has it
// (NEO4J_LOCAL_GDS=1). `--county` runs them on the analysis benchmark's county database instead.
// `npm run bench:louvain -- [--persons N] [--county] [--regenerate] [--sample N] [--skip-baselines]`
import os from "node:os";
import { cypher, type Graph } from "../../services/graph/index.ts";
import { runningServer } from "../../services/neo4j/local.ts";
import { detectCommunities, type DetectCommunitiesResult, gdsProcedures, packedReadAvailable } from "../../services/analytics/communities/index.ts";
import { benchDatabase } from "./bench-database.ts";
import { readCompactProjection } from "../../services/analytics/communities/project.ts";
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

async function plantedGraph(): Promise<{ graph: Graph; cfg: BenchCfg; close: () => Promise<void> }> {
  const { graph, cfg, close } = await benchGraph({ name: "bench-louvain", portOffset: 4 });
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
  return { graph, cfg, close };
}

type BenchCfg = Awaited<ReturnType<typeof benchGraph>>["cfg"];

/** Removes every community id, Community and CommunityRun: the next detection starts cold. */
async function coldStart(graph: Graph): Promise<void> {
  await graph.autoCommit("MATCH (n:Entity) WHERE n.communityId IS NOT NULL CALL (n) { REMOVE n.communityId } IN TRANSACTIONS OF 20000 ROWS");
  await graph.write("MATCH (n) WHERE n:Community OR n:CommunityRun DETACH DELETE n");
}

async function main(): Promise<void> {
  const county = args.includes("--county");
  const { graph, cfg, close } = county ? await benchDatabase({ scale: "county", reuse: args.includes("--reuse") }, log) : await plantedGraph();
  try {
    const pid = cfg.neo4jUri ? undefined : runningServer(cfg.dataDir)?.pid;
    const variants: { label: string; engine: string; reader: "packed" | "paged" }[] = [];
    if (await packedReadAvailable(graph)) variants.push({ label: "graphology, packed read in the server", engine: "graphology", reader: "packed" });
    variants.push({ label: "graphology, paged Cypher read", engine: "graphology", reader: "paged" });
    if ((await gdsProcedures(graph)).length > 0) variants.push({ label: "Graph Data Science (Cypher aggregation projection)", engine: "gds", reader: "paged" });
    const rows: EdgeRow[] = [];
    const results: { label: string; cold: DetectCommunitiesResult; warm: DetectCommunitiesResult }[] = [];
    for (const v of variants) {
      await coldStart(graph);
      log(`${v.label}: detecting communities cold…`);
      const cold = await measured(pid, () => detectCommunities(graph, { runId: `bench-cold-${v.engine}-${v.reader}`, engine: v.engine, projection: { reader: v.reader } }));
      log(`${v.label}: again, warm (same graph, ids carried over)…`);
      const warm = await measured(pid, () => detectCommunities(graph, { runId: `bench-warm-${v.engine}-${v.reader}`, engine: v.engine, projection: { reader: v.reader } }));
      rows.push(...stages(`${v.label}, cold`, cold.value, cold.cpu), ...stages(`${v.label}, warm rerun`, warm.value, warm.cpu));
      results.push({ label: v.label, cold: cold.value, warm: warm.value });
    }
    // The default engine's partition is the one left in the graph for the quality check.
    await detectCommunities(graph, { runId: "bench-final" });
    const quality = county ? undefined : await plantedRecovery(graph, planted);
    const cold = results[0]!.cold;
    if (!args.includes("--skip-baselines")) {
      log("Readers alone, into the compact graph Louvain reads…");
      for (const reader of ["packed", "paged"] as const) {
        if (reader === "packed" && !(await packedReadAvailable(graph))) continue;
        const read = await measured(pid, () => readCompactProjection(graph, { reader }));
        rows.push({ what: `read only, ${reader}, into the compact graph`, seconds: read.value.seconds, edges: read.value.graph.size, cpu: read.cpu });
        if (reader !== "packed") continue;
        const louvain = await measured(pid, async () => runLouvain(read.value.graph));
        rows.push({ what: "Louvain only, on that graph", seconds: louvain.value.seconds, edges: read.value.graph.size, cpu: louvain.cpu });
      }
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
        edges: cold.edges,
        cpu: scaledCpu(naive.cpu, scale),
      });
    }

    console.log("");
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min); ${calibration()}`);
    console.log(`Neo4j ${graph.uri}; ${county ? "the county database of bench:analysis" : `planted: ${planted.persons.toLocaleString("en-US")} persons in groups of ${planted.groupSize}`}; projection: ${cold.nodes.toLocaleString("en-US")} entities, ${cold.edges.toLocaleString("en-US")} edges (summed ties)`);
    const steps = (r: DetectCommunitiesResult) =>
      `assign ${r.write.steps.assign.toFixed(2)} s, clear ${r.write.steps.clear.toFixed(2)} s, Community nodes ${r.write.steps.communities.toFixed(2)} s`;
    for (const r of results) {
      console.log(`${r.label}: cold ${r.cold.communities} communities, modularity ${r.cold.modularity.toFixed(4)}, largest ${r.cold.largest}, assigned ${r.cold.write.assigned.toLocaleString("en-US")} (${steps(r.cold)}); warm ${r.warm.communities} communities, ${r.warm.kept} kept their id, ${r.warm.fresh} fresh, assigned ${r.warm.write.assigned.toLocaleString("en-US")} (${steps(r.warm)})${r.cold.notes.length ? `; notes: ${r.cold.notes.join("; ")}` : ""}`);
    }
    if (quality !== undefined) console.log(`planted groups recovered (default engine): ${(quality * 100).toFixed(1)} % of persons share a community with most of their group`);
    console.log("");
    console.log(edgeTable(rows));
  } finally {
    await close();
  }
}

await main();
