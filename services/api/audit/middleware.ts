// Records every /api/v1 request as one audit record before its answer leaves: who, role, when,
// route, parameters (secrets removed), the entity ids named or returned (or their count), status
// and outcome. Runs before authentication, so refused calls are kept too. The answer waits for the
// record to be on disk (group commit: concurrent answers share one flush); when it cannot be
// written the answer becomes 503. A streamed answer (CSV) is recorded before its first byte and
// again when it ends.
import { randomUUID } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import type { Actor } from "../auth/roles.ts";
import type { AuditEntry } from "./chain.ts";
import type { AuditLog } from "./log.ts";

const SECRET = /pass(word)?|secret|token|authori[sz]ation|api[-_]?key|^key$|credential|csrf|cookie/i;
const MAX_PARAMS_CHARS = 4000;
const MAX_ITEMS = 50;
const MAX_IDS = 50;

/** A copy of `value` with secret-looking keys replaced and long lists cut. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[…]";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => redact(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`[… ${value.length - MAX_ITEMS} more]`);
    return items;
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET.test(k) ? "[redacted]" : redact(v, depth + 1);
    return out;
  }
  return value;
}

function paramsOf(req: Request, pathParams: Record<string, unknown> | undefined): unknown {
  const parts: Record<string, unknown> = {};
  const path = pathParams ?? req.params ?? {};
  if (Object.keys(path).length > 0) parts.path = path;
  if (Object.keys(req.query ?? {}).length > 0) parts.query = req.query;
  const body: unknown = req.body;
  if (body && typeof body === "object" && !Buffer.isBuffer(body) && Object.keys(body).length > 0) parts.body = body;
  const redacted = redact(parts);
  const text = JSON.stringify(redacted);
  return text.length > MAX_PARAMS_CHARS ? `${text.slice(0, MAX_PARAMS_CHARS)}…` : redacted;
}

/** Entity ids a request names: path `id`, `from`/`to`, `entity`, body `ids`. */
function namedIds(req: Request, pathParams: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === "string" && v.length > 0 && v.length <= 500) out.push(v);
  };
  add(pathParams?.id);
  const q = (req.query ?? {}) as Record<string, unknown>;
  add(q.from);
  add(q.to);
  add(q.entity);
  const body = req.body as { ids?: unknown } | undefined;
  if (body && typeof body === "object" && Array.isArray(body.ids)) body.ids.slice(0, MAX_IDS).forEach(add);
  return out;
}

/** Ids an answer returned: its own id, and those of the items, nodes or members it lists. */
export function returnedIds(body: unknown): { ids: string[]; count: number | null } {
  if (!body || typeof body !== "object") return { ids: [], count: null };
  const ids: string[] = [];
  let count = 0;
  const take = (v: unknown) => {
    const id = (v as { id?: unknown } | null)?.id;
    if (typeof id === "string" || typeof id === "number") {
      count += 1;
      if (ids.length < MAX_IDS) ids.push(String(id));
    }
  };
  const b = body as Record<string, unknown>;
  take(b);
  for (const key of ["items", "nodes", "members", "hits"]) {
    const list = b[key];
    if (Array.isArray(list)) list.forEach(take);
  }
  if (Array.isArray(b.paths)) for (const p of b.paths as { nodes?: unknown[] }[]) p.nodes?.forEach(take);
  if (typeof b.rowCount === "number") count = Math.max(count, b.rowCount);
  return { ids, count: count > 0 ? count : null };
}

function outcomeOf(status: number): string {
  return status >= 500 ? "failed" : status >= 400 ? "refused" : "ok";
}

function bodyOf(chunk: unknown, res: Response): unknown {
  if (chunk === undefined || chunk === null || typeof chunk === "function") return undefined;
  if (!String(res.getHeader("content-type") ?? "").includes("json")) return undefined;
  try {
    return JSON.parse(Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk));
  } catch {
    return undefined;
  }
}

const UNAVAILABLE = JSON.stringify({
  type: "about:blank",
  title: "Service Unavailable",
  status: 503,
  detail: "the audit trail cannot be written, so no answer is given; try again later",
});

type End = (chunk?: unknown, encoding?: unknown, cb?: unknown) => Response;
type Write = (chunk: unknown, encoding?: unknown, cb?: unknown) => boolean;

/** An answer was begun (its headers may still wait for its audit record): nothing else may be sent. */
export function answered(res: Response): boolean {
  return res.headersSent || res.locals.answered === true;
}

export function auditRequests(audit: AuditLog): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const at = new Date().toISOString();
    // Read now: once the socket is gone (a client that hung up), req.ip throws.
    const ip = req.ip ?? null;
    let recorded = false;
    let streamRecorded = false;
    const entry = (status: number, outcome: string, body: unknown): AuditEntry => {
      const actor = res.locals.actor as Actor | undefined;
      const pathParams = res.locals.pathParams as Record<string, unknown> | undefined;
      const returned = returnedIds(body);
      const entities = [...new Set([...namedIds(req, pathParams), ...returned.ids])].slice(0, MAX_IDS);
      return {
        id: randomUUID(),
        at,
        keyId: actor?.keyId ?? null,
        keyName: actor?.name ?? null,
        role: actor?.role ?? null,
        method: req.method,
        route: (res.locals.route as string | undefined) ?? null,
        path: req.originalUrl.split("?")[0] ?? req.originalUrl,
        params: paramsOf(req, pathParams),
        status,
        outcome,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ip,
        entities,
        count: returned.count,
      };
    };

    const end = res.end.bind(res) as End;
    const write = res.write.bind(res) as Write;
    const refuse = () => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      res.statusCode = 503;
      res.setHeader("Content-Type", "application/problem+json");
      res.setHeader("Retry-After", "5");
      res.setHeader("Cache-Control", "no-store");
      end(UNAVAILABLE);
    };

    // A stream's first bytes wait for its record; `false` makes the writer wait for 'drain'.
    (res as unknown as { write: Write }).write = (chunk, encoding, cb) => {
      if (streamRecorded) return write(chunk, encoding, cb);
      streamRecorded = true;
      res.locals.answered = true;
      audit.commit(entry(res.statusCode, "started", undefined)).then(
        () => {
          if (write(chunk, encoding, cb)) res.emit("drain");
        },
        (error: unknown) => {
          audit.logger.error({ err: error }, "audit trail cannot be written: answer refused");
          refuse();
          res.emit("drain");
        },
      );
      return false;
    };

    (res as unknown as { end: End }).end = (chunk, encoding, cb) => {
      if (recorded) return end(chunk, encoding, cb);
      recorded = true;
      res.locals.answered = true;
      const status = res.statusCode;
      const outcome = streamRecorded ? (status < 400 ? "completed" : outcomeOf(status)) : outcomeOf(status);
      audit.commit(entry(status, outcome, bodyOf(chunk, res))).then(
        () => end(chunk, encoding, cb),
        (error: unknown) => {
          audit.logger.error({ err: error }, "audit trail cannot be written: answer refused");
          refuse();
        },
      );
      return res;
    };

    // The client left before an answer was ended: kept without holding anything up.
    res.once("close", () => {
      if (recorded) return;
      recorded = true;
      audit.commit(entry(499, "aborted", undefined)).catch((error: unknown) => audit.logger.error({ err: error }, "audit trail cannot be written"));
    });
    next();
  };
}
