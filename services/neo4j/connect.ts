// Chooses the Neo4j to use: NEO4J_URI when configured, else the local launcher (started on demand).
import type { Config } from "../config/index.ts";
import type { Connection } from "../graph/index.ts";
import { ensureGdsInstalled, ensureInstalled } from "./install.ts";
import { localPassword, startLocal, stopLocal } from "./local.ts";

export interface Neo4jTarget {
  connection: Connection;
  /** True when this process started the local server (and so should stop it on exit). */
  startedHere: boolean;
  /** Stops the local server if this process started it; a no-op otherwise. */
  release(): Promise<void>;
}

export async function resolveNeo4j(config: Config, progress: (line: string) => void = () => {}): Promise<Neo4jTarget> {
  if (config.neo4jUri) {
    if (!config.neo4jPassword) throw new Error("NEO4J_URI is set but NEO4J_PASSWORD is not");
    return {
      connection: { uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase },
      startedHere: false,
      release: async () => {},
    };
  }
  if (config.local.gds) await ensureGdsInstalled(progress);
  else await ensureInstalled(progress);
  const options = { dataDir: config.dataDir, ...config.local, password: config.neo4jPassword };
  progress(`Starting local Neo4j on 127.0.0.1:${config.local.port}${config.local.gds ? " with Graph Data Science" : ""}…`);
  const server = await startLocal(options);
  progress(server.started ? `Local Neo4j ready at ${server.uri}` : `Reusing local Neo4j already running at ${server.uri}`);
  return {
    connection: { uri: server.uri, user: "neo4j", password: localPassword(options), database: config.neo4jDatabase },
    startedHere: server.started,
    release: async () => {
      if (server.started) await stopLocal(config.dataDir);
    },
  };
}
