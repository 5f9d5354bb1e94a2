// `npm start`: the whole product with the county demo — Neo4j up, the seeded county generated and
// imported, the analysis run, the API answering. A second start reuses what is already there.
import path from "node:path";
import { recoverInterruptedRuns, runAnalysis } from "../analytics/run.ts";
import type { RunningServer } from "../api/server.ts";
import { config } from "../config/index.ts";
import { cypher } from "../graph/index.ts";
import { importBundle } from "../ingest/index.ts";
import { createLogger } from "../logger.ts";
import { ensureGenerated, isGenerated } from "../../seed/generate.ts";
import { onSignals, serveApi, startRuntime } from "./runtime.ts";

const cfg = config();
const logger = createLogger("demo");
const runtime = await startRuntime(logger);
let server: RunningServer | undefined;
onSignals(async () => {
  await server?.close();
  await runtime.shutdown();
}, logger);
const { graph } = runtime;

try {
  const folder = path.join(cfg.dataDir, "bundles", `${cfg.demo.scale}-${cfg.demo.seed}`);
  const bundleDir = path.join(folder, "bundle");
  const target = { scale: cfg.demo.scale, seed: cfg.demo.seed, out: folder };
  const state = async () =>
    (await graph.read<{ imported: boolean; analysed: boolean }>(cypher("demo/state.cypher"), { source: bundleDir }))[0]!;
  if (!isGenerated(target)) {
    logger.info({ scale: cfg.demo.scale, seed: cfg.demo.seed }, "generating the synthetic county");
    const generated = await ensureGenerated(target);
    if (generated !== undefined) logger.info({ seconds: generated.seconds, rows: generated.rows, profile: generated.profiles[0] }, "county generated");
    // A bundle from an earlier generator was imported at this path: its data is still in the database.
    if ((await state()).imported) logger.warn("the database holds the county an earlier generator wrote; `npm run db:reset -- --yes` and start again to see the new one");
  }

  if (!(await state()).imported) {
    logger.info({ bundle: bundleDir }, "importing");
    const report = await importBundle(graph, bundleDir, {
      onProgress: (p) => logger.debug(p, "import progress"),
    });
    logger.info({ rows: report.rows.valid, nodes: report.nodesCreated, relationships: report.relationshipsCreated, seconds: report.seconds }, "imported");
  } else logger.info({ bundle: bundleDir }, "bundle already imported");

  if (!(await state()).analysed) {
    await recoverInterruptedRuns(graph);
    logger.info("running the analysis (flags, communities, scores)");
    const run = await runAnalysis(graph, { onProgress: (p) => logger.debug(p, "analysis progress") });
    logger.info({ seconds: run.seconds, summary: run.summary }, "analysis done");
  } else logger.info("analysis already up to date");

  server = await serveApi(runtime, logger);
} catch (error) {
  logger.error({ err: error }, "demo start failed");
  await runtime.shutdown();
  process.exit(1);
}
