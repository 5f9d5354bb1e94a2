// Shared start-up for the long-running entry points: Neo4j target, graph connection, schema.
import type { Logger } from "pino";
import { recoverInterruptedRuns } from "../analytics/run.ts";
import { AuditLog } from "../api/audit/log.ts";
import { ApiKeys, bootstrapKeyFile, ensureBootstrapKey } from "../api/auth/keys.ts";
import { moveRecordsOutOfGraph } from "../api/move-records.ts";
import { listen, type RunningServer } from "../api/server.ts";
import { ConfigError, config } from "../config/index.ts";
import { Graph, migrate } from "../graph/index.ts";
import { type Neo4jTarget, resolveNeo4j } from "../neo4j/connect.ts";
import { ServiceStore } from "../store/index.ts";

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

/**
 * Serves the API: interrupted analysis runs are closed, the service's records still in the graph
 * (an older version's) are moved out of it, a first admin key is made if none exists.
 */
export async function serveApi(runtime: Runtime, logger: Logger): Promise<RunningServer & { store: ServiceStore }> {
  const recovered = await recoverInterruptedRuns(runtime.graph);
  if (recovered > 0) logger.warn({ recovered }, "analysis runs interrupted by an earlier stop were marked failed");
  const settings = config().api;
  const store = new ServiceStore(settings.serviceDir);
  const moving = new AuditLog(settings.audit.dir, logger, settings.audit);
  const moved = await moveRecordsOutOfGraph(runtime.graph, store, moving).finally(() => moving.close());
  if (moved.keys + moved.auditEvents + moved.queries + moved.runs > 0) logger.info(moved, "moved the service's records out of the graph (keys, audit events, saved queries, runs)");
  if (config().production) {
    // In production keys are made on purpose beforehand, never on the fly into a file.
    if (!(await new ApiKeys(store, 0).adminExists())) {
      await store.close();
      throw new ConfigError("NODE_ENV=production refuses to start without API keys: create an admin key first (npm run keys -- create --role admin --name <name>)");
    }
  } else await ensureBootstrapKey(store, bootstrapKeyFile(config().dataDir), (line) => logger.info(line));
  const server = await listen(config(), runtime.graph, logger, { store });
  logger.info(`API listening on ${server.url} (health: ${server.url}/health/ready, spec: ${server.url}/api/openapi.json)`);
  return { ...server, store };
}
