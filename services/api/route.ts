// Declares an endpoint once: its roles, zod schemas (registered in the OpenAPI document) and
// handler. A route cannot be mounted without roles, and every input is validated before the handler.
import type { Request, Response, Router } from "express";
import type { Actor, Roles } from "./auth/roles.ts";
import { answered } from "./audit/middleware.ts";
import { actorOf, allow } from "./auth/middleware.ts";
import { registry, z } from "./openapi.ts";
import { Problem } from "./schemas.ts";
import { parse } from "./validate.ts";

export const API_PREFIX = "/api/v1";

type Method = "get" | "post" | "put" | "delete";
type AnyObject = z.ZodType<Record<string, unknown>>;

export interface EndpointSpec<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  /** Express path under /api/v1, e.g. `/entities/:id`. */
  path: string;
  roles: Roles;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Request content other than JSON (e.g. an upload), documented as is. */
  rawBody?: { contentTypes: string[]; description: string };
  response: R;
  /** Success status (200 unless set). */
  status?: number;
  /** Response headers of the success status, for the document. */
  headers?: Record<string, { description: string; schema: { type: "string" } }>;
  /** Problem statuses this route may answer besides 400, 401 and 403. */
  problems?: number[];
}

export type Endpoint<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType> = EndpointSpec<P, Q, B, R>;

const PROBLEM_TEXT: Record<number, string> = {
  400: "invalid parameter (the problem names the field)",
  401: "missing, unknown or revoked API key",
  403: "the key's role may not use this route",
  404: "no such resource",
  409: "conflict with the current state",
  413: "payload too large",
  415: "the body's media type or character set is not accepted",
  429: "too many requests for this key (Retry-After says when to try again)",
  503: "the graph database is unavailable or the query took too long",
};

function openApiPath(path: string): string {
  return API_PREFIX + path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

/** Registers the endpoint in the OpenAPI document and returns it for `mount`. */
export function endpoint<P extends AnyObject = z.ZodObject<Record<string, never>>, Q extends AnyObject = z.ZodObject<Record<string, never>>, B extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(
  spec: EndpointSpec<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  const status = spec.status ?? 200;
  const problems = new Set([401, 403, 429, 503, ...(spec.params || spec.query || spec.body || spec.rawBody ? [400] : []), ...(spec.body ? [413, 415] : []), ...(spec.problems ?? [])]);
  const responses: Record<string, { description: string; content?: Record<string, { schema: z.ZodType }>; headers?: Record<string, unknown> }> = {
    [status]: { description: spec.summary, content: { "application/json": { schema: spec.response } } },
  };
  for (const code of [...problems].sort()) {
    responses[code] = { description: PROBLEM_TEXT[code] ?? "problem", content: { "application/problem+json": { schema: Problem } } };
  }
  if (spec.headers) (responses[status] as { headers?: unknown }).headers = spec.headers;
  registry.registerPath({
    method: spec.method,
    path: openApiPath(spec.path),
    tags: spec.tags,
    summary: spec.summary,
    description: `${spec.description ? `${spec.description}\n\n` : ""}Roles: ${spec.roles.join(", ")}.`,
    security: [{ bearerAuth: [] }],
    "x-roles": [...spec.roles],
    request: {
      ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
      ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
      ...(spec.body ? { body: { required: true, content: { "application/json": { schema: spec.body } } } } : {}),
      ...(spec.rawBody
        ? { body: { required: true, description: spec.rawBody.description, content: Object.fromEntries(spec.rawBody.contentTypes.map((t) => [t, { schema: { type: "string", format: "binary" } }])) } }
        : {}),
    },
    responses: responses as never,
  });
  return spec;
}

/**
 * An answer already serialised as JSON (a stored risk explanation): sent as it is, without
 * JSON.stringify. Its shape is the route's response schema; tests check that it is.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

export interface HandlerInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  actor: Actor;
  req: Request;
  res: Response;
}

/** Mounts `ep` on `router`: role check, validation (400 naming the field), handler, JSON reply. */
export function mount<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType>(
  router: Router,
  ep: Endpoint<P, Q, B, R>,
  handler: (input: HandlerInput<P, Q, B>) => Promise<z.output<R> | JsonText>,
): void {
  router[ep.method](
    ep.path,
    (req, res, next) => {
      res.locals.route = API_PREFIX + ep.path;
      res.locals.pathParams = { ...req.params };
      next();
    },
    allow(ep.roles),
    async (req: Request, res: Response) => {
      const params = (ep.params ? parse(ep.params, req.params, "params") : {}) as z.output<P>;
      const query = (ep.query ? parse(ep.query, req.query, "query") : {}) as z.output<Q>;
      const body = (ep.body ? parse(ep.body, req.body ?? {}, "body") : undefined) as z.output<B>;
      const result = await handler({ params, query, body, actor: actorOf(res), req, res });
      if (answered(res)) return;
      res.status(ep.status ?? 200);
      if (result instanceof JsonText) res.type("application/json").send(result.text);
      else res.json(result);
    },
  );
}
