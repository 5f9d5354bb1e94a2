// Shared start-up of the entry points that work on the database (demo, serve, analyze): the Neo4j
// target (started locally when needed), the graph connection and the schema; and for those that
// serve, the API with its first admin key and the stop on SIGINT/SIGTERM.
import type { Logger } from "pino";
import { recoverInterruptedRuns } from "../analytics/run.ts";
import { bootstrapKeyFile, ensureBootstrapKey } from "../api/auth/keys.ts";
import { listen, type RunningServer } from "../api/server.ts";
import { config } from "../config/index.ts";
import { Graph, migrate } from "../graph/index.ts";
import { type Neo4jTarget, resolveNeo4j } from "../neo4j/connect.ts";

export interface Runtime {
  target: Neo4jTarget;
  graph: Graph;
  /** Closes the graph and stops the local Neo4j if this process started it. */
  shutdown(): Promise<void>;
}

export async function startRuntime(logger: Logger): Promise<Runtime> {
  const target = await resolveNeo4j(config(), (line) => logger.info(line.trim()));
  let graph: Graph;
  try {
    graph = await Graph.connect(target.connection);
    const migration = await migrate(graph);
    logger.info({ schemaVersion: migration.version, applied: migration.applied }, "schema ready");
  } catch (error) {
    await target.release();
    throw error;
  }
  return {
    target,
    graph,
    shutdown: async () => {
      try {
        await graph.close();
      } finally {
        await target.release();
      }
    },
  };
}

/** Runs `shutdown` once on SIGINT/SIGTERM, then exits. */
export function onSignals(shutdown: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    shutdown()
      .catch((error: unknown) => logger.error({ err: error }, "shutdown failed"))
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

/** Serves the API: interrupted analysis runs are closed, a first admin key is made if none exists. */
export async function serveApi(runtime: Runtime, logger: Logger): Promise<RunningServer> {
  const recovered = await recoverInterruptedRuns(runtime.graph);
  if (recovered > 0) logger.warn({ recovered }, "analysis runs interrupted by an earlier stop were marked failed");
  await ensureBootstrapKey(runtime.graph, bootstrapKeyFile(config().dataDir), (line) => logger.info(line));
  const server = await listen(config(), runtime.graph, logger);
  logger.info(`API listening on ${server.url} (health: ${server.url}/health/ready, spec: ${server.url}/api/openapi.json)`);
  return server;
}
