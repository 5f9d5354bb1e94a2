// Builds the Express application from its dependencies; server.ts listens on it.
import express from "express";
import type { Logger } from "pino";
import type { Graph } from "../graph/index.ts";
import { healthRouter } from "./health/router.ts";
import { openApiDocument } from "./openapi.ts";
import { errorHandler, notFound } from "./problem.ts";

export interface AppDeps {
  graph: Graph;
  logger: Logger;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(express.json({ limit: "1mb" }));
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    next();
  });
  app.use("/health", healthRouter(deps.graph));
  const spec = openApiDocument();
  app.get("/api/openapi.json", (_req, res) => {
    res.json(spec);
  });
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
