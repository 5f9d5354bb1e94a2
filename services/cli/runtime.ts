// Shared start-up for the long-running entry points: Neo4j target, graph connection, schema.
import type { Logger } from "pino";
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
