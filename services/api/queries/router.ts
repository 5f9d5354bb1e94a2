// Saved queries: the built-in catalogue (cypher/saved) and analysts' own queries, run read-only
// with validated parameters, exported as CSV, versioned, and every run recorded (:QueryRun).
//   GET    /queries                       list            analyst, investigator, admin
//   GET    /queries/:name                 one (?version)  analyst, investigator, admin
//   POST   /queries/:name/run             {params}        analyst, investigator, admin
//   GET    /queries/:name/export.csv      ?param=value    analyst, investigator, admin
//   POST   /queries/:name/export.csv      {params}        analyst, investigator, admin
//   PUT    /queries/:name                 {text}          analyst, admin
//   DELETE /queries/:name                                 analyst, admin
//   GET    /queries/:name/versions                        analyst, investigator, admin
//   GET    /query-runs                                    auditor, admin
import { type Request, type Response, Router } from "express";
import type { Logger } from "pino";
import type { Graph } from "../../graph/index.ts";
import type { ServiceStore } from "../../store/index.ts";
import { PARAM_TYPES, type QueryCatalogue, QUERY_NAME } from "../../queries/index.ts";
import { actorOf, allow } from "../auth/middleware.ts";
import { EXPLORERS, type Roles } from "../auth/roles.ts";
import { registry, z } from "../openapi.ts";
import { API_PREFIX, endpoint, mount } from "../route.ts";
import { GraphEdge, GraphNode, limitParam, Problem } from "../schemas.ts";
import { writeChunk } from "../stream.ts";
import { parse } from "../validate.ts";
import { type QueriesSettings, QueryService } from "./service.ts";

const AUTHORS: Roles = ["analyst", "admin"];
const AUDITORS: Roles = ["auditor", "admin"];

const QueryName = z.string().regex(QUERY_NAME, "kebab-case: lower-case words joined by '-'").max(80);
const NameParams = z.object({ name: QueryName });

const Refusal = registry.register(
  "QueryRefusal",
  z.object({
    rule: z.string().openapi({ description: "write, admin, load-csv, use, transactions, procedure, function, multiple-statements, query-options, not-read-only, plan, syntax" }),
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  }),
);

const RefusedProblem = registry.register(
  "QueryRefusedProblem",
  Problem.extend({ refusals: z.array(Refusal).optional().openapi({ description: "why the query is not read-only, with line:column in the submitted text" }) }),
);

const QueryParameterSpec = registry.register(
  "QueryParameter",
  z.object({
    type: z.enum(PARAM_TYPES),
    required: z.boolean(),
    default: z.unknown().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    items: z.string().optional().openapi({ description: "lists: the item type" }),
    values: z.array(z.union([z.string(), z.number()])).optional().openapi({ description: "allowed values" }),
    description: z.string(),
  }),
);

const QuerySummarySchema = registry.register(
  "SavedQuerySummary",
  z.object({
    name: z.string(),
    title: z.string(),
    title_zh: z.string(),
    description: z.string(),
    schemes: z.array(z.string()).openapi({ description: "detector ids whose scheme the query looks for" }),
    graph: z.boolean().openapi({ description: "the result holds nodes, relationships or paths worth drawing" }),
    source: z.enum(["builtin", "saved"]),
    parameters: z.record(z.string(), QueryParameterSpec),
    version: z.number().int().nullable(),
    author: z.string().nullable().openapi({ description: "API key id of the author of this version; `built-in` for the catalogue" }),
    updatedAt: z.string().nullable(),
  }),
);

const QueryDetailSchema = registry.register(
  "SavedQuery",
  QuerySummarySchema.extend({
    text: z.string().openapi({ description: "the whole file: YAML header in leading // lines, then the Cypher" }),
    cypher: z.string(),
  }),
);

const ParamsBody = z.object({
  params: z.record(z.string(), z.unknown()).default({}).openapi({ description: "parameter values by name (see the query's parameters); defaults fill the rest" }),
});

const RunResultSchema = registry.register(
  "QueryRunResult",
  z.object({
    name: z.string(),
    version: z.number().int(),
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.unknown())).openapi({ description: "plain values; nodes as {elementId, labels, properties}, relationships as {elementId, type, start, end, properties}, paths as {nodes, relationships}; identity numbers masked for every role but investigator" }),
    graph: z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) }).openapi({ description: "the nodes and relationships present in the rows (relationship ends fetched), for the explorer" }),
    truncated: z.boolean().openapi({ description: "more rows than the row cap: the first ones are returned" }),
    rowCount: z.number().int(),
    ms: z.number(),
  }),
);

export const ListQueries = endpoint({
  method: "get",
  path: "/queries",
  roles: EXPLORERS,
  tags: ["queries"],
  summary: "Saved queries: the built-in catalogue and analysts' queries",
  response: z.object({ items: z.array(QuerySummarySchema) }),
});

export const GetQuery = endpoint({
  method: "get",
  path: "/queries/:name",
  roles: EXPLORERS,
  tags: ["queries"],
  summary: "A saved query with its text (a past version with ?version=)",
  params: NameParams,
  query: z.object({ version: z.coerce.number().int().min(1).optional().openapi({ type: "integer", minimum: 1 }) }),
  response: QueryDetailSchema,
  problems: [404],
});

export const RunQuery = endpoint({
  method: "post",
  path: "/queries/:name/run",
  roles: EXPLORERS,
  tags: ["queries"],
  summary: "Run a saved query read-only: rows, graph, truncated, milliseconds",
  description:
    "Runs in a read transaction with a timeout (503 when exceeded) and a row cap (`truncated`). Parameters are validated against the query's header (400 naming the parameter). " +
    "The query is checked read-only before it runs (422 with the refusals otherwise). Every run is recorded for the audit trail.",
  params: NameParams,
  body: ParamsBody,
  response: RunResultSchema,
  problems: [404, 422],
});

export const SaveQuery = endpoint({
  method: "put",
  path: "/queries/:name",
  roles: AUTHORS,
  tags: ["queries"],
  summary: "Save a new version of an analyst's query (its author or an admin; others save a copy)",
  description:
    "The text is a Cypher file with a YAML header in leading // lines (name, title, title_zh, description, parameters with type, required, default, min, max, description; " +
    "an integer `limit` parameter used as LIMIT $limit). It is validated like the built-ins: header, parameters, static read-only check and EXPLAIN (422 with the reasons and line:column). " +
    "Built-in names cannot be taken (409). `baseVersion` guards against overwriting someone else's save (409); 0 means the name must be new. " +
    "Only the query's author or an admin publishes new versions (403 for anyone else, who saves a copy under another name).",
  params: NameParams,
  body: z.object({
    text: z.string().min(1).max(100_000),
    baseVersion: z.number().int().min(0).optional(),
    comment: z.string().trim().max(1000).optional(),
  }),
  response: QueryDetailSchema.extend({ created: z.boolean() }),
  problems: [409, 422],
});

export const DeleteQuery = endpoint({
  method: "delete",
  path: "/queries/:name",
  roles: AUTHORS,
  tags: ["queries"],
  summary: "Delete an analyst's query (its versions are kept); its author or an admin",
  params: NameParams,
  response: z.object({ name: z.string(), version: z.number().int(), deleted: z.literal(true), deletedAt: z.string() }),
  problems: [404, 409],
});

export const QueryVersions = endpoint({
  method: "get",
  path: "/queries/:name/versions",
  roles: EXPLORERS,
  tags: ["queries"],
  summary: "Every version of a query, newest first",
  params: NameParams,
  response: z.object({
    items: z.array(
      z.object({
        version: z.number().int(),
        author: z.string().nullable(),
        authorName: z.string().nullable(),
        at: z.string(),
        comment: z.string().nullable(),
        text: z.string(),
        current: z.boolean(),
      }),
    ),
  }),
  problems: [404],
});

export const ListQueryRuns = endpoint({
  method: "get",
  path: "/query-runs",
  roles: AUDITORS,
  tags: ["queries", "audit"],
  summary: "Runs of saved queries, newest first: who, which query, parameters, rows, milliseconds, outcome",
  query: z.object({
    query: QueryName.optional(),
    actor: z.string().min(1).max(200).optional().openapi({ description: "key id or key name" }),
    limit: limitParam(100, 1000),
  }),
  response: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        keyId: z.string().nullable(),
        keyName: z.string().nullable(),
        role: z.string().nullable(),
        query: z.string(),
        version: z.number().int().nullable(),
        source: z.string(),
        params: z.unknown(),
        rows: z.number().int(),
        truncated: z.boolean(),
        ms: z.number(),
        status: z.string().openapi({ description: "ok, refused, invalid, timeout or failed" }),
        error: z.string().nullable(),
        format: z.string(),
      }),
    ),
  }),
});

// The CSV export answers text/csv, so it is documented and mounted here rather than through endpoint().
const EXPORT_PATH = "/queries/:name/export.csv";
const csvResponses = {
  200: {
    description: "the rows as CSV (UTF-8 with BOM, RFC 4180; cells starting with = + - @ are prefixed with '), streamed. Trailers X-Row-Count and X-Truncated follow the body.",
    content: { "text/csv": { schema: { type: "string" as const } } },
  },
  ...Object.fromEntries(
    [400, 401, 403, 404, 422, 503].map((code) => [code, { description: "problem", content: { "application/problem+json": { schema: code === 422 ? RefusedProblem : Problem } } }]),
  ),
};
for (const method of ["get", "post"] as const) {
  registry.registerPath({
    method,
    path: `${API_PREFIX}/queries/{name}/export.csv`,
    tags: ["queries"],
    summary: method === "get" ? "Export a saved query's result as CSV (parameters in the query string)" : "Export a saved query's result as CSV (parameters in the body)",
    description: `Roles: ${EXPLORERS.join(", ")}. Lists in the query string: comma-separated or repeated.`,
    security: [{ bearerAuth: [] }],
    "x-roles": [...EXPLORERS],
    request: { params: NameParams, ...(method === "post" ? { body: { required: true, content: { "application/json": { schema: ParamsBody } } } } : {}) },
    responses: csvResponses,
  });
}

export interface QueriesRouterDeps {
  graph: Graph;
  /** Where saved queries and their runs are kept (never the graph). */
  store: ServiceStore;
  logger?: Logger;
  /** Timeout, row caps; defaults: 10 s, 1000 rows (100,000 for exports). */
  settings?: Partial<QueriesSettings>;
  /** An opened catalogue (tests); opened from cypher/saved on first use when unset. */
  catalogue?: QueryCatalogue;
}

export type QueriesRouter = Router & {
  /** Resolves when the built-in catalogue has been validated against the database (rejects when it is not valid). */
  ready: () => Promise<unknown>;
};

function csvSink(req: Request, res: Response, name: string) {
  return {
    async write(chunk: string): Promise<void> {
      if (res.destroyed || req.socket.destroyed) throw new Error("the client went away");
      if (!res.headersSent) {
        res.status(200);
        res.setHeader("Content-Type", "text/csv; charset=utf-8");
        res.setHeader("Content-Disposition", `attachment; filename="${name}.csv"`);
        res.setHeader("Trailer", "X-Row-Count, X-Truncated");
      }
      await writeChunk(res, chunk);
    },
  };
}

export function queriesRouter(deps: QueriesRouterDeps): QueriesRouter {
  const service = new QueryService(deps.graph, deps.store, deps.logger, deps.settings, deps.catalogue);
  // Validate the built-ins at start-up, not on the first request.
  void service.catalogue().catch(() => undefined);
  const router = Router();

  mount(router, ListQueries, () => service.list());
  mount(router, QueryVersions, ({ params }) => service.versions(params.name));
  mount(router, GetQuery, ({ params, query }) => service.get(params.name, query.version));
  mount(router, RunQuery, ({ params, body, actor }) => service.run(params.name, body.params, actor));
  mount(router, SaveQuery, async ({ params, body, actor, res }) => {
    const { created, query } = await service.save(params.name, body, actor);
    const answer = { ...query, created };
    // 201 with a Location for a new query (mount answers 200 unless the response is sent here).
    if (created) res.status(201).location(`${API_PREFIX}/queries/${query.name}`).json(answer);
    return answer;
  });
  mount(router, DeleteQuery, ({ params, actor }) => service.delete(params.name, actor));
  mount(router, ListQueryRuns, ({ query }) => service.runs(query));

  for (const method of ["get", "post"] as const) {
    router[method](
      EXPORT_PATH,
      (req, res, next) => {
        res.locals.route = API_PREFIX + EXPORT_PATH;
        res.locals.pathParams = { ...req.params };
        next();
      },
      allow(EXPLORERS),
      async (req: Request, res: Response) => {
        const { name } = parse(NameParams, req.params, "params");
        const input = method === "get" ? req.query : parse(ParamsBody, req.body ?? {}, "body").params;
        try {
          const result = await service.export(name, input, method === "get" ? "query" : "json", actorOf(res), csvSink(req, res, name));
          res.addTrailers({ "X-Row-Count": String(result.rowCount), "X-Truncated": String(result.truncated) });
          res.end();
        } catch (error) {
          if (!res.headersSent) throw error;
          // Part of the CSV is out: break the response so the client cannot take it for complete.
          deps.logger?.warn({ err: error, query: name }, "CSV export aborted after it started");
          res.destroy(error as Error);
        }
      },
    );
  }
  return Object.assign(router, { ready: () => service.catalogue() });
}
