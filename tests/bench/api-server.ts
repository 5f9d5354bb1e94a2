// The API benchmark's server process: the product app (services/api/app.ts) exactly as `npm run
// serve` builds it, plus the naive baseline (tests/bench/naive-risk.ts) under /bench/v1 behind the
// same audit and API-key checks, with the risk view's counters at /bench/v1/risk-view. Bench-only:
// the product never mounts these. It says it listens once the risk view is built (RISK_REFRESH_MS > 0).
// Configured by the environment like the product (DATA_DIR, NEO4J_LOCAL_PORT or NEO4J_URI, HOST, PORT).
import http from "node:http";
import { Session } from "node:inspector/promises";
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
outer.set("etag", false);
// The risk view's counters, so the bench can report how many answers each scenario took from it.
const viewStats = express.Router().get("/risk-view", (_req, res) => void res.json(app.risk.stats()));
// A CPU profile of this process between /profile/start and /profile/stop (the profile as JSON).
const inspector = new Session();
inspector.connect();
const profiler = express
  .Router()
  .post("/profile/start", async (_req, res) => {
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.setSamplingInterval", { interval: 200 });
    await inspector.post("Profiler.start");
    res.json({ started: true });
  })
  .post("/profile/stop", async (_req, res) => {
    const { profile } = await inspector.post("Profiler.stop");
    res.json(profile);
  });
outer.use(BASELINE_PREFIX, auditRequests(app.audit), authenticate(app.keys), express.json(), viewStats, profiler, naiveRiskRouter(runtime.graph), notFound);
outer.use(app);
outer.use(errorHandler(logger));

await app.risk.ready();
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
