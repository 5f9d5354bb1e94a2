// The audit trail for auditors: who called what, when, with which parameters and what came back;
// filtered by actor, entity, route and time, newest first, or exported whole as JSON Lines.
import { type Request, type Response, Router } from "express";
import { cursorParam, encodeCursor } from "../cursor.ts";
import { registry, z } from "../openapi.ts";
import { API_PREFIX, endpoint, mount } from "../route.ts";
import { limitParam, Problem } from "../schemas.ts";
import { actorOf, allow } from "../auth/middleware.ts";
import { writeChunk } from "../stream.ts";
import { parse } from "../validate.ts";
import type { AuditLog } from "./log.ts";
import type { AuditFilter } from "./trail.ts";

const AuditEventSchema = registry.register(
  "AuditEvent",
  z.object({
    seq: z.number().int().openapi({ description: "position in the chain, from 1" }),
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
    outcome: z.string().openapi({ description: "ok, refused, failed, started (a stream began), completed (it ended), aborted (the client left)" }),
    ms: z.number(),
    ip: z.string().nullable(),
    entities: z.array(z.string()).openapi({ description: "entity ids the request named or the answer returned (at most 50)" }),
    count: z.number().int().nullable().openapi({ description: "how many ids or rows the answer returned" }),
    migrated: z.boolean().optional().openapi({ description: "taken over from the graph when the trail moved out of it" }),
    prev: z.string().openapi({ description: "sha256 of the record before" }),
    hash: z.string().openapi({ description: "sha256 of prev and this record (npm run audit:verify checks the chain)" }),
  }),
);

const instant = z.iso.datetime({ offset: true }).openapi({ description: "ISO 8601 instant, e.g. 2025-01-31T00:00:00Z" });

const Filters = z.object({
  from: instant.optional(),
  to: instant.optional(),
  actor: z.string().min(1).max(200).optional().openapi({ description: "key id or key name" }),
  entity: z.string().min(1).max(500).optional().openapi({ description: "an entity id the request named or its answer returned" }),
  route: z.string().min(1).max(300).optional().openapi({ description: "a route pattern (/api/v1/entities/:id) or a path prefix (/api/v1/entities)" }),
});

const ListAudit = endpoint({
  method: "get",
  path: "/audit",
  roles: ["auditor"],
  tags: ["audit"],
  summary: "Audit records, newest first",
  description: "Each record is on disk before the answer it describes left the server.",
  query: Filters.extend({
    limit: limitParam(100, 1000),
    cursor: cursorParam(z.tuple([z.number().int().min(1)])).optional(),
  }),
  response: z.object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() }),
});

const EXPORT_PATH = "/audit/export.jsonl";
registry.registerPath({
  method: "get",
  path: `${API_PREFIX}${EXPORT_PATH}`,
  tags: ["audit"],
  summary: "Every audit record that passes the filters, oldest first, as JSON Lines (one record a line, as chained)",
  description: "Roles: auditor.",
  security: [{ bearerAuth: [] }],
  "x-roles": ["auditor"],
  request: { query: Filters },
  responses: {
    200: { description: "JSON Lines", content: { "application/jsonl": { schema: { type: "string" } } } },
    ...Object.fromEntries([400, 401, 403, 429, 503].map((code) => [code, { description: "problem", content: { "application/problem+json": { schema: Problem } } }])),
  },
});

function filterOf(q: z.infer<typeof Filters>): AuditFilter {
  return { from: q.from ?? null, to: q.to ?? null, actor: q.actor ?? null, entity: q.entity ?? null, route: q.route ?? null };
}

export function auditRouter(audit: AuditLog): Router {
  const router = Router();
  mount(router, ListAudit, async ({ query }) => {
    const rows = audit.list(filterOf(query), query.limit + 1, query.cursor ? query.cursor[0] : null);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.seq]) : null };
  });
  router.get(
    EXPORT_PATH,
    (req, res, next) => {
      res.locals.route = API_PREFIX + EXPORT_PATH;
      next();
    },
    allow(["auditor"]),
    async (req: Request, res: Response) => {
      actorOf(res);
      const filter = filterOf(parse(Filters, req.query, "query"));
      res.status(200).setHeader("Content-Type", "application/jsonl; charset=utf-8");
      res.setHeader("Content-Disposition", 'attachment; filename="audit.jsonl"');
      await audit.export(filter, async (line) => {
        await writeChunk(res, `${line}\n`);
        if (res.destroyed) throw new Error("the client went away");
      });
      res.end();
    },
  );
  return router;
}
