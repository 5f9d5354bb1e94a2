// Liveness and readiness: /health/live answers while the process runs, /health/ready when Neo4j answers.
import { Router } from "express";
import type { Graph } from "../../graph/index.ts";
import { registry, z } from "../openapi.ts";

const Health = registry.register(
  "Health",
  z.object({ status: z.enum(["ok", "unavailable"]), neo4j: z.enum(["up", "down"]).optional() }),
);
registry.registerPath({ method: "get", path: "/health/live", tags: ["health"], responses: { 200: { description: "process alive", content: { "application/json": { schema: Health } } } } });
registry.registerPath({
  method: "get",
  path: "/health/ready",
  tags: ["health"],
  responses: {
    200: { description: "Neo4j reachable", content: { "application/json": { schema: Health } } },
    503: { description: "Neo4j unreachable", content: { "application/json": { schema: Health } } },
  },
});

export function healthRouter(graph: Graph): Router {
  const router = Router();
  router.get("/live", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/ready", async (_req, res) => {
    const up = await graph.ping();
    res.status(up ? 200 : 503).json({ status: up ? "ok" : "unavailable", neo4j: up ? "up" : "down" });
  });
  return router;
}
