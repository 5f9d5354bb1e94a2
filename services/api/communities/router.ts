// Communities (collusion networks found by Louvain): ranked list and detail.
import { Router } from "express";
import type { Graph } from "../../graph/index.ts";
import { EXPLORERS } from "../auth/roles.ts";
import { cursorParam } from "../cursor.ts";
import { EntityRepository } from "../entities/repository.ts";
import { registry, z } from "../openapi.ts";
import { RiskRepository } from "../risk/repository.ts";
import { RiskService } from "../risk/service.ts";
import { endpoint, mount } from "../route.ts";
import { GraphEdge, GraphNode, Grade, limitParam, pageOf, RiskExplanation } from "../schemas.ts";
import { CommunityRepository } from "./repository.ts";
import { CommunityService } from "./service.ts";

const Summary = z.object({
  id: z.number().int(),
  name: z.string(),
  size: z.number().int().nullable(),
  modularity: z.number().nullable(),
  persons: z.number().int().nullable(),
  cadres: z.number().int().nullable(),
  companies: z.number().int().nullable(),
  score: z.number(),
  amount: z.number(),
  grade: Grade.nullable(),
  hits: z.number().int(),
});

const CommunityItem = registry.register(
  "CommunitySummary",
  Summary.extend({
    topMembers: z.array(z.object({ id: z.string(), type: z.string(), name: z.string(), riskScore: z.number().nullable() })),
    flags: z.array(z.object({ flag: z.string(), count: z.number().int() })),
  }),
);

const CommunityDetail = registry.register(
  "CommunityDetail",
  Summary.extend({
    memberCount: z.number().int(),
    members: z.array(GraphNode).openapi({ description: "riskiest first, at most 300" }),
    subgraph: z.object({
      nodes: z.array(GraphNode).openapi({ description: "the members shown and the phones/addresses two or more of them share" }),
      edges: z.array(GraphEdge),
      truncated: z.boolean(),
    }),
    explanation: RiskExplanation.shape.hits,
  }),
);

export const ListCommunities = endpoint({
  method: "get",
  path: "/communities",
  roles: EXPLORERS,
  tags: ["communities"],
  summary: "Communities ranked by risk score, with summaries",
  query: z.object({
    minScore: z.coerce.number().min(0).max(100).default(0).openapi({ type: "number", minimum: 0, maximum: 100, default: 0 }),
    limit: limitParam(20, 200),
    cursor: cursorParam(z.tuple([z.number(), z.number().int()])).optional(),
  }),
  response: pageOf(CommunityItem),
});

export const GetCommunity = endpoint({
  method: "get",
  path: "/communities/:id",
  roles: EXPLORERS,
  tags: ["communities"],
  summary: "A community: members, the subgraph among them, score and explanation",
  params: z.object({
    id: z
      .string()
      .regex(/^(community:)?\d{1,15}$/, "a community id (a whole number)")
      .transform((s) => Number(s.replace("community:", "")))
      .openapi({ type: "string", example: "12" }),
  }),
  response: CommunityDetail,
  problems: [404],
});

export function communitiesRouter(graph: Graph): Router {
  const service = new CommunityService(new CommunityRepository(graph), new EntityRepository(graph), new RiskService(new RiskRepository(graph)));
  const router = Router();
  mount(router, ListCommunities, ({ query }) => service.list(query));
  mount(router, GetCommunity, ({ params }) => service.get(params.id));
  return router;
}
