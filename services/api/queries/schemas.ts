// The zod schemas of the saved-query routes (registered in the OpenAPI document): names,
// summaries and texts, parameters, run results, refusals, and the run record.
import { PARAM_TYPES, QUERY_NAME } from "../../queries/index.ts";
import { registry, z } from "../openapi.ts";
import { GraphEdge, GraphNode, Problem } from "../schemas.ts";

export const QueryName = z.string().regex(QUERY_NAME, "kebab-case: lower-case words joined by '-'").max(80);
export const NameParams = z.object({ name: QueryName });

const Refusal = registry.register(
  "QueryRefusal",
  z.object({
    rule: z.string().openapi({ description: "write, admin, load-csv, use, transactions, procedure, function, multiple-statements, query-options, not-read-only, plan, syntax" }),
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  }),
);

export const RefusedProblem = registry.register(
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

export const QuerySummarySchema = registry.register(
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

export const QueryDetailSchema = registry.register(
  "SavedQuery",
  QuerySummarySchema.extend({
    text: z.string().openapi({ description: "the whole file: YAML header in leading // lines, then the Cypher" }),
    cypher: z.string(),
  }),
);

export const ParamsBody = z.object({
  params: z.record(z.string(), z.unknown()).default({}).openapi({ description: "parameter values by name (see the query's parameters); defaults fill the rest" }),
});

export const RunResultSchema = registry.register(
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

export const QueryVersionSchema = z.object({
  version: z.number().int(),
  author: z.string().nullable(),
  authorName: z.string().nullable(),
  at: z.string(),
  comment: z.string().nullable(),
  text: z.string(),
  current: z.boolean(),
});

export const QueryRunRecordSchema = z.object({
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
});
