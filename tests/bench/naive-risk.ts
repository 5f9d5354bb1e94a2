// The API benchmark's baseline, mounted only by the bench server (tests/bench/api-server.ts), never
// by the product: a person's or company's risk computed at request time from its active alerts,
// the way a straightforward implementation would do it — one query for the entity, one for its
// alerts, the noisy-OR with the money term in JavaScript, and one query per hit for its evidence.
// It answers the same shape as GET /api/v1/entities/:id/risk, with the same score.
import { Router } from "express";
import { z } from "zod";
import { GRADES, type Grade } from "../../services/analytics/grades.ts";
import { DEFAULT_SCORE_SETTINGS } from "../../services/analytics/scores/index.ts";
import type { Graph } from "../../services/graph/index.ts";
import { RISK_READERS } from "../../services/api/auth/roles.ts";
import { NotFoundError } from "../../services/errors.ts";
import { flagTitle } from "../../services/api/flags.ts";
import { type Endpoint, mount } from "../../services/api/route.ts";
import { IdParams } from "../../services/api/schemas.ts";

const ENTITY = `MATCH (n:Entity {id: $id})
RETURN n.id AS id, toLower(head([l IN labels(n) WHERE NOT l IN ['Entity', 'Cadre']])) AS type, coalesce(n.name, n.id) AS name`;

const ALERTS = `MATCH (a:Alert {active: true})-[:ON]->(:Entity {id: $id})
RETURN a.id AS alertId, a.flag AS flag, a.weight AS weight, a.confidence AS confidence, a.score AS score,
       a.amount AS amount, a.grade AS grade, a.summary AS summary, a.status AS status,
       coalesce(a.evidenceNodes, []) AS nodeIds, coalesce(a.evidenceRels, []) AS relIds`;

const EVIDENCE = `CALL () {
  UNWIND $nodeIds AS eid
  MATCH (x) WHERE elementId(x) = eid
  RETURN collect({
    id: CASE WHEN x:Entity THEN x.id WHEN x:Phone THEN 'phone:' + x.value ELSE 'address:' + x.value END,
    type: toLower(head([l IN labels(x) WHERE NOT l IN ['Entity', 'Cadre']])),
    name: coalesce(x.name, x.value, x.id)
  }) AS nodes
}
CALL () {
  UNWIND $relIds AS rid
  MATCH (s)-[rel]->(t) WHERE elementId(rel) = rid
  RETURN collect({
    id: elementId(rel), type: type(rel),
    source: CASE WHEN s:Entity THEN s.id WHEN s:Phone THEN 'phone:' + s.value ELSE 'address:' + s.value END,
    target: CASE WHEN t:Entity THEN t.id WHEN t:Phone THEN 'phone:' + t.value ELSE 'address:' + t.value END,
    label: coalesce(rel.relation, rel.role, toLower(type(rel)))
  }) AS relationships
}
RETURN nodes, relationships`;

interface AlertRow extends Record<string, unknown> {
  alertId: string;
  flag: string;
  weight: number;
  confidence: number;
  score: number;
  amount: number | null;
  grade: Grade | null;
  summary: string | null;
  status: string;
  nodeIds: string[];
  relIds: string[];
}

/** 100 × (1 − Π(1 − score) × (1 − money term of the summed amount's grade)), as cypher/scores/entities.cypher computes it. */
export function naiveScore(alerts: readonly { score: number; amount: number | null }[]): { score: number; amount: number; grade: Grade | null } {
  if (alerts.length === 0) return { score: 0, amount: 0, grade: null };
  const amount = alerts.reduce((t, a) => t + (a.amount ?? 0), 0);
  const grade = GRADES.find((g) => amount >= g.min)!.grade;
  const miss = alerts.reduce((m, a) => m * (1 - a.score), 1) * (1 - DEFAULT_SCORE_SETTINGS.moneyTerm[grade]);
  return { score: Math.round(100 * (1 - miss) * 100) / 100, amount, grade };
}

const NaiveRisk: Endpoint<typeof IdParams, z.ZodObject<Record<string, never>>, z.ZodUndefined, z.ZodType> = {
  method: "get",
  path: "/entities/:id/risk",
  roles: RISK_READERS,
  tags: ["bench"],
  summary: "Baseline: risk computed at request time (bench server only)",
  params: IdParams,
  response: z.unknown(),
};

export function naiveRiskRouter(graph: Graph): Router {
  const router = Router();
  mount(router, NaiveRisk, async ({ params }) => {
    const [entity] = await graph.read<{ id: string; type: string; name: string }>(ENTITY, { id: params.id });
    if (!entity) throw new NotFoundError(`no entity ${params.id}`);
    const alerts = await graph.read<AlertRow>(ALERTS, { id: params.id });
    alerts.sort((a, b) => b.score - a.score || (b.amount ?? 0) - (a.amount ?? 0) || a.alertId.localeCompare(b.alertId));
    const hits = [];
    for (const { nodeIds, relIds, ...a } of alerts.slice(0, 100)) {
      const [evidence] = await graph.read(EVIDENCE, { nodeIds, relIds });
      hits.push({ ...a, amount: a.amount ?? 0, title: flagTitle(a.flag), evidence });
    }
    return { ...entity, ...naiveScore(alerts), hitCount: alerts.length, hits };
  });
  return router;
}
