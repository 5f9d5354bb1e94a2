// The audit log for auditors: who called what, when, with which parameters.
import { Router } from "express";
import { cursorParam, page } from "../cursor.ts";
import { parseJson } from "../json.ts";
import { registry, z } from "../openapi.ts";
import { endpoint, mount } from "../route.ts";
import { limitParam, pageOf } from "../schemas.ts";
import type { AuditLog } from "./log.ts";

const AuditEventSchema = registry.register(
  "AuditEvent",
  z.object({
    id: z.string(),
    at: z.string(),
    keyId: z.string().nullable(),
    keyName: z.string().nullable(),
    role: z.string().nullable(),
    method: z.string(),
    route: z.string().nullable(),
    path: z.string(),
    params: z.unknown().openapi({ description: "path parameters, query and body, secrets redacted" }),
    status: z.number().int(),
    ms: z.number(),
    ip: z.string().nullable(),
  }),
);

const instant = z.iso.datetime({ offset: true }).openapi({ description: "ISO 8601 instant, e.g. 2025-01-31T00:00:00Z" });

const ListAudit = endpoint({
  method: "get",
  path: "/audit",
  roles: ["auditor"],
  tags: ["audit"],
  summary: "Audit events, newest first",
  description: "Events are written in batches about a second after the request.",
  query: z.object({
    from: instant.optional(),
    to: instant.optional(),
    actor: z.string().min(1).max(200).optional().openapi({ description: "key id or key name" }),
    limit: limitParam(100, 1000),
    cursor: cursorParam(z.tuple([z.string(), z.string()])).optional(),
  }),
  response: pageOf(AuditEventSchema),
});

export function auditRouter(audit: AuditLog): Router {
  const router = Router();
  mount(router, ListAudit, async ({ query }) => {
    const rows = await audit.list({
      from: query.from ?? null,
      to: query.to ?? null,
      actor: query.actor ?? null,
      after: query.cursor ? { at: query.cursor[0], id: query.cursor[1] } : null,
      limit: query.limit + 1,
    });
    const events = rows.map((e) => ({ ...e, params: parseJson(e.params) }));
    return page(events, query.limit, (e) => [e.at, e.id]);
  });
  return router;
}
