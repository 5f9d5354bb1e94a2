// `npm start`: the whole product with the county demo — Neo4j up, the seeded county generated and
// imported, the analysis run, the API answering. A second start reuses what is already there.
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { recoverInterruptedRuns, runAnalysis } from "../analytics/run.ts";
import { demoKeys } from "../api/auth/keys.ts";
import type { RunningServer } from "../api/server.ts";
import type { ServiceStore } from "../store/index.ts";
import { config } from "../config/index.ts";
import { cypher } from "../graph/index.ts";
import { importBundle } from "../ingest/index.ts";
import { createLogger } from "../logger.ts";
import { generateCounty } from "../../seed/generate.ts";
import { onSignals, serveApi, startRuntime } from "./runtime.ts";

const cfg = config();
const logger = createLogger("demo");
const runtime = await startRuntime(logger);
let server: (RunningServer & { store: ServiceStore }) | undefined;
onSignals(async () => {
  await server?.close();
  await runtime.shutdown();
}, logger);
const { graph } = runtime;

try {
  const folder = path.join(cfg.dataDir, "bundles", `${cfg.demo.scale}-${cfg.demo.seed}`);
  const bundleDir = path.join(folder, "bundle");
  if (!existsSync(bundleDir)) {
    // Generate beside the final place and rename, so an interrupted run never leaves half a bundle.
    const partial = `${folder}.partial`;
    rmSync(partial, { recursive: true, force: true });
    logger.info({ scale: cfg.demo.scale, seed: cfg.demo.seed }, "generating the synthetic county");
    const generated = await generateCounty({ scale: cfg.demo.scale, seed: cfg.demo.seed, out: partial });
    renameSync(partial, folder);
    logger.info({ seconds: generated.seconds, rows: generated.rows }, "county generated");
  }

  const state = async () =>
    (await graph.read<{ imported: boolean; analysed: boolean }>(cypher("demo/state.cypher"), { source: bundleDir }))[0]!;
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
  // One key per role, to try each at once (kept in DATA_DIR/keys/demo-<role>.key, mode 0600).
  const keys = await demoKeys(server.store, path.join(cfg.dataDir, "keys"));
  const width = Math.max(...keys.map((k) => k.role.length));
  process.stdout.write(
    `\nDemo API keys (one per role; the saved-query page is ${server.url}/queries/):\n${keys.map((k) => `  ${k.role.padEnd(width)}  ${k.key}`).join("\n")}\n\n`,
  );
} catch (error) {
  logger.error({ err: error }, "demo start failed");
  await runtime.shutdown();
  process.exit(1);
}
