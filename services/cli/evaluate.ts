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
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { ensureCounty, parseCounties, REPORT_COUNTIES, TUNING_COUNTIES } from "./eval-counties.ts";
import { evaluate } from "../analytics/evaluate/evaluate.ts";
import {
  calibrationTable,
  type CountyResult,
  countyTable,
  freshPrecision,
  summaryTable,
  type TriageReport,
  triageTable,
  typologyTable,
} from "../analytics/evaluate/report.ts";
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
    await runAnalysis(graph);
    const t2 = performance.now();
    const evaluation = await evaluate(graph, folder, { k });
    results.push({ name: county.name, evaluation, seconds: { import: reused ? null : (t1 - t0) / 1000, analysis: (t2 - t1) / 1000 } });
    console.error(
      `${county.name}: precision@${k} ${evaluation.precisionAtK.toFixed(3)}, recall@5% ${evaluation.recall.toFixed(3)}, AUC ${evaluation.auc.toFixed(3)}, ` +
        `look-alikes in top 5% ${evaluation.lookalikesInTop.toFixed(1)} of ${evaluation.lookalikes}, ties in top ${k} ${evaluation.tiesInK}`,
    );
    if (triageK > 0) {
      const positives = new Set(evaluation.scored.filter((p) => p.positive).map((p) => p.id));
      const verdicts = await simulateTriage(graph, positives, triageK);
      const run = await runAnalysis(graph);
      const after = await evaluate(graph, folder, { k });
      const skip = new Set(verdicts.entities);
      const weights = ((run.summary?.scored as { weights?: Record<string, number> } | undefined)?.weights ?? {}) as Record<string, number>;
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

console.log(`\n## Detection quality per county (k = ${k}, top 5%)\n`);
console.log(countyTable(results, k));
console.log(`\n## Worst county and median\n`);
console.log(summaryTable(results, k));
console.log("\n## Per typology (all counties pooled)\n");
console.log(typologyTable(results));
console.log("\n## Calibration: share of culprits per score band (all counties pooled)\n");
console.log(calibrationTable(results));
if (triaged.length > 0) {
  console.log(`\n## Simulated triage of the first ${triageK}\n`);
  console.log(triageTable(triaged));
}
