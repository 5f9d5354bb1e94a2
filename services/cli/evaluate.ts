// `npm run evaluate`: generates seeded counties (our generator, and the independent and thirdparty
// ones written blind to the detectors), analyses each, and reports detection quality against the
// planted ground truth: per county, the worst county and the median, per typology, and the
// calibration table. Runs on its
// own local Neo4j (data dir `eval`, port + 1), because each county empties the database.
// The report counties (default) are never used for tuning; tune on `--counties tuning`.
// `--reuse` skips emptying and re-importing when the database holds exactly this county's bundle,
// imported after the bundle was generated (re-analysis only). `--triage K` then simulates an
// inspector ruling on the alerts of the first K entities and reports the ranking before and after.
import path from "node:path";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ensureCounty, parseCounties, REPORT_COUNTIES, TUNING_COUNTIES } from "./eval-counties.ts";
import { evaluate, groundTruth, type RankedEntity } from "../analytics/evaluate/evaluate.ts";
import { readBaselines } from "../analytics/scores/baselines.ts";
import { type CountyResult, freshPrecision, reportTables, stageSeconds, type TriageReport, triageTable } from "../analytics/evaluate/report.ts";
import { simulateTriage } from "../analytics/evaluate/triage.ts";
import { runAnalysis } from "../analytics/run.ts";
import { config } from "../config/index.ts";
import { IdentifierVault } from "../store/index.ts";
import { cypher, emptyDatabase, Graph, migrate } from "../graph/index.ts";
import { importBundle } from "../ingest/index.ts";
import { resolveNeo4j } from "../neo4j/connect.ts";

const { values } = parseArgs({
  options: {
    counties: { type: "string", default: "report" },
    k: { type: "string", default: "100" },
    triage: { type: "string" },
    yes: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    dump: { type: "string" },
  },
});
const k = Number(values.k);
const triageK = values.triage === undefined ? 0 : Number(values.triage);
if (!Number.isInteger(k) || k < 1 || !Number.isInteger(triageK) || triageK < 0) {
  console.error("--k and --triage take whole numbers");
  process.exit(2);
}
const list = values.counties === "report" ? REPORT_COUNTIES : values.counties === "tuning" ? TUNING_COUNTIES : values.counties;
const counties = parseCounties(list);

const base = config();
if (base.neo4jUri && !values.yes) {
  console.error(`NEO4J_URI is set: evaluation empties the database at ${base.neo4jUri}. Pass --yes if that is what you want.`);
  process.exit(2);
}
const evalConfig = { ...base, dataDir: path.join(base.dataDir, "eval"), local: { ...base.local, port: base.local.port + 1 } };
const target = await resolveNeo4j(evalConfig, (line) => console.error(line));
const graph = await Graph.connect(target.connection);

/** True when the database holds only the import of this bundle, succeeded after the bundle was written. */
async function holdsOnly(bundle: string): Promise<boolean> {
  const [row] = await graph.read<{ imports: number; finishedAt: string | null }>(cypher("evaluate/imported.cypher"), { source: bundle });
  if (row?.imports !== 1 || row.finishedAt === null) return false;
  return Date.parse(row.finishedAt) > statSync(bundle).mtimeMs;
}

/**
 * `--dump <dir>`: writes the county's first 300 entities with their score, ground truth and alerts
 * (flag, group, evidence) to <dir>/<county>.json, for diagnosing what fills the top of the ranking.
 */
async function dumpRanking(dir: string, name: string, folder: string): Promise<void> {
  const rows = await graph.read<{ id: string; score: number; alerts: { flag: string; llr: number | null; discount: number | null; minor: boolean | null }[] }>(
    cypher("evaluate/dump.cypher"),
  );
  const truth = await groundTruth(folder, () => true);
  const typologies = new Map<string, string[]>();
  for (const l of truth.labels) typologies.set(l.entity, [...(typologies.get(l.entity) ?? []), `${l.typology}:${l.role}`]);
  const entities = rows.map((r, rank) => ({
    rank: rank + 1,
    ...r,
    truth: typologies.get(r.id) ?? (truth.lookalikes.has(r.id) ? ["lookalike"] : truth.parties.has(r.id) ? ["party"] : []),
  }));
  const missed = [...truth.positives].filter((id) => !rows.some((r) => r.id === id)).map((id) => ({ id, truth: typologies.get(id) }));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name.replaceAll(":", "-")}.json`), JSON.stringify({ entities, missed }, null, 1));
  // What the scores stage read, so `npm run rescore` can score the county again without Neo4j.
  const alerts = await graph.read(cypher("scores/alerts-read.cypher"));
  const universe = await graph.read<RankedEntity>(cypher("evaluate/ranking.cypher"));
  const named = [...new Set(alerts.flatMap((a) => [...(a.subjects as string[]), ...(a.parties as { id: string }[]).map((p) => p.id)]))];
  const info = await graph.read<{ id: string; regions: string[] }>(cypher("scores/context.cypher"), { ids: named });
  const regions = [...new Set(info.flatMap((e) => e.regions))];
  info.push(...(await graph.read<{ id: string; regions: string[] }>(cypher("scores/context.cypher"), { ids: regions })));
  const inputs = { folder: path.resolve(folder), ids: universe.map((r) => ({ id: r.id, community: r.community })), alerts, info, baseline: await readBaselines(graph) };
  writeFileSync(path.join(dir, `${name.replaceAll(":", "-")}.inputs.json`), JSON.stringify(inputs));
}

const results: CountyResult[] = [];
const triaged: TriageReport[] = [];
try {
  await migrate(graph);
  for (const county of counties) {
    const folder = await ensureCounty(base.dataDir, county);
    const bundle = path.resolve(folder, "bundle");
    const reused = values.reuse && (await holdsOnly(bundle));
    console.error(reused ? `${county.name}: already imported, analysing…` : `${county.name}: emptying, importing, analysing…`);
    const t0 = performance.now();
    if (!reused) {
      await emptyDatabase(graph);
      await importBundle(graph, bundle, { vault: IdentifierVault.open(config().vaultDir) });
    }
    const t1 = performance.now();
    const run = await runAnalysis(graph);
    const t2 = performance.now();
    const evaluation = await evaluate(graph, folder, { k });
    if (values.dump) await dumpRanking(values.dump, county.name, folder);
    results.push({ name: county.name, evaluation, seconds: { import: reused ? null : (t1 - t0) / 1000, analysis: (t2 - t1) / 1000 }, stages: stageSeconds(run.seconds ?? {}) });
    console.error(
      `${county.name}: precision@${k} ${evaluation.precisionAtK.toFixed(3)}, recall@5% ${evaluation.recall.toFixed(3)}, AUC ${evaluation.auc.toFixed(3)}, ` +
        `look-alikes in top 5% ${evaluation.lookalikesInTop.toFixed(1)} of ${evaluation.lookalikes}, ties in top ${k} ${evaluation.tiesInK}`,
    );
    if (triageK > 0) {
      const positives = new Set(evaluation.scored.filter((p) => p.positive).map((p) => p.id));
      const verdicts = await simulateTriage(graph, positives, triageK);
      const rerun = await runAnalysis(graph);
      const after = await evaluate(graph, folder, { k });
      const skip = new Set(verdicts.entities);
      const weights = ((rerun.summary?.scored as { weights?: Record<string, number> } | undefined)?.weights ?? {}) as Record<string, number>;
      triaged.push({
        name: county.name,
        k: triageK,
        confirmed: verdicts.confirmed,
        dismissed: verdicts.dismissed,
        before: evaluation,
        after,
        freshBefore: freshPrecision(evaluation, skip, k),
        freshAfter: freshPrecision(after, skip, k),
        weights,
      });
      console.error(`${county.name}: after triage of the first ${triageK}: precision@${k} ${after.precisionAtK.toFixed(3)}, next ${k} ${triaged.at(-1)!.freshBefore.toFixed(3)} → ${triaged.at(-1)!.freshAfter.toFixed(3)}`);
    }
  }
} finally {
  await graph.close();
  await target.release();
}

console.log(reportTables(results, k));
if (triaged.length > 0) {
  console.log(`\n## Simulated triage of the first ${triageK}\n`);
  console.log(triageTable(triaged));
}
