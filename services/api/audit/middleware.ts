// Records every /api/v1 request once it is answered: who, when, method, route, parameters
// (secrets removed), status and duration. Runs before authentication, so refused calls are kept too.
import type { RequestHandler } from "express";
import type { Actor } from "../auth/roles.ts";
import type { AuditLog } from "./log.ts";

const SECRET = /pass(word)?|secret|token|authori[sz]ation|api[-_]?key|^key$|credential/i;
const MAX_PARAMS_CHARS = 4000;
const MAX_ITEMS = 50;

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

function paramsText(req: Parameters<RequestHandler>[0], pathParams: Record<string, unknown> | undefined): string {
  const parts: Record<string, unknown> = {};
  const path = pathParams ?? req.params ?? {};
  if (Object.keys(path).length > 0) parts.path = path;
  if (Object.keys(req.query ?? {}).length > 0) parts.query = req.query;
  const body: unknown = req.body;
  if (body && typeof body === "object" && Object.keys(body).length > 0) parts.body = body;
  const text = JSON.stringify(redact(parts));
  return text.length > MAX_PARAMS_CHARS ? `${text.slice(0, MAX_PARAMS_CHARS)}…` : text;
}

export function auditRequests(audit: AuditLog): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const at = new Date().toISOString();
    // Read now: once the socket is gone (a client that hung up), req.ip throws.
    const ip = req.ip ?? null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const actor = res.locals.actor as Actor | undefined;
      try {
        record(actor);
      } catch {
        // Auditing must never take the process down; a malformed request is still answered.
      }
    };
    const record = (actor: Actor | undefined) =>
      audit.record({
        at,
        keyId: actor?.keyId ?? null,
        keyName: actor?.name ?? null,
        role: actor?.role ?? null,
        method: req.method,
        route: (res.locals.route as string | undefined) ?? null,
        path: req.originalUrl.split("?")[0] ?? req.originalUrl,
        params: paramsText(req, res.locals.pathParams as Record<string, unknown> | undefined),
        status: res.headersSent || res.writableFinished ? res.statusCode : 499,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ip,
      });
    res.once("finish", finish);
    res.once("close", finish);
    next();
  };
}
