// `npm run evaluate`: generates seeded counties, analyses each, and reports detection quality
// against the planted ground truth. Runs on its own local Neo4j (data dir `eval`, port + 1),
// because each county empties the database. Weights were tuned on seed 42 only; the report
// seeds below are kept apart from it. `--reuse` skips emptying and re-importing when the database
// holds exactly this county's bundle, imported after the bundle was generated (re-analysis only).
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { evaluate, type Evaluation } from "../analytics/evaluate/evaluate.ts";
import { runAnalysis } from "../analytics/run.ts";
import { config } from "../config/index.ts";
import { cypher, emptyDatabase, Graph, migrate } from "../graph/index.ts";
import { importBundle } from "../ingest/index.ts";
import { resolveNeo4j } from "../neo4j/connect.ts";
import { generateCounty } from "../../seed/generate.ts";
import { table } from "./progress.ts";

const REPORT_COUNTIES = "small:1001,small:2002,small:3003,county:4004";

const { values } = parseArgs({
  options: {
    counties: { type: "string", default: REPORT_COUNTIES },
    k: { type: "string", default: "100" },
    yes: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
  },
});
const base = config();
if (base.neo4jUri && !values.yes) {
  console.error(`NEO4J_URI is set: evaluation empties the database at ${base.neo4jUri}. Pass --yes if that is what you want.`);
  process.exit(2);
}
const evalConfig = { ...base, dataDir: path.join(base.dataDir, "eval"), local: { ...base.local, port: base.local.port + 1 } };
const target = await resolveNeo4j(evalConfig, (line) => console.error(line));
const graph = await Graph.connect(target.connection);
const counties = values.counties.split(",").map((c) => {
  const [scale, seed] = c.split(":");
  if ((scale !== "small" && scale !== "county" && scale !== "province") || !seed) throw new Error(`bad county ${c}: use scale:seed`);
  return { scale: scale as "small" | "county" | "province", seed: Number(seed) };
});

/** True when the database holds only the import of this bundle, succeeded after the bundle was written. */
async function holdsOnly(bundle: string): Promise<boolean> {
  const [row] = await graph.read<{ imports: number; finishedAt: string | null }>(cypher("evaluate/imported.cypher"), { source: bundle });
  if (row?.imports !== 1 || row.finishedAt === null) return false;
  return Date.parse(row.finishedAt) > statSync(bundle).mtimeMs;
}

const results: { name: string; evaluation: Evaluation; seconds: Record<string, number | null> }[] = [];
try {
  await migrate(graph);
  for (const { scale, seed } of counties) {
    const name = `${scale}:${seed}`;
    const folder = path.join(base.dataDir, "eval", "bundles", `${scale}-${seed}`);
    if (!existsSync(path.join(folder, "bundle"))) {
      rmSync(`${folder}.partial`, { recursive: true, force: true });
      await generateCounty({ scale, seed, out: `${folder}.partial` });
      renameSync(`${folder}.partial`, folder);
    }
    const bundle = path.resolve(folder, "bundle");
    const reused = values.reuse && (await holdsOnly(bundle));
    console.error(reused ? `${name}: already imported, analysing…` : `${name}: emptying, importing, analysing…`);
    const t0 = performance.now();
    if (!reused) {
      await emptyDatabase(graph);
      await importBundle(graph, bundle);
    }
    const t1 = performance.now();
    const run = await runAnalysis(graph);
    const t2 = performance.now();
    const evaluation = await evaluate(graph, path.join(folder, "labels.csv"), path.join(folder, "lookalikes.csv"), { k: Number(values.k) });
    results.push({ name, evaluation, seconds: { import: reused ? null : (t1 - t0) / 1000, analysis: (t2 - t1) / 1000 } });
    console.error(`${name}: precision@${values.k} ${evaluation.precisionAtK.toFixed(3)}, recall@5% ${evaluation.recall.toFixed(3)}, AUC ${evaluation.auc.toFixed(3)}`);
    void run;
  }
} finally {
  await graph.close();
  await target.release();
}

const f = (x: number | null) => (x === null || Number.isNaN(x) ? "–" : x.toFixed(3));
console.log(`\n## Detection quality (k = ${values.k}, top 5%)\n`);
console.log(
  table([
    ["county", "entities", "positives", `precision@${values.k}`, "recall@5%", "recall ceiling", "scheme recall@5%", "ROC AUC", "look-alike FPR", "ring NMI", "import s", "analysis s"],
    ...results.map((r) => [
      r.name,
      r.evaluation.entities,
      r.evaluation.positives,
      f(r.evaluation.precisionAtK),
      f(r.evaluation.recall),
      f(r.evaluation.recallCeiling),
      f(r.evaluation.schemeRecall),
      f(r.evaluation.auc),
      f(r.evaluation.lookalikeFpr),
      f(r.evaluation.ringNmi),
      r.seconds.import?.toFixed(1) ?? "reused",
      r.seconds.analysis?.toFixed(1) ?? "–",
    ]),
  ]),
);
console.log("\n## Per typology (all counties pooled)\n");
const typologies = [...new Set(results.flatMap((r) => r.evaluation.typologies.map((t) => t.typology)))].sort();
console.log(
  table([
    ["typology", "instances", "entities", "entity recall@5%", "instance recall@5%", "flag precision", "alerts"],
    ...typologies.map((t) => {
      const rows = results.flatMap((r) => r.evaluation.typologies.filter((x) => x.typology === t));
      const sum = (g: (x: (typeof rows)[number]) => number) => rows.reduce((a, x) => a + g(x), 0);
      const entities = sum((x) => x.entities);
      const instances = sum((x) => x.instances);
      const alerts = sum((x) => x.alerts);
      const precise = sum((x) => (x.flagPrecision ?? 0) * x.alerts);
      return [t, instances, entities, f(sum((x) => x.recall * x.entities) / entities), f(sum((x) => x.instanceRecall * x.instances) / instances), f(alerts ? precise / alerts : null), alerts];
    }),
  ]),
);
