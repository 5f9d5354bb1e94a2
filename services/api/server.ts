// Listens on the configured host and port (HTTPS when TLS files are configured) and closes
// gracefully: requests in flight finish, then the audit trail is flushed.
import { readFileSync } from "node:fs";
import http, { type Server } from "node:http";
import https from "node:https";
import type { Logger } from "pino";
import type { Config } from "../config/index.ts";
import type { Graph } from "../graph/index.ts";
import { type AppDeps, createApp } from "./app.ts";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function listen(
  cfg: Pick<Config, "host" | "port"> & Partial<Pick<Config, "api" | "tls">>,
  graph: Graph,
  logger: Logger,
  extra: Omit<AppDeps, "graph" | "logger" | "config"> = {},
): Promise<RunningServer> {
  const app = createApp({ graph, logger, config: cfg.api, ...extra });
  const server: Server = cfg.tls ? https.createServer({ cert: readFileSync(cfg.tls.certFile), key: readFileSync(cfg.tls.keyFile) }, app) : http.createServer(app);
  // Slow clients cannot hold a connection open: headers within 20 s, the whole request within 60 s.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(cfg.port, cfg.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : cfg.port;
  return {
    url: `${cfg.tls ? "https" : "http"}://${cfg.host}:${port}`,
    close: () => drainAndClose(server, () => app.shutdown(), logger),
  };
}

/**
 * Graceful shutdown: stop accepting, let the requests in flight finish (their audit records are
 * written before their answers), drop what is still open after `graceMs`, then flush the audit
 * trail and close the store (`finish`); the caller closes the driver after.
 */
export async function drainAndClose(server: Server, finish: () => Promise<void>, logger: Logger, graceMs = 10_000): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => {
    logger.warn({ graceMs }, "requests still open at shutdown were cut");
    server.closeAllConnections();
  }, graceMs);
  timer.unref();
  await closed;
  clearTimeout(timer);
  await finish();
}
