// Chooses the Neo4j to use: NEO4J_URI when configured, else the local launcher (started on demand).
import type { Config } from "../config/index.ts";
import type { Connection } from "../graph/index.ts";
import { ensureGdsInstalled, ensureInstalled } from "./install.ts";
import { localPassword, runningServer, startLocal, stopLocal, storeExists, type StartOptions } from "./local.ts";

export interface Neo4jTarget {
  connection: Connection;
  /** True when this process started the local server (and so should stop it on exit). */
  startedHere: boolean;
  /** Stops the local server if this process started it; a no-op otherwise. */
  release(): Promise<void>;
}

/**
 * Whether an import may go through the offline importer: the database is the local one, its
 * server is not running and it has no store yet (a fresh clone, or after `npm run db:reset`).
 */
export function canImportOffline(config: Config): boolean {
  return !config.neo4jUri && !runningServer(config.dataDir) && !storeExists(config.dataDir);
}

export async function resolveNeo4j(config: Config, progress: (line: string) => void = () => {}, start: StartOptions = {}): Promise<Neo4jTarget> {
  if (config.external) {
    if (start.importArgs) throw new Error("the offline importer only fills the local database, and NEO4J_URI is set");
    return {
      connection: config.external,
      startedHere: false,
      release: async () => {},
    };
  }
  if (config.local.gds) await ensureGdsInstalled(progress);
  else await ensureInstalled(progress);
  const options = { dataDir: config.dataDir, ...config.local, password: config.neo4jPassword };
  const where = `127.0.0.1:${config.local.port}${config.local.gds ? " with Graph Data Science" : ""}`;
  progress(start.importArgs ? `Loading the store and starting local Neo4j on ${where}…` : `Starting local Neo4j on ${where}…`);
  const server = await startLocal(options, start);
  progress(server.started ? `Local Neo4j ready at ${server.uri}` : `Reusing local Neo4j already running at ${server.uri}`);
  return {
    connection: { uri: server.uri, user: "neo4j", password: localPassword(options), database: config.neo4jDatabase },
    startedHere: server.started,
    release: async () => {
      if (server.started) await stopLocal(config.dataDir);
    },
  };
}
