// `npm run bench:analysis -- [--scale small|county] [--reuse] [--sample N] [--skip-baselines] [--profile-flags]`:
// one analysis run (services/analytics/run.ts) on the benchmark's own database, timed by stage —
// each detector, communities split into read / Louvain / write back, scores — and Louvain end to
// end in seconds per million edges, each next to a baseline measured in the same run: the
// projection read by one un-paged query and by one query per entity, and the entity scores
// computed by one transaction per entity (both per-entity baselines timed on a sample and
// extrapolated). The database (DATA_DIR/bench-<scale>) is generated and imported when it does not
// hold the seeded county yet; `--reuse` takes whatever it holds (e.g. a copied county database).
import os from "node:os";
import { parseArgs } from "node:util";
import { packedReadAvailable, readCompactProjection } from "../../services/analytics/communities/project.ts";
import { profileFlags } from "./flag-profile.ts";
import { recoverInterruptedRuns, runAnalysis } from "../../services/analytics/run.ts";
import { computeScores, DEFAULT_SCORE_SETTINGS } from "../../services/analytics/scores/index.ts";
import { combine } from "../../services/analytics/scores/model.ts";
import type { Graph } from "../../services/graph/index.ts";
import { progressBar } from "../../services/cli/progress.ts";
import { benchDatabase } from "./bench-database.ts";
import { benchScale } from "./bundles.ts";
import { calibration, type Cpu, measured, scaledCpu } from "./cpu.ts";
import { edgeTable, type EdgeRow } from "./edge-table.ts";
import { readNaive, readUnpaged, sampleIds } from "./louvain-baselines.ts";
import { machine } from "./machine.ts";
import { type Cell, markdownTable, s2 } from "./markdown.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string" },
    reuse: { type: "boolean", default: false },
    sample: { type: "string", default: "1000" },
    "skip-baselines": { type: "boolean", default: false },
    "profile-flags": { type: "boolean", default: false },
  },
});
const sample = Number(values.sample);
if (!Number.isSafeInteger(sample) || sample < 1) throw new Error(`--sample must be a positive integer, not ${values.sample}`);
const log = (line: string) => console.error(line);

/** Baseline: one entity's score from its active alerts (their stored evidence, groups and discounts),
 *  one read and one write transaction per entity, the arithmetic of services/analytics/scores/model.ts. */
const ALERTS_OF_ONE = `
MATCH (a:Alert {active: true})-[:ON]->(:Entity {id: $id})
RETURN a.id AS id, a.flag AS flag, coalesce(a.group, a.id) AS group, coalesce(a.llr, 0.0) AS llr,
       coalesce(a.discount, 1.0) AS discount, coalesce(a.amount, 0.0) AS amount`;
const SCORE_ONE = `
MATCH (e:Entity {id: $id})
SET e.riskScore = $score, e.riskAmount = $amount, e.riskGrade = $grade, e.riskHits = $hits`;

/** Every k-th of the entities the set-based scoring visits (scored, or with an active alert). */
async function scoredSample(graph: Graph, size: number): Promise<{ chosen: string[]; total: number }> {
  const [row] = await graph.read<{ ids: string[] }>(
    `MATCH (e:Entity) WHERE (e:Person OR e:Company) AND (e.riskScore IS NOT NULL OR EXISTS { (:Alert {active: true})-[:ON]->(e) })
     WITH e ORDER BY e.id RETURN collect(e.id) AS ids`,
  );
  const ids = row?.ids ?? [];
  const step = Math.max(1, Math.floor(ids.length / size));
  return { chosen: ids.filter((_, i) => i % step === 0).slice(0, size), total: ids.length };
}

async function scoreOneByOne(graph: Graph, ids: readonly string[]): Promise<number> {
  const started = performance.now();
  for (const id of ids) {
    const alerts = await graph.read<{ id: string; flag: string; group: string; llr: number; discount: number; amount: number }>(ALERTS_OF_ONE, { id });
    const e = combine(alerts, DEFAULT_SCORE_SETTINGS);
    await graph.write(SCORE_ONE, { id, score: e.score, amount: e.amount, grade: e.grade, hits: alerts.length });
  }
  return (performance.now() - started) / 1000;
}

interface CommunityStages {
  read: number;
  louvain: number;
  write: number;
  total: number;
  nodes: number;
  edges: number;
}

const scale = benchScale(values.scale);
const db = await benchDatabase({ scale, reuse: values.reuse }, log);
const { graph, neo4jPid: pid } = db;
try {
  const loadBefore = os.loadavg();
  await recoverInterruptedRuns(graph);
  log(`Analysis run on ${db.cfg.dataDir} (${db.analysed ? "a rerun: alerts and community ids carry over" : "the first on this import"})…`);
  const bar = progressBar();
  const run = await measured(pid, () => runAnalysis(graph, { onProgress: (p) => bar.update(p.progress, p.detail ? `${p.stage}: ${p.detail}` : p.stage) }));
  bar.done();
  const seconds = run.value.seconds ?? {};
  const summary = run.value.summary ?? {};
  const community = summary.communityStages as CommunityStages;
  const scored = summary.scored as { entities: number; regions: number; communities: number };

  log("Scores: the scores stage alone (rerun)…");
  const entityScores = await measured(pid, async () => {
    const started = performance.now();
    await computeScores(graph);
    return (performance.now() - started) / 1000;
  });

  const louvainRows: EdgeRow[] = [
    { what: "analysis run, communities: read (packed in the server where offered)", seconds: community.read, edges: community.edges },
    { what: "analysis run, communities: Louvain (graphology, seeded)", seconds: community.louvain, edges: community.edges },
    { what: "analysis run, communities: write back", seconds: community.write, edges: community.edges },
    { what: "**analysis run, communities: end to end**", seconds: community.total, edges: community.edges },
  ];
  let unpaged: { seconds: number; cpu: Cpu } | undefined;
  let naiveRead: { seconds: number; cpu: Cpu; of: string } | undefined;
  let naiveScores: { seconds: number; cpu: Cpu; of: string } | undefined;
  if (!values["skip-baselines"]) {
    log("Each reader alone, into the compact graph Louvain reads (rerun, for CPU seconds)…");
    for (const reader of ["packed", "paged"] as const) {
      if (reader === "packed" && !(await packedReadAvailable(graph))) continue;
      const read = await measured(pid, () => readCompactProjection(graph, { reader }));
      louvainRows.push({ what: `read only, ${reader === "packed" ? "packed in the server" : "paged Cypher"} (rerun)`, seconds: read.value.seconds, edges: read.value.graph.size, cpu: read.cpu });
    }
    log("Baseline: the projection by one un-paged query, one record per tie…");
    try {
      const u = await measured(pid, () => readUnpaged(graph));
      unpaged = { seconds: u.value.seconds, cpu: u.cpu };
      louvainRows.push({ what: "baseline: read only, one un-paged query, a record per tie", seconds: u.value.seconds, edges: u.value.graph.size, cpu: u.cpu });
    } catch (error) {
      log(`  failed: ${(error as Error).message.split("\n")[0]}`);
    }
    log(`Baseline: the projection by one query per entity, on a sample of ${sample}…`);
    const { chosen, entities } = await sampleIds(graph, sample);
    const read = await measured(pid, () => readNaive(graph, chosen));
    const factor = entities / Math.max(1, chosen.length);
    naiveRead = { seconds: read.value * factor, cpu: scaledCpu(read.cpu, factor), of: `${chosen.length} of ${entities.toLocaleString("en-US")}` };
    louvainRows.push({ what: `baseline: read only, one query per entity (${naiveRead.of}, extrapolated)`, seconds: naiveRead.seconds, edges: community.edges, cpu: naiveRead.cpu });

    log(`Baseline: entity scores one transaction per entity, on a sample of ${sample}…`);
    const picked = await scoredSample(graph, sample);
    const one = await measured(pid, () => scoreOneByOne(graph, picked.chosen));
    const scoreFactor = picked.total / Math.max(1, picked.chosen.length);
    naiveScores = { seconds: one.value * scoreFactor, cpu: scaledCpu(one.cpu, scoreFactor), of: `${picked.chosen.length} of ${picked.total.toLocaleString("en-US")}` };
  }

  let flagRows: Cell[][] | undefined;
  if (values["profile-flags"]) {
    log("Profiling each detector (PROFILE of its query, then the flag as the run executes it)…");
    flagRows = await profileFlags(graph, pid, log);
  }

  const total = Object.values(seconds).reduce((a, b) => a + b, 0);
  const share = (x: number) => `${((100 * x) / total).toFixed(1)} %`;
  const stageRows: Cell[][] = [];
  for (const [stage, s] of Object.entries(seconds)) {
    if (stage === "communities") {
      stageRows.push(["communities: read (projection)", s2(community.read), share(community.read), unpaged ? "one un-paged query, a record per tie" : "", s2(unpaged?.seconds)]);
      stageRows.push(["communities: read, per entity", "", "", naiveRead ? `one query per entity (${naiveRead.of}, extrapolated)` : "", s2(naiveRead?.seconds)]);
      stageRows.push(["communities: Louvain", s2(community.louvain), share(community.louvain), "", ""]);
      stageRows.push(["communities: write back", s2(community.write), share(community.write), "", ""]);
      stageRows.push(["communities (stage)", s2(s), share(s), "", ""]);
    } else if (stage === "scores") {
      stageRows.push(["scores (persons, companies, regions, communities)", s2(s), share(s), "", ""]);
      stageRows.push([
        `scores: the stage alone (${scored.entities.toLocaleString("en-US")} persons and companies; rerun)`,
        s2(entityScores.value),
        "",
        naiveScores ? `one transaction per entity (${naiveScores.of}, extrapolated)` : "",
        s2(naiveScores?.seconds),
      ]);
    } else stageRows.push([stage, s2(s), share(s), "", ""]);
  }
  stageRows.push(["**total**", `**${s2(total)}**`, "100 %", "", ""]);

  console.log(`\nAnalysis benchmark (${scale}) — ${machine()}`);
  console.log(`load average before ${loadBefore.map((l) => l.toFixed(2)).join(" / ")}, after ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")} (1/5/15 min); ${calibration()}`);
  console.log(`Neo4j ${graph.uri} (heap ${db.cfg.local.heap}, page cache ${db.cfg.local.pagecache}); run ${run.value.id}; CPU: this process ${run.cpu.node.toFixed(1)} s, Neo4j ${run.cpu.neo4j?.toFixed(1) ?? "?"} s`);
  console.log(`summary: ${JSON.stringify({ hits: summary.hits, communities: summary.communities, modularity: summary.modularity, scored })}\n`);
  console.log(markdownTable(["stage", "s", "share", "baseline (same run)", "baseline s"], stageRows));
  const pipeline = db.importSeconds === null ? "" : `; with this database's import (${db.importSeconds.toFixed(1)} s) the pipeline takes ${(db.importSeconds + total).toFixed(1)} s`;
  console.log(`\nanalysis ${total.toFixed(1)} s${pipeline} (DESIGN.md target: import + analysis ≤ 120 s at county scale)\n`);
  console.log(`Louvain end to end: ${community.nodes.toLocaleString("en-US")} entities, ${community.edges.toLocaleString("en-US")} edges (summed ties); target ≤ 3 s per million edges\n`);
  console.log(edgeTable(louvainRows));
  if (flagRows) {
    console.log("\nDetectors one by one: the query alone under PROFILE, and the flag as the run executes it (query + alert write)\n");
    console.log(markdownTable(["flag", "query s", "Neo4j CPU s", "db hits (M)", "hits", "flag in the run s", "heaviest operators (db hits)"], flagRows));
  }
} finally {
  await db.close();
}
