// Run-time parameters: validated against the query's header with zod (types, bounds, allowed
// values, required, unknown names refused), defaults filled in, and typed for the driver: integers
// as Neo4j integers, dates as `YYYY-MM-DD` strings that the query wraps with date().
import { z } from "zod";
import { ValidationError } from "../errors.ts";
import { typedParams } from "../graph/index.ts";
import { isIsoDate, type ItemType, type QueryDefinition, type QueryParameter } from "./definition.ts";

/** Values that failed validation, one message per parameter path. */
export class QueryParameterError extends ValidationError {
  override name = "QueryParameterError";
}

/** Parameter values as they arrive in a URL query string: text to be read as the declared type. */
export type ParamSource = "json" | "query";

const isoDate = z.string().refine(isIsoDate, "a date YYYY-MM-DD");

function scalar(type: ItemType, p: QueryParameter, source: ParamSource): z.ZodType {
  const fromText = source === "query";
  switch (type) {
    case "integer": {
      let s = z.number().int().min(-(2 ** 53)).max(2 ** 53);
      if (p.min !== undefined && p.type !== "list") s = s.min(p.min);
      if (p.max !== undefined && p.type !== "list") s = s.max(p.max);
      return fromText ? z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), s) : s;
    }
    case "number": {
      let s = z.number().finite();
      if (p.min !== undefined && p.type !== "list") s = s.min(p.min);
      if (p.max !== undefined && p.type !== "list") s = s.max(p.max);
      return fromText ? z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), s) : s;
    }
    case "boolean":
      return fromText ? z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()) : z.boolean();
    case "date":
      return isoDate;
    case "string": {
      let s = z.string().max(10_000);
      if (p.type === "string" && p.min !== undefined) s = s.min(p.min);
      if (p.type === "string" && p.max !== undefined) s = s.max(p.max);
      const values = p.values;
      return values ? s.refine((v) => values.map(String).includes(v), `one of ${values.join(", ")}`) : s;
    }
  }
}

function parameterSchema(p: QueryParameter, source: ParamSource): z.ZodType {
  if (p.type === "list") {
    let list = z.array(scalar(p.items ?? "string", p, source)).max(10_000);
    if (p.min !== undefined) list = list.min(p.min);
    if (p.max !== undefined) list = list.max(p.max);
    // In a URL: `a,b,c` or the parameter repeated.
    return source === "query" ? z.preprocess((v) => (typeof v === "string" ? (v === "" ? [] : v.split(",")) : v), list) : list;
  }
  return scalar(p.type, p, source);
}

/** The zod schema of a query's parameters (unknown names refused). */
export function parametersSchema(def: Pick<QueryDefinition, "parameters">, source: ParamSource = "json") {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, p] of Object.entries(def.parameters)) {
    const s = parameterSchema(p, source);
    shape[name] = p.required ? s : s.nullable().optional();
  }
  return z.object(shape).strict();
}

/**
 * Validates `input` and returns the values to send: defaults filled in, absent optional parameters
 * as null (the query tests `$x IS NULL`), integers (and integer list items) as Neo4j integers.
 */
export function bindParameters(def: Pick<QueryDefinition, "parameters">, input: unknown, source: ParamSource = "json", field = "params"): Record<string, unknown> {
  const parsed = parametersSchema(def, source).safeParse(input ?? {});
  if (!parsed.success) {
    throw new QueryParameterError(
      parsed.error.issues.map((i) => ({
        field: [field, ...i.path.map(String)].join("."),
        message: i.code === "unrecognized_keys" ? `unknown parameter(s) ${(i as { keys?: string[] }).keys?.join(", ") ?? ""}`.trim() : i.message,
      })),
    );
  }
  const values: Record<string, unknown> = {};
  const types: Record<string, "integer"> = {};
  for (const [name, p] of Object.entries(def.parameters)) {
    const given = (parsed.data as Record<string, unknown>)[name];
    let value = given ?? p.default ?? null;
    if (p.type === "list" && p.items === "integer" && Array.isArray(value)) {
      value = value.map((item) => typedParams({ item }, { item: "integer" }).item);
    }
    values[name] = value;
    if (p.type === "integer") types[name] = "integer";
  }
  return typedParams(values, types);
}

/** Plain parameter values for the audit trail (defaults filled in, no driver types). */
export function plainParameters(def: Pick<QueryDefinition, "parameters">, input: unknown, source: ParamSource = "json"): Record<string, unknown> {
  const parsed = parametersSchema(def, source).safeParse(input ?? {});
  const data = (parsed.success ? parsed.data : {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(def.parameters).map(([name, p]) => [name, data[name] ?? p.default ?? null]));
}
