// `npm start`: the whole product with the county demo — the seeded county generated, loaded into Neo4j
// (by the offline importer when the local database is empty, else by the online loader), analysed,
// and the API answering. A second start reuses the bundle, the data and the analysis.
import path from "node:path";
import { recoverInterruptedRuns, runAnalysis } from "../analytics/run.ts";
import { demoKeys } from "../api/auth/keys.ts";
import type { RunningServer } from "../api/server.ts";
import { IdentifierVault, type ServiceStore } from "../store/index.ts";
import { config } from "../config/index.ts";
import { cypher } from "../graph/index.ts";
import { importBundle, type ImportReport } from "../ingest/index.ts";
import { createLogger } from "../logger.ts";
import { ensureInstalled } from "../neo4j/install.ts";
import { ensureGenerated, isGenerated } from "../../seed/generate.ts";
import { duration, importProgress, progressBar, stageProgress } from "./progress.ts";
import { canImportOffline, onSignals, type Runtime, serveApi, startRuntime, startRuntimeWithImport } from "./runtime.ts";

const cfg = config();
const logger = createLogger("demo");
const started = performance.now();
/** Seconds per stage of this start, for the closing line. */
const times: [string, number][] = [];
let runtime: Runtime | undefined;
let server: (RunningServer & { store: ServiceStore }) | undefined;
onSignals(async () => {
  await server?.close();
  await runtime?.shutdown();
}, logger);

async function timed<T>(stage: string, work: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await work();
  } finally {
    times.push([stage, (performance.now() - t) / 1000]);
  }
}

/** A path as a person would type it here: relative when inside the working folder. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/** The demo county's bundle folder, generated on first use or when an earlier generator wrote it
 *  (drawn beside its place, then renamed); `fresh` when it was drawn now. */
async function demoBundle(): Promise<{ bundleDir: string; fresh: boolean }> {
  const folder = path.join(cfg.dataDir, "bundles", `${cfg.demo.scale}-${cfg.demo.seed}`);
  const bundleDir = path.join(folder, "bundle");
  const target = { scale: cfg.demo.scale, seed: cfg.demo.seed, out: folder };
  if (isGenerated(target)) {
    logger.info({ bundle: bundleDir }, "reusing the generated county");
    return { bundleDir, fresh: false };
  }
  logger.info({ scale: cfg.demo.scale, seed: cfg.demo.seed }, "generating the synthetic county");
  const progress = stageProgress(logger, "generate", { unit: "townships" });
  const generated = await timed("generate", () => ensureGenerated({ ...target, onProgress: (done, total) => progress.update("townships", done, total) }));
  progress.end();
  if (generated !== undefined) {
    const rows = Object.entries(generated.rows).filter(([file]) => !/^(labels|lookalikes|parties)/.test(file));
    logger.info({ seconds: generated.seconds, rows: rows.reduce((n, [, r]) => n + r, 0), profile: generated.profiles[0] }, "county generated");
  }
  return { bundleDir, fresh: true };
}

function logImport(report: ImportReport): void {
  const { offline } = report;
  if (offline) {
    const steps = Object.entries(offline.steps).map(([step, s]) => `${step.toLowerCase()} ${s.toFixed(1)} s`).join(", ");
    times.push(["check + files", offline.checkAndFiles], ["importer", offline.importer], ["server start", offline.serverStart], ["schema", offline.schema]);
    logger.info(
      { rows: report.rows.valid, nodes: report.nodesCreated, relationships: report.relationshipsCreated, seconds: Math.round(report.seconds * 10) / 10, peakMemory: offline.peakMemory },
      `imported with Neo4j's offline importer (${steps})`,
    );
  } else {
    logger.info({ rows: report.rows.valid, nodes: report.nodesCreated, relationships: report.relationshipsCreated, seconds: Math.round(report.seconds * 10) / 10 }, "imported");
  }
}

try {
  if (!cfg.neo4jUri) await timed("neo4j install", () => ensureInstalled((line) => logger.info(line.trim())));
  const { bundleDir, fresh } = await demoBundle();
  const progress = importProgress(logger);
  if (canImportOffline(cfg)) {
    logger.info({ bundle: bundleDir }, "the local database is empty: loading it with Neo4j's offline importer");
    const loaded = await startRuntimeWithImport(logger, bundleDir, { onProgress: progress.update });
    progress.end();
    runtime = loaded;
    logImport(loaded.report);
  } else {
    runtime = await timed("neo4j start", () => startRuntime(logger));
    const graph = runtime.graph;
    const [state] = await graph.read<{ imported: boolean }>(cypher("demo/state.cypher"), { source: bundleDir });
    if (!state?.imported) {
      logger.info({ bundle: bundleDir }, "importing");
      const report = await timed("import", () => importBundle(graph, bundleDir, { onProgress: progress.update, vault: IdentifierVault.open(config().vaultDir) }));
      progress.end();
      logImport(report);
    } else if (fresh) {
      // A bundle an earlier generator wrote at this path was imported: its data is still in the database.
      logger.warn("the database holds the county an earlier generator wrote; `npm run db:reset -- --yes` and start again to see the new one");
    } else logger.info({ bundle: bundleDir }, "bundle already imported");
  }

  const graph = runtime.graph;
  const [state] = await graph.read<{ analysed: boolean }>(cypher("demo/state.cypher"), { source: bundleDir });
  if (!state?.analysed) {
    await recoverInterruptedRuns(graph);
    logger.info("running the analysis (detectors, communities, risk scores)");
    const bar = progressBar(logger);
    const run = await timed("analysis", () => runAnalysis(graph, { onProgress: (p) => bar.update(p.progress, p.detail ? `${p.stage}: ${p.detail}` : p.stage) }));
    bar.done();
    const summary = (run.summary ?? {}) as { hits?: Record<string, number>; communities?: number; modularity?: number; scored?: unknown };
    const alerts = Object.values(summary.hits ?? {}).reduce((n, h) => n + h, 0);
    logger.info({ alerts, communities: summary.communities, modularity: summary.modularity, scored: summary.scored }, "analysis done (per-stage seconds: npm run analyze, or GET /api/v1/analysis/runs/:id)");
  } else logger.info("analysis already up to date");

  server = await serveApi(runtime, logger);
  const total = (performance.now() - started) / 1000;
  const install = times.find(([stage]) => stage === "neo4j install")?.[1] ?? 0;
  const stages = times.filter(([stage]) => stage !== "neo4j install").map(([stage, s]) => `${stage} ${s.toFixed(1)} s`);
  logger.info(`ready in ${duration(total - install)}${install >= 1 ? ` (+ ${duration(install)} fetching Neo4j)` : ""}: ${stages.join(", ")}`);
  logger.info(`open ${server.url}/ in a browser (saved queries: ${server.url}/queries)`);
  // One key per role, to try each at once (kept in DATA_DIR/keys/demo-<role>.key, mode 0600).
  const keyDir = path.join(cfg.dataDir, "keys");
  const keys = await demoKeys(server.store, keyDir);
  const width = Math.max(...keys.map((k) => k.role.length));
  logger.info(`sign in with a demo key, one per role (also in ${shown(keyDir)}/demo-<role>.key):\n${keys.map((k) => `  ${k.role.padEnd(width)}  ${k.key}`).join("\n")}`);
  logger.info("make keys of your own with `npm run keys -- create --role investigator --name <you>`; Ctrl-C stops the service and the Neo4j it started");
} catch (error) {
  logger.error({ err: error }, "demo start failed");
  await runtime?.shutdown();
  process.exit(1);
}
