// The API benchmark's baseline, mounted only by the bench server (tests/bench/api-server.ts), never
// by the product: a person's or company's risk computed at request time from its active alerts,
// the way a straightforward implementation would do it — one query for the entity, one for its
// alerts, their evidence combined in JavaScript (services/analytics/scores/model.ts, from each
// alert's stored evidence and group), and one query per hit for its evidence. It answers the same
// shape as GET /api/v1/entities/:id/risk, with the same score.
import { Router } from "express";
import { z } from "zod";
import type { Grade } from "../../services/analytics/grades.ts";
import { DEFAULT_SCORE_SETTINGS } from "../../services/analytics/scores/index.ts";
import { combine } from "../../services/analytics/scores/model.ts";
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
       coalesce(a.group, a.id) AS group, coalesce(a.llr, 0.0) AS llr, coalesce(a.discount, 1.0) AS discount,
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
  group: string;
  llr: number;
  discount: number;
  nodeIds: string[];
  relIds: string[];
}

/** The score the scores stage stores, from the alerts' stored evidence, groups and discounts. */
export function naiveScore(alerts: readonly AlertRow[]): { score: number; amount: number; grade: Grade | null } {
  if (alerts.length === 0) return { score: 0, amount: 0, grade: null };
  const e = combine(
    alerts.map((a) => ({ id: a.alertId, flag: a.flag, group: a.group, llr: a.llr, amount: a.amount ?? 0, discount: a.discount })),
    DEFAULT_SCORE_SETTINGS,
  );
  return { score: e.score, amount: e.amount, grade: e.grade };
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
    for (const { nodeIds, relIds, llr: _llr, discount: _discount, ...a } of alerts.slice(0, 100)) {
      const [evidence] = await graph.read(EVIDENCE, { nodeIds, relIds });
      hits.push({ ...a, amount: a.amount ?? 0, title: flagTitle(a.flag), evidence });
    }
    return { ...entity, ...naiveScore(alerts), hitCount: alerts.length, hits };
  });
  return router;
}
