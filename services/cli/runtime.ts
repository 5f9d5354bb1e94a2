// Shared start-up of the entry points that work on the database (demo, serve, analyze): the Neo4j
// target (the local server started when needed, or NEO4J_URI), the graph connection and the
// schema; for an empty local database, the offline import that fills the store before the server
// starts; and for those that serve, the API with its first admin key and the stop on SIGINT/SIGTERM.
import path from "node:path";
import type { Logger } from "pino";
import { recoverInterruptedRuns } from "../analytics/run.ts";
import { AuditLog } from "../api/audit/log.ts";
import { ApiKeys, bootstrapKeyFile, ensureBootstrapKey } from "../api/auth/keys.ts";
import { moveRecordsOutOfGraph } from "../api/move-records.ts";
import { listen, type RunningServer } from "../api/server.ts";
import { type Config, ConfigError, config } from "../config/index.ts";
import { Graph, migrate } from "../graph/index.ts";
import { importBundleOffline, type ImportProgress, type ImportReport, type LoadedStore, type OfflineLoader } from "../ingest/index.ts";
import { type Neo4jTarget, resolveNeo4j } from "../neo4j/connect.ts";
import { IdentifierVault, ServiceStore } from "../store/index.ts";
import { importerOutput } from "../neo4j/importer-output.ts";

export { canImportOffline } from "../neo4j/connect.ts";

export interface Runtime {
  target: Neo4jTarget;
  graph: Graph;
  /** Closes the graph and stops the local Neo4j if this process started it. */
  shutdown(): Promise<void>;
}

function runtime(target: Neo4jTarget, graph: Graph): Runtime {
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
  return runtime(target, graph);
}

export interface OfflineStart {
  allowPartial?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * The loader of the offline path for a configuration: starts its local server (after the importer,
 * when given files) with the importer's progress turned into import progress; `started()` is the
 * runtime once the server answers.
 */
export function offlineLoader(cfg: Config, log: (line: string) => void, onProgress?: (progress: ImportProgress) => void): OfflineLoader & { started(): Runtime | undefined } {
  let started: Runtime | undefined;
  return {
    started: () => started,
    async start(load) {
      let store: LoadedStore | undefined;
      const steps: Record<string, number> = {};
      const parse = importerOutput();
      const onLine = (line: string) => {
        const event = parse(line);
        if (event?.kind === "progress" && load) {
          const total = event.name === "Node import" ? load.nodes : load.relationships;
          onProgress?.({ stage: "load", file: event.name, rows: Math.round((total * event.percent) / 100), totalRows: total });
        } else if (event?.kind === "completed") steps[event.name] = event.seconds;
        else if (event?.kind === "done") {
          store = { nodes: event.nodes, relationships: event.relationships, properties: event.properties, importerSeconds: event.wallSeconds, steps, peakMemory: event.peakMemory };
        }
      };
      const target = await resolveNeo4j(cfg, log, load ? { importArgs: load.args, onLine } : {});
      try {
        started = runtime(target, await Graph.connect(target.connection));
      } catch (error) {
        await target.release();
        throw error;
      }
      return { graph: started.graph, store };
    },
  };
}

/**
 * Imports `folder` into the empty local database of `cfg` with the offline importer, then starts the
 * server on it (see canImportOffline). On failure nothing is left running; a rejected bundle leaves
 * the server stopped and its rejection recorded.
 */
export async function startRuntimeWithImport(logger: Logger, folder: string, options: OfflineStart = {}, cfg: Config = config()): Promise<Runtime & { report: ImportReport }> {
  const loader = offlineLoader(cfg, (line) => logger.info(line.trim()), options.onProgress);
  try {
    const { report } = await importBundleOffline(folder, loader, {
      allowPartial: options.allowPartial,
      database: cfg.neo4jDatabase,
      workDir: path.join(cfg.dataDir, "neo4j", "import"),
      onProgress: options.onProgress,
      vault: IdentifierVault.open(cfg.vaultDir),
    });
    return { ...(loader.started() as Runtime), report };
  } catch (error) {
    await loader.started()?.shutdown();
    throw error;
  }
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
