// Builds the Express application from its dependencies; server.ts listens on it.
// /health and /api/openapi.json are open; everything under /api/v1 is audited, then needs an API
// key (401), then a role the route allows (403).
import express, { Router } from "express";
import type { Logger } from "pino";
import { onAnalysisFinished } from "../analytics/events.ts";
import { type ApiConfig, config } from "../config/index.ts";
import type { Graph } from "../graph/index.ts";
import { IdentifierVault, ServiceStore } from "../store/index.ts";
import { analysisRouter } from "./analysis/router.ts";
import { type AnalysisRunner, analyticsRunner } from "./analysis/runner.ts";
import { alertsRouter } from "./alerts/router.ts";
import { AuditLog } from "./audit/log.ts";
import { auditRequests } from "./audit/middleware.ts";
import { auditRouter } from "./audit/router.ts";
import { ApiKeys } from "./auth/keys.ts";
import { authenticate } from "./auth/middleware.ts";
import { keysRouter } from "./auth/router.ts";
import { loginRouter, sessionRouter } from "./auth/session-router.ts";
import { Sessions } from "./auth/sessions.ts";
import { communitiesRouter } from "./communities/router.ts";
import { entitiesRouter } from "./entities/router.ts";
import { cors, RateLimiter, rateLimit, requestTimeout, securityHeaders } from "./hardening.ts";
import { healthRouter } from "./health/router.ts";
import { type Importer, ingestImporter } from "./imports/importer.ts";
import { importsRouter } from "./imports/router.ts";
import { openApiDocument } from "./openapi.ts";
import { pagesRouter } from "./pages/router.ts";
import { pathsRouter } from "./paths/router.ts";
import { errorHandler, notFound } from "./problem.ts";
import { queriesRouter } from "./queries/router.ts";
import { RiskReadModel } from "./risk/model.ts";
import { RiskRepository } from "./risk/repository.ts";
import { riskRouter } from "./risk/router.ts";
import { schemaRouter } from "./schema/router.ts";
import { API_PREFIX } from "./route.ts";

export interface AppDeps {
  graph: Graph;
  logger: Logger;
  /** API settings; those of the process configuration when unset. */
  config?: ApiConfig;
  /** Starts and reads analysis runs; services/analytics/run.ts when unset. */
  analysis?: AnalysisRunner;
  /** Imports bundles; services/ingest when unset. */
  importer?: Importer;
  /** The service's own records (keys, sessions, saved queries); opened on `config.serviceDir` when unset. */
  store?: ServiceStore;
  /** The identifier vault; opened on `config.vaultDir` when unset. */
  vault?: IdentifierVault;
  /** The built pages (ui/dist when unset). */
  pagesDir?: string;
}

export type App = express.Express & {
  keys: ApiKeys;
  store: ServiceStore;
  audit: AuditLog;
  /** The in-memory risk view of this app (see risk/model.ts); its stats say how many answers it gave. */
  risk: RiskReadModel;
  /** Flushes the audit trail and closes the store; call after the server stopped accepting requests. */
  shutdown(): Promise<void>;
};

export function createApp(deps: AppDeps): App {
  const settings = deps.config ?? config().api;
  const ownStore = deps.store === undefined;
  const store = deps.store ?? new ServiceStore(settings.serviceDir);
  const keys = new ApiKeys(store, settings.keyCacheMs);
  const vault = deps.vault ?? IdentifierVault.open(settings.vaultDir);
  const sessions = new Sessions(store, settings.sessionMs);
  // Log-in attempts per address: a few at once, one every two seconds on average.
  const logins = new RateLimiter({ perSecond: 0.5, burst: 10 });
  const audit = new AuditLog(settings.audit.dir, deps.logger, settings.audit);
  const risk = new RiskReadModel(new RiskRepository(deps.graph), deps.logger, { refreshMs: settings.riskRefreshMs });
  risk.start();
  // A run finished in this process: Neo4j answers until a view of its results is built.
  const unsubscribe = onAnalysisFinished(() => risk.invalidate());

  // Every transaction a request runs has a timeout (saved queries and paths set shorter ones); imports
  // and analysis runs are jobs that outlive their request and keep the graph without one.
  const graph = deps.graph.withDefaults({ timeoutMs: settings.txTimeoutMs });
  const limiter = new RateLimiter(settings.rateLimit);

  const app = express();
  app.disable("x-powered-by");
  // Answers are never cached (Cache-Control: no-store below), so an ETag would only cost a hash of every body.
  app.set("etag", false);
  app.set("trust proxy", settings.trustProxy.value);
  app.use(securityHeaders, cors(settings.corsOrigins));
  app.use("/health", healthRouter(graph));
  // Generated on first request, after every router has registered its routes.
  let spec: ReturnType<typeof openApiDocument> | undefined;
  app.get("/api/openapi.json", (_req, res) => {
    spec ??= openApiDocument();
    res.json(spec);
  });

  const v1 = Router();
  const json = express.json({ limit: "1mb" });
  // Bundle uploads stream their raw bodies to disk; everything else speaks JSON.
  v1.use(
    auditRequests(audit),
    requestTimeout(settings.requestTimeoutMs),
    loginRouter(keys, sessions, logins),
    authenticate(keys, sessions),
    rateLimit(limiter, "api"),
    (req, res, next) => (req.path.startsWith("/imports/uploads/") ? next() : json(req, res, next)),
  );
  v1.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  v1.use(keysRouter(keys));
  v1.use(sessionRouter(sessions));
  v1.use(entitiesRouter(graph, vault, settings.identifierSearches));
  v1.use(riskRouter(graph, risk));
  v1.use(pathsRouter(graph));
  v1.use(communitiesRouter(graph));
  v1.use(alertsRouter(graph, (alertId, status) => risk.triaged(alertId, status)));
  v1.use(analysisRouter(deps.graph, deps.analysis ?? analyticsRunner));
  v1.use(importsRouter(deps.graph, deps.importer ?? ingestImporter(vault), { root: settings.importRoot, uploadMaxBytes: settings.importUploadMaxBytes }, deps.logger));
  v1.use(auditRouter(audit));
  v1.use(queriesRouter({ graph, store, logger: deps.logger, settings: { timeoutMs: settings.queryTimeoutMs } }));
  v1.use(schemaRouter(graph));
  app.use(API_PREFIX, v1);
  app.use(pagesRouter(deps.pagesDir));

  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return Object.assign(app, {
    keys,
    store,
    audit,
    risk,
    shutdown: async () => {
      unsubscribe();
      risk.close();
      await audit.close();
      if (ownStore) await store.close();
    },
  });
}
