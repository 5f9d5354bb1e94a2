// The graph's names for the saved-query editor's completion.
import { Router } from "express";
import type { Graph } from "../../graph/index.ts";
import { EXPLORERS } from "../auth/roles.ts";
import { registry, z } from "../openapi.ts";
import { endpoint, mount } from "../route.ts";
import { SchemaRepository } from "./repository.ts";
import { SchemaService } from "./service.ts";

const GraphSchema = registry.register(
  "GraphSchema",
  z.object({
    labels: z.array(z.string()).openapi({ description: "labels of the graph model present in the database" }),
    relationshipTypes: z.array(z.string()),
    propertyKeys: z.array(z.string()),
  }),
);

export const GetSchema = endpoint({
  method: "get",
  path: "/schema",
  roles: EXPLORERS,
  tags: ["queries"],
  summary: "Labels, relationship types and property keys of the graph model in the database (for Cypher completion)",
  response: GraphSchema,
});

export function schemaRouter(graph: Graph): Router {
  const service = new SchemaService(new SchemaRepository(graph));
  const router = Router();
  mount(router, GetSchema, () => service.get());
  return router;
}
