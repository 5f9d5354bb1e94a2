// Risk endpoints — the consumer role's whole API: one entity's explained score, the ranking, and
// batch scores. Each answers with one indexed query.
import { Router } from "express";
import type { Graph } from "../../graph/index.ts";
import { RISK_READERS } from "../auth/roles.ts";
import { cursorParam } from "../cursor.ts";
import { registry, z } from "../openapi.ts";
import { endpoint, mount } from "../route.ts";
import { Grade, IdParams, limitParam, pageOf, RiskExplanation } from "../schemas.ts";
import { RiskRepository } from "./repository.ts";
import type { RiskReadModel } from "./model.ts";
import { RiskService } from "./service.ts";

export const RankedItem = registry.register(
  "RankedItem",
  z.object({ id: z.string(), type: z.string(), name: z.string(), score: z.number(), amount: z.number(), grade: Grade.nullable() }),
);

export const BatchScore = registry.register(
  "BatchScore",
  z.object({ id: z.string(), type: z.string(), score: z.number(), grade: Grade.nullable(), amount: z.number() }),
);

export const GetRisk = endpoint({
  method: "get",
  path: "/entities/:id/risk",
  roles: RISK_READERS,
  tags: ["risk"],
  summary: "An entity's risk score with its explanation",
  description:
    "Persons, companies, regions, and communities as `community:<id>`. An entity without hits scores 0. " +
    "Answers come from the API's in-memory risk view of the latest analysis run, import and triage, checked every `RISK_REFRESH_MS` (default 1 s) and rebuilt when the data moved; while it is rebuilt, and for ids it does not hold, from Neo4j. An analysis run or a triage through this process shows at once, a change made elsewhere within that time plus a rebuild.",
  params: IdParams,
  response: RiskExplanation,
  problems: [404],
});

export const RankRisk = endpoint({
  method: "get",
  path: "/risk/ranking",
  roles: RISK_READERS,
  tags: ["risk"],
  summary: "Entities ranked by risk score (score desc, id asc), keyset-paged",
  description: "Without `type`: persons, companies and regions together. Community ids are `community:<id>`.",
  query: z.object({
    type: z.enum(["person", "company", "region", "community"]).optional(),
    region: z.string().min(1).max(200).optional().openapi({ description: "region id: entities living or registered in it or below it" }),
    minScore: z.coerce.number().min(0).max(100).default(0).openapi({ type: "number", minimum: 0, maximum: 100, default: 0 }),
    flag: z.string().regex(/^[A-Z][A-Z_]+$/, "a flag id such as KIN_BENEFIT").optional(),
    limit: limitParam(50, 500),
    cursor: cursorParam(z.tuple([z.number(), z.union([z.string(), z.number()])])).optional(),
  }),
  response: pageOf(RankedItem),
});

export const BatchRisk = endpoint({
  method: "post",
  path: "/risk/batch",
  roles: RISK_READERS,
  tags: ["risk"],
  summary: "Scores of up to 1000 entities in one call",
  body: z.object({ ids: z.array(z.string().min(1).max(500)).min(1).max(1000) }),
  response: z.object({ items: z.array(BatchScore), missing: z.array(z.string()) }),
});

/** `model`: the in-memory risk view answering while it is current (see ./model.ts); none: Neo4j answers every request. */
export function riskRouter(graph: Graph, model?: RiskReadModel): Router {
  const service = new RiskService(new RiskRepository(graph), { model });
  const router = Router();
  mount(router, GetRisk, ({ params }) => service.answer(params.id));
  mount(router, RankRisk, ({ query }) => service.ranking(query));
  mount(router, BatchRisk, ({ body }) => service.batch(body.ids));
  return router;
}
