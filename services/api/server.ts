// Listens on the configured host and port and closes gracefully (then flushes the audit log).
import type { Server } from "node:http";
import type { Logger } from "pino";
import type { Config } from "../config/index.ts";
import type { Graph } from "../graph/index.ts";
import { type AppDeps, createApp } from "./app.ts";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function listen(
  cfg: Pick<Config, "host" | "port"> & Partial<Pick<Config, "api">>,
  graph: Graph,
  logger: Logger,
  extra: Omit<AppDeps, "graph" | "logger" | "config"> = {},
): Promise<RunningServer> {
  const app = createApp({ graph, logger, config: cfg.api, ...extra });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(cfg.port, cfg.host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : cfg.port;
  return {
    url: `http://${cfg.host}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await app.shutdown();
    },
  };
}
