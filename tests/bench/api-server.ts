// The API benchmark's server process: the product app (services/api/app.ts) exactly as `npm run
// serve` builds it, plus the naive baseline (tests/bench/naive-risk.ts) under /bench/v1 behind the
// same audit and API-key checks, with the risk cache's counters at /bench/v1/risk-cache. Bench-only:
// the product never mounts these.
// Configured by the environment like the product (DATA_DIR, NEO4J_LOCAL_PORT or NEO4J_URI, HOST, PORT).
import http from "node:http";
import express from "express";
import { createApp } from "../../services/api/app.ts";
import { auditRequests } from "../../services/api/audit/middleware.ts";
import { authenticate } from "../../services/api/auth/middleware.ts";
import { errorHandler, notFound } from "../../services/api/problem.ts";
import { onSignals, startRuntime } from "../../services/cli/runtime.ts";
import { config } from "../../services/config/index.ts";
import { createLogger } from "../../services/logger.ts";
import { naiveRiskRouter } from "./naive-risk.ts";

const BASELINE_PREFIX = "/bench/v1";

const logger = createLogger("bench-api");
const runtime = await startRuntime(logger);
const app = createApp({ graph: runtime.graph, logger });
const outer = express();
outer.disable("x-powered-by");
// The risk cache's counters, so the bench can report each scenario's hit ratio.
const cacheStats = express.Router().get("/risk-cache", (_req, res) => void res.json(app.riskCache.stats()));
outer.use(BASELINE_PREFIX, auditRequests(app.audit), authenticate(app.keys), express.json(), cacheStats, naiveRiskRouter(runtime.graph), notFound);
outer.use(app);
outer.use(errorHandler(logger));

const cfg = config();
const server = http.createServer(outer);
await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(cfg.port, cfg.host, () => resolve());
});
// The parent waits for this line.
console.log(JSON.stringify({ listening: `http://${cfg.host}:${cfg.port}` }));
onSignals(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await app.shutdown();
  await runtime.shutdown();
}, logger);
