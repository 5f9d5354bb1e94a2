// Paths: the shortest ties between two entities (a cadre and a contractor), bounded and readable.
import { Router } from "express";
import type { Graph } from "../../graph/index.ts";
import { EXPLORERS } from "../auth/roles.ts";
import { EntityRepository } from "../entities/repository.ts";
import { registry, z } from "../openapi.ts";
import { endpoint, mount } from "../route.ts";
import { GraphEdge, GraphNode, RelTypes, boolParam } from "../schemas.ts";
import { PathRepository } from "./repository.ts";
import { DEFAULT_PATH_TYPES, PathService } from "./service.ts";

const PathSchema = registry.register(
  "Path",
  z.object({
    length: z.number().int(),
    nodes: z.array(GraphNode),
    relationships: z.array(GraphEdge),
    steps: z.array(z.object({ from: z.string(), to: z.string(), type: z.string(), label: z.string(), direction: z.enum(["forward", "backward"]) })),
    text: z.string().openapi({ example: "王军 —spouse→ 李华 —legal_rep→ 恒达建筑" }),
  }),
);

export const FindPaths = endpoint({
  method: "get",
  path: "/paths",
  roles: EXPLORERS,
  tags: ["paths"],
  summary: "Shortest path (or all shortest paths) between two entities",
  description:
    `Over the relationship types in \`types\` (default: ${DEFAULT_PATH_TYPES.join(", ")}). Shared phones, addresses and accounts with more ` +
    "than 20 owners are not crossed. At most 25 paths; a search longer than 10 s answers 503.",
  query: z.object({
    from: z.string().min(1).max(500),
    to: z.string().min(1).max(500),
    maxHops: z.coerce.number().int().min(1).max(10).default(6).openapi({ type: "integer", minimum: 1, maximum: 10, default: 6 }),
    types: RelTypes.optional(),
    all: boolParam(false).openapi({ description: "all shortest paths instead of one" }),
  }),
  response: z.object({ from: z.string(), to: z.string(), found: z.boolean(), paths: z.array(PathSchema) }),
  problems: [404],
});

export function pathsRouter(graph: Graph): Router {
  const service = new PathService(new EntityRepository(graph), new PathRepository(graph));
  const router = Router();
  mount(router, FindPaths, ({ query }) => service.between(query.from, query.to, { maxHops: query.maxHops, types: query.types, all: query.all }));
  return router;
}
