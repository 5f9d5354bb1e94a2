// Schemas shared by several routes: problems, graph nodes and edges, alert fields and risk
// explanations, pagination, list parameters.
import { registry, z } from "./openapi.ts";
import type { AlertFieldsT, EntityRefT, EvidenceT, GraphEdgeT, GraphNodeT } from "./shapes.ts";

export const Problem = registry.register(
  "Problem",
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      detail: z.string(),
      instance: z.string(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    })
    .openapi({ description: "RFC 9457 problem document (application/problem+json)" }),
);

export const Grade = registry.register(
  "Grade",
  z.enum(["discipline", "relief_funds", "large", "huge", "especially_huge"]).openapi({
    description: "Money grade of the 2016 judicial interpretation: 10,000 (relief funds), 30,000 (large), 200,000 (huge), 3,000,000 yuan (especially huge); below, discipline",
  }),
);

/** Node types as the API names them: the lower-cased label (Entity and Cadre aside). */
export const NODE_TYPES = ["region", "person", "household", "company", "account", "project", "program", "grant", "asset", "tip", "case", "phone", "address"] as const;
export const NodeType = z.enum(NODE_TYPES);

/** Relationship types of the graph model an API caller may filter on (alerts' ON is not among them). */
export const REL_TYPES = [
  "PART_OF", "LIVES_IN", "MEMBER_OF", "IN", "HEAD_OF", "SPLIT_FROM", "MOVED_TO", "HOLDS_POST", "KIN", "REGISTERED_IN",
  "ROLE_IN", "HAS", "APPROVED", "AWARDED_TO", "BID", "UNDER", "PAID_TO", "PAID_INTO", "TRANSFER", "OWNS", "CONCERNS", "INVOLVES",
] as const;
export type RelType = (typeof REL_TYPES)[number];

/** `types=KIN,HAS` or `types=KIN&types=HAS`, case-insensitive. */
export const RelTypes = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(",") : v),
    z.array(z.string().trim().toUpperCase().pipe(z.enum(REL_TYPES))).min(1).max(REL_TYPES.length),
  )
  .openapi({ type: "array", items: { type: "string", enum: [...REL_TYPES] }, description: "relationship types, comma-separated or repeated" });

export const GraphNode = registry.register(
  "GraphNode",
  z.object({
    id: z.string().openapi({ description: "entity id; shared identifiers are `phone:<number>` and `address:<text>`" }),
    type: z.string(),
    name: z.string(),
    cadre: z.boolean(),
    riskScore: z.number().nullable(),
    riskGrade: z.string().nullable(),
    communityId: z.number().int().nullable(),
    year: z.number().int().nullable().openapi({ description: "a grant's year (the explorer's year filter); null for undated entities" }),
  }) satisfies z.ZodType<GraphNodeT>,
);

export const GraphEdge = registry.register(
  "GraphEdge",
  z.object({
    id: z.string().openapi({ description: "relationship element id" }),
    type: z.string(),
    source: z.string(),
    target: z.string(),
    label: z.string().openapi({ description: "kinship relation, company or post role, else the type in lower case" }),
    properties: z.record(z.string(), z.unknown()),
  }) satisfies z.ZodType<GraphEdgeT>,
);

export const EntityRef = registry.register("EntityRef", z.object({ id: z.string(), type: z.string(), name: z.string() }) satisfies z.ZodType<EntityRefT>);

export const Evidence = registry.register(
  "Evidence",
  z.object({ nodes: z.array(EntityRef), relationships: z.array(GraphEdge.omit({ properties: true })) }) satisfies z.ZodType<EvidenceT>,
);

/** What a score means; the calibration table is measured by `npm run evaluate` (BENCHMARKS.md). */
export const SCORE_MEANING =
  "0–100, 100 × E / (E + 10) of the evidence E (nats): monotone, never 100, so stronger evidence always ranks higher. " +
  "Alerts repeating one decision pattern count as one group growing slowly with their number; independent schemes add up; " +
  "each hit is discounted by how common its pattern is in the county. Only subjects take risk; victims and other parties score 0. " +
  "Measured share of culprits per score band (npm run evaluate, two generated report counties, 2026-12-03; BENCHMARKS.md): " +
  "no alert 0.0%, 0–10 0.4%, 10–20 1.2%, 20–30 2.8%, 30–40 9.5%, 40–50 29%, 50–60 56%, 60–70 81%, 70–80 100% (5 entities); not a probability for any one county.";

/** Someone an alert names who is not answerable for it, with their part in it. */
export const Party = registry.register(
  "Party",
  EntityRef.extend({
    part: z.string().openapi({
      description:
        "dead_payee, short_paid_beneficiary, beneficiary_paid_elsewhere, competitor, disqualified_bidder, firm_of_beneficiary, signer: named in the explanation, never scored",
    }),
  }),
);

/** A county discount on an alert's evidence, with the figures behind it. */
export const Discount = registry.register(
  "Discount",
  z.object({
    kind: z.string().openapi({
      description:
        "identifier_degree, shared_preparer, shared_deposit_account, shared_officer, program_coverage, relatives_in_region, bid_spread, lowest_bid_wins, independent_losses, declared_recused, learned_threshold (shown, factor 1)",
    }),
    factor: z.number().openapi({ description: "factor on the alert's evidence, in (0, 1]" }),
    note: z.string(),
    figures: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  }),
);

/** The fields of an alert and of a risk hit (AlertFieldsT), with the flag's title. */
export const AlertFields = z.object({
  flag: z.string(),
  title: z.string(),
  weight: z.number().openapi({ description: "the flag's precision (its detector's weight, moved by triage verdicts)" }),
  confidence: z.number().openapi({ description: "the detector's confidence in this hit" }),
  score: z.number().openapi({ description: "weight × confidence × county discount, 0–1" }),
  amount: z.number(),
  grade: Grade.nullable(),
  summary: z.string().nullable(),
  status: z.string(),
}) satisfies z.ZodType<AlertFieldsT & { title: string }>;

/** A hit of a risk explanation: an alert behind the score. */
const Hit = registry.register(
  "RiskHit",
  AlertFields.extend({
    alertId: z.string(),
    discount: z.number().optional().openapi({ description: "the county discounts together, in (0, 1]" }),
    discounts: z.array(Discount).optional().openapi({ description: "each county discount with its figures" }),
    llr: z.number().optional().openapi({
      description: "the entity's evidence from this hit (nats): (logit(weight) − logit(prior)) × confidence × discount × share",
    }),
    share: z.number().optional().openapi({ description: "1 for a subject; less for a minor subject (a signer who did not profit, a nominal legal representative)" }),
    group: z.string().nullable().optional().openapi({
      description: "the decision pattern the hit repeats (FLAG:pattern): hits of one group count as one, growing slowly with their number",
    }),
    parties: z.array(Party).optional().openapi({ description: "others the hit names, with their part; they take no risk from it" }),
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

/** One entity's (or community's) score with the alerts that explain it (risk and communities routes). */
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

export function limitParam(def: number, max: number) {
  return z.coerce.number().int().min(1).max(max).default(def).openapi({ type: "integer", minimum: 1, maximum: max, default: def });
}

/** `true`/`false` (z.coerce.boolean would read "false" as true). */
export function boolParam(def: boolean) {
  return z.enum(["true", "false"]).default(def ? "true" : "false").transform((v) => v === "true").openapi({ type: "boolean", default: def });
}

export const IdParams = z.object({ id: z.string().min(1).max(500) });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
