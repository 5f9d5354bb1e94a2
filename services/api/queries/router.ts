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
import { type Request, Router } from "express";
import type { Logger } from "pino";
import type { Graph } from "../../graph/index.ts";
import type { ServiceStore } from "../../store/index.ts";
import type { ParamSource, QueryCatalogue } from "../../queries/index.ts";
import { type Actor, EXPLORERS, type Roles } from "../auth/roles.ts";
import { z } from "../openapi.ts";
import { API_PREFIX, endpoint, mount, mountStream, type StreamSink, streamEndpoint } from "../route.ts";
import { limitParam } from "../schemas.ts";
import {
  NameParams,
  ParamsBody,
  QueryDetailSchema,
  QueryName,
  QueryRunRecordSchema,
  QuerySummarySchema,
  QueryVersionSchema,
  RefusedProblem,
  RunResultSchema,
} from "./schemas.ts";
import { type QueriesSettings, QueryService } from "./service.ts";

const AUTHORS: Roles = ["analyst", "admin"];
const AUDITORS: Roles = ["auditor", "admin"];

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
  response: z.object({ items: z.array(QueryVersionSchema) }),
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
  response: z.object({ items: z.array(QueryRunRecordSchema) }),
});

const CSV = {
  contentType: "text/csv; charset=utf-8",
  description: "the rows as CSV (UTF-8 with BOM, RFC 4180; cells starting with = + - @ are prefixed with '), streamed. Trailers X-Row-Count and X-Truncated follow the body.",
  trailers: ["X-Row-Count", "X-Truncated"],
};

/** What both export routes share; their parameters come in the query string or the body. */
const EXPORT = {
  path: "/queries/:name/export.csv",
  roles: EXPLORERS,
  tags: ["queries"],
  params: NameParams,
  produces: CSV,
  problems: [404, 422],
  problemSchemas: { 422: RefusedProblem },
};

export const ExportQueryGet = streamEndpoint({
  ...EXPORT,
  method: "get",
  summary: "Export a saved query's result as CSV (parameters in the query string)",
  description: "Lists in the query string: comma-separated or repeated.",
});

export const ExportQueryPost = streamEndpoint({
  ...EXPORT,
  method: "post",
  summary: "Export a saved query's result as CSV (parameters in the body)",
  body: ParamsBody,
});

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

  const onAbort = (error: unknown, req: Request) => deps.logger?.warn({ err: error, query: req.params.name }, "CSV export aborted after it started");
  const exportCsv = async (name: string, input: unknown, source: ParamSource, actor: Actor, open: (headers: Record<string, string>) => StreamSink) => {
    const result = await service.export(name, input, source, actor, open({ "Content-Disposition": `attachment; filename="${name}.csv"` }));
    return { "X-Row-Count": String(result.rowCount), "X-Truncated": String(result.truncated) };
  };
  mountStream(router, ExportQueryGet, ({ params, req, actor }, open) => exportCsv(params.name, req.query, "query", actor, open), onAbort);
  mountStream(router, ExportQueryPost, ({ params, body, actor }, open) => exportCsv(params.name, body.params, "json", actor, open), onAbort);
  return Object.assign(router, { ready: () => service.catalogue() });
}
