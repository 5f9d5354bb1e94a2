// Declares an endpoint once: its roles, zod schemas (registered in the OpenAPI document) and
// handler; JSON answers through endpoint/mount, streamed ones (CSV) through
// streamEndpoint/mountStream. A route cannot be mounted without roles, and every input is
// validated before the handler.
import type { Request, Response, Router } from "express";
import type { Actor, Roles } from "./auth/roles.ts";
import { answered } from "./audit/middleware.ts";
import { actorOf, allow } from "./auth/middleware.ts";
import { registry, z } from "./openapi.ts";
import { Problem } from "./schemas.ts";
import { writeChunk } from "./stream.ts";
import { parse } from "./validate.ts";

export const API_PREFIX = "/api/v1";

type Method = "get" | "post" | "put" | "delete";
type AnyObject = z.ZodType<Record<string, unknown>>;

/** What every route declares: where, who, and what it takes. */
export interface RouteSpec<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
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
  /** Problem statuses this route may answer besides 400, 401 and 403. */
  problems?: number[];
  /** A problem schema with more members than Problem for some statuses (e.g. 422 with refusals). */
  problemSchemas?: Partial<Record<number, z.ZodType>>;
}

export interface EndpointSpec<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType> extends RouteSpec<P, Q, B> {
  response: R;
  /** Success status (200 unless set). */
  status?: number;
  /** Response headers of the success status, for the document. */
  headers?: Record<string, { description: string; schema: { type: "string" } }>;
}

export type Endpoint<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType> = EndpointSpec<P, Q, B, R>;

/** A route whose answer is streamed in another format (CSV, …) rather than returned as JSON. */
export interface StreamEndpoint<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> extends RouteSpec<P, Q, B> {
  produces: {
    contentType: string;
    description: string;
    /** Trailer fields sent after the body (their values are the handler's result). */
    trailers?: string[];
  };
}

const PROBLEM_TEXT: Record<number, string> = {
  400: "invalid parameter (the problem names the field)",
  401: "missing, unknown or revoked API key",
  403: "the key's role may not use this route",
  404: "no such resource",
  409: "conflict with the current state",
  413: "payload too large",
  415: "the body's media type or character set is not accepted",
  422: "refused: the request is well-formed but cannot be done (the problem says why)",
  429: "too many requests for this key (Retry-After says when to try again)",
  503: "the graph database is unavailable or the query took too long",
};

function openApiPath(path: string): string {
  return API_PREFIX + path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

type Responses = Record<string, { description: string; content?: Record<string, { schema: unknown }>; headers?: unknown }>;

/** Registers a route in the OpenAPI document with its success response and its problems. */
function register(spec: RouteSpec<AnyObject, AnyObject, z.ZodType>, success: Responses): void {
  const problems = new Set([401, 403, 429, 503, ...(spec.params || spec.query || spec.body || spec.rawBody ? [400] : []), ...(spec.body ? [413, 415] : []), ...(spec.problems ?? [])]);
  const responses: Responses = { ...success };
  for (const code of [...problems].sort()) {
    responses[code] = { description: PROBLEM_TEXT[code] ?? "problem", content: { "application/problem+json": { schema: spec.problemSchemas?.[code] ?? Problem } } };
  }
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
}

/** Registers the endpoint in the OpenAPI document and returns it for `mount`. */
export function endpoint<P extends AnyObject = z.ZodObject<Record<string, never>>, Q extends AnyObject = z.ZodObject<Record<string, never>>, B extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(
  spec: EndpointSpec<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  const status = spec.status ?? 200;
  register(spec, { [status]: { description: spec.summary, content: { "application/json": { schema: spec.response } }, ...(spec.headers ? { headers: spec.headers } : {}) } });
  return spec;
}

/** Registers a streamed endpoint in the OpenAPI document and returns it for `mountStream`. */
export function streamEndpoint<P extends AnyObject = z.ZodObject<Record<string, never>>, Q extends AnyObject = z.ZodObject<Record<string, never>>, B extends z.ZodType = z.ZodUndefined>(
  spec: StreamEndpoint<P, Q, B>,
): StreamEndpoint<P, Q, B> {
  const mediaType = spec.produces.contentType.split(";")[0]!.trim();
  register(spec, { 200: { description: spec.produces.description, content: { [mediaType]: { schema: { type: "string" } } } } });
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

/** Routes `spec` on `router`: audit labels, role check, validation (400 naming the field), then `run`. */
function route<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
  router: Router,
  spec: RouteSpec<P, Q, B>,
  run: (input: HandlerInput<P, Q, B>) => Promise<void>,
): void {
  router[spec.method](
    spec.path,
    (req, res, next) => {
      res.locals.route = API_PREFIX + spec.path;
      res.locals.pathParams = { ...req.params };
      next();
    },
    allow(spec.roles),
    async (req: Request, res: Response) => {
      const params = (spec.params ? parse(spec.params, req.params, "params") : {}) as z.output<P>;
      const query = (spec.query ? parse(spec.query, req.query, "query") : {}) as z.output<Q>;
      const body = (spec.body ? parse(spec.body, req.body ?? {}, "body") : undefined) as z.output<B>;
      await run({ params, query, body, actor: actorOf(res), req, res });
    },
  );
}

/** Mounts `ep` on `router`: role check, validation (400 naming the field), handler, JSON reply. */
export function mount<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType>(
  router: Router,
  ep: Endpoint<P, Q, B, R>,
  handler: (input: HandlerInput<P, Q, B>) => Promise<z.output<R> | JsonText>,
): void {
  route(router, ep, async (input) => {
    const result = await handler(input);
    if (answered(input.res)) return;
    input.res.status(ep.status ?? 200);
    if (result instanceof JsonText) input.res.type("application/json").send(result.text);
    else input.res.json(result);
  });
}

/** Where a streamed answer goes: `write` resolves when the next chunk may follow (back-pressure). */
export interface StreamSink {
  write(chunk: string): Promise<void>;
}

/**
 * Mounts a streamed endpoint. The handler calls `open(headers)` for its sink; the status, the
 * content type and these headers go out with the first chunk, so an error before it is still a
 * problem document. The handler's result is sent as trailers. An error after the first chunk
 * breaks the connection, so that a client cannot take a cut answer for a whole one.
 */
export function mountStream<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
  router: Router,
  ep: StreamEndpoint<P, Q, B>,
  handler: (input: HandlerInput<P, Q, B>, open: (headers?: Record<string, string>) => StreamSink) => Promise<Record<string, string>>,
  onAbort: (error: unknown, req: Request) => void = () => {},
): void {
  route(router, ep, async (input) => {
    const { req, res } = input;
    const open = (headers: Record<string, string> = {}): StreamSink => ({
      async write(chunk: string): Promise<void> {
        if (res.destroyed || req.socket.destroyed) throw new Error("the client went away");
        if (!res.headersSent) {
          res.status(200);
          res.setHeader("Content-Type", ep.produces.contentType);
          for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
          if (ep.produces.trailers?.length) res.setHeader("Trailer", ep.produces.trailers.join(", "));
        }
        await writeChunk(res, chunk);
      },
    });
    try {
      const trailers = await handler(input, open);
      // Nothing written (an empty answer): the headers still go out.
      if (!res.headersSent) await open().write("");
      res.addTrailers(trailers);
      res.end();
    } catch (error) {
      if (!res.headersSent) throw error;
      onAbort(error, req);
      res.destroy(error as Error);
    }
  });
}
