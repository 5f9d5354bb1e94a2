// Alerts: the detector hits, their evidence, and the investigators' triage with its history.
import { Router } from "express";
import type { Graph } from "../../graph/index.ts";
import { EXPLORERS } from "../auth/roles.ts";
import { cursorParam } from "../cursor.ts";
import { registry, z } from "../openapi.ts";
import { endpoint, mount } from "../route.ts";
import { AlertFields, Discount, EntityRef, Evidence, IdParams, limitParam, pageOf, Party } from "../schemas.ts";
import { AlertRepository } from "./repository.ts";
import { AlertService, TRIAGE_STATUSES } from "./service.ts";

const Alert = registry.register(
  "Alert",
  AlertFields.extend({
    id: z.string().openapi({ description: "FLAG:key" }),
    typology: z.string().nullable(),
    status: z.enum(TRIAGE_STATUSES),
    active: z.boolean().openapi({ description: "false: a later run no longer finds it (kept because it was triaged)" }),
    runId: z.string().nullable(),
    createdAt: z.string().nullable(),
    triagedAt: z.string().nullable(),
    group: z.string().nullable().openapi({ description: "the decision pattern the alert repeats (FLAG:pattern)" }),
    discount: z.number().nullable().openapi({ description: "the county discounts together, in (0, 1]" }),
    discounts: z.array(Discount),
    llr: z.number().nullable().openapi({ description: "the alert's evidence alone, in nats" }),
    subjects: z.array(EntityRef).openapi({ description: "who acted or knowingly profited: only they take risk from the alert" }),
    parties: z.array(Party).openapi({ description: "others the alert names (a dead payee, a short-paid beneficiary, a competitor), with their part" }),
  }),
);

const AlertDetail = registry.register(
  "AlertDetail",
  Alert.extend({
    evidence: Evidence,
    history: z.array(
      z.object({
        status: z.enum(TRIAGE_STATUSES),
        previous: z.string().nullable(),
        note: z.string().nullable(),
        by: z.string().openapi({ description: "API key id" }),
        byName: z.string().nullable(),
        at: z.string(),
      }),
    ),
  }),
);

export const ListAlerts = endpoint({
  method: "get",
  path: "/alerts",
  roles: EXPLORERS,
  tags: ["alerts"],
  summary: "Alerts, strongest first, keyset-paged",
  query: z.object({
    flag: z.string().regex(/^[A-Z][A-Z_]+$/, "a flag id such as KIN_BENEFIT").optional(),
    status: z.enum(TRIAGE_STATUSES).optional(),
    active: z.enum(["true", "false", "all"]).default("true"),
    entity: z.string().min(1).max(500).optional().openapi({ description: "only alerts on this entity" }),
    minScore: z.coerce.number().min(0).max(1).default(0).openapi({ type: "number", minimum: 0, maximum: 1, default: 0, description: "alert score: weight × confidence × discount" }),
    limit: limitParam(50, 500),
    cursor: cursorParam(z.tuple([z.number(), z.string()])).optional(),
  }),
  response: pageOf(Alert),
});

export const GetAlert = endpoint({
  method: "get",
  path: "/alerts/:id",
  roles: EXPLORERS,
  tags: ["alerts"],
  summary: "An alert with its evidence and triage history",
  params: IdParams,
  response: AlertDetail,
  problems: [404],
});

export const TriageAlert = endpoint({
  method: "post",
  path: "/alerts/:id/triage",
  roles: ["investigator"],
  tags: ["alerts"],
  summary: "Record a triage decision (kept in the alert's history)",
  params: IdParams,
  body: z.object({ status: z.enum(TRIAGE_STATUSES), note: z.string().trim().max(4000).optional() }),
  response: AlertDetail,
  problems: [404],
});

/** `onTriage`: called with the alert and its new status once a triage is written, before the reply (the app's risk view shows it at once). */
export function alertsRouter(graph: Graph, onTriage: (alertId: string, status: string) => void = () => {}): Router {
  const service = new AlertService(new AlertRepository(graph));
  const router = Router();
  mount(router, ListAlerts, ({ query }) => service.list(query));
  mount(router, GetAlert, ({ params }) => service.get(params.id));
  mount(router, TriageAlert, ({ params, body, actor }) => service.triage(params.id, body.status, body.note, actor, () => onTriage(params.id, body.status)));
  return router;
}
