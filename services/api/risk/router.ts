// Risk endpoints — the consumer role's whole API: one entity's explained score, the ranking, and
// batch scores. Each answers with one indexed query.
import { Router } from "express";
import type { Graph } from "../../graph/index.ts";
import { RISK_READERS } from "../auth/roles.ts";
import { cursorParam } from "../cursor.ts";
import { registry, z } from "../openapi.ts";
import { endpoint, mount } from "../route.ts";
import { Discount, Evidence, Grade, IdParams, limitParam, pageOf, Party } from "../schemas.ts";
import { RiskRepository } from "./repository.ts";
import type { RiskCache } from "./cache.ts";
import { type RiskExplanation as Explanation, RiskService } from "./service.ts";

/** What a score means; the calibration table is measured by `npm run evaluate` (BENCHMARKS.md). */
const SCORE_MEANING =
  "0–100, 100 × E / (E + 10) of the evidence E (nats): monotone, never 100, so stronger evidence always ranks higher. " +
  "Alerts repeating one decision pattern count as one group growing slowly with their number; independent schemes add up; " +
  "each hit is discounted by how common its pattern is in the county. Only subjects take risk; victims and other parties score 0.";

const Hit = registry.register(
  "RiskHit",
  z.object({
    alertId: z.string(),
    flag: z.string(),
    title: z.string(),
    weight: z.number().openapi({ description: "the flag's precision (its detector's weight, moved by triage verdicts)" }),
    confidence: z.number().openapi({ description: "the detector's confidence in this hit" }),
    discount: z.number().optional().openapi({ description: "the county discounts together, in (0, 1]" }),
    discounts: z.array(Discount).optional().openapi({ description: "each county discount with its figures" }),
    llr: z.number().optional().openapi({ description: "the hit's evidence alone: log likelihood ratio in nats, (logit(weight) − logit(prior)) × confidence × discount" }),
    score: z.number().openapi({ description: "weight × confidence × discount, 0–1" }),
    amount: z.number(),
    grade: Grade.nullable(),
    summary: z.string().nullable(),
    status: z.string(),
    group: z.string().nullable().optional().openapi({ description: "the decision pattern the hit repeats (FLAG:pattern): hits of one group count as one, growing slowly with their number" }),
    parties: z.array(Party).openapi({ description: "others the hit names, with their part; they take no risk from it" }),
    evidence: Evidence,
  }),
);

const Group = registry.register(
  "RiskGroup",
  z.object({
    group: z.string(),
    flag: z.string(),
    alerts: z.number().int(),
    llr: z.number().openapi({ description: "the group's evidence: its strongest hit × (1 + 0.15 ln alerts)" }),
    counted: z.number().openapi({ description: "what it adds to the total: further groups of one flag count half as much each" }),
    strongest: z.string(),
  }),
);

export const RiskExplanation = registry.register(
  "RiskExplanation",
  z.object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    score: z.number().openapi({ description: SCORE_MEANING }),
    grade: Grade.nullable(),
    amount: z.number().openapi({ description: "yuan at stake: the hits' amounts, each times its county discount" }),
    hitCount: z.number().int(),
    evidence: z.number().optional().openapi({ description: "total evidence in nats: the groups' counted evidence plus the money grade's term" }),
    logOdds: z.number().optional().openapi({ description: "log-odds of being a culprit: logit(prior 1%) + evidence" }),
    groups: z.array(Group).optional().openapi({ description: "the decision patterns behind the score, strongest first" }),
    hits: z.array(Hit).openapi({ description: "the active alerts the entity answers for (as a subject), strongest first (at most 100)" }),
    asParty: z
      .array(z.object({ alertId: z.string(), flag: z.string(), part: z.string(), summary: z.string().nullable(), status: z.string() }))
      .optional()
      .openapi({ description: "alerts naming the entity as a party (a victim, a competitor, a signer): shown, not scored" }),
  }),
);

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
    "Answers may come from a short cache in the API process (`RISK_CACHE_MS`, default 5 s): an analysis run or a triage through this process shows at once, changes made elsewhere within that time. An unknown id (404) is never cached.",
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

/** `cache`: explanations served without Neo4j while fresh (the app clears it on triage and finished runs). */
export function riskRouter(graph: Graph, cache?: RiskCache<Explanation>): Router {
  const service = new RiskService(new RiskRepository(graph), { cache });
  const router = Router();
  mount(router, GetRisk, ({ params }) => service.explain(params.id));
  mount(router, RankRisk, ({ query }) => service.ranking(query));
  mount(router, BatchRisk, ({ body }) => service.batch(body.ids));
  return router;
}
