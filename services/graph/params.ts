// Cypher parameters, one model for all of them: detectors (cypher/flags), saved queries
// (cypher/saved and analysts' own) and analysis-run overrides. A file's YAML header declares each
// parameter (type, bounds, allowed values, default); values are checked against the declaration
// with zod (unknown names refused, each failure naming its field), defaults filled in, and typed
// for the driver: integers as Neo4j integers, dates as `YYYY-MM-DD` strings the query wraps with date().
import neo4j from "neo4j-driver";
import { z } from "zod";
import { ValidationError } from "../errors.ts";

export const PARAM_NAME = /^[a-z][A-Za-z0-9]*$/;
export const PARAM_TYPES = ["integer", "number", "string", "boolean", "date", "list"] as const;
export const ITEM_TYPES = ["string", "integer", "number", "boolean", "date"] as const;
export type ParamType = (typeof PARAM_TYPES)[number];
export type ItemType = (typeof ITEM_TYPES)[number];

/** The fields of a parameter declaration, before the rules across fields (see parameterSpec). */
export const parameterFields = z.object({
    type: z.enum(PARAM_TYPES),
    required: z.boolean().default(false),
    default: z.unknown().optional(),
    /** Numbers: the bounds; strings: the length; lists: the number of items. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** For lists: the type of the items (string when unset). */
    items: z.enum(ITEM_TYPES).optional(),
    /** Allowed values (for strings, or list items). */
    values: z.array(z.union([z.string(), z.number()])).min(1).optional(),
    description: z.string().min(1),
  })

/** The rules across a declaration's fields. */
export function checkParameter(p: z.infer<typeof parameterFields>, ctx: z.RefinementCtx): void {
    if (p.min !== undefined && p.max !== undefined && p.min > p.max) ctx.addIssue({ code: "custom", message: "min is above max", path: ["min"] });
    if (p.required && p.default !== undefined) ctx.addIssue({ code: "custom", message: "a required parameter has no default", path: ["default"] });
    if (p.items !== undefined && p.type !== "list") ctx.addIssue({ code: "custom", message: "items applies to lists only", path: ["items"] });
    if ((p.min !== undefined || p.max !== undefined) && !["integer", "number", "list", "string"].includes(p.type)) {
      ctx.addIssue({ code: "custom", message: `min and max do not apply to ${p.type}`, path: ["min"] });
    }
  }

/** One declared parameter (saved queries and detectors). */
export const parameterSpec = parameterFields.strict().superRefine(checkParameter);

export type ParameterSpec = z.infer<typeof parameterSpec>;
export type ParameterSpecs = Record<string, ParameterSpec>;

/** The `parameters:` mapping of a header. */
export const parameterSpecs = z.record(z.string().regex(PARAM_NAME, "camelCase starting with a letter"), parameterSpec).default({});

/** What declares parameters: a detector, a saved query. */
export interface Declares {
  parameters: ParameterSpecs;
}

/** `YYYY-MM-DD` naming a real day. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function fitsType(type: ItemType, v: unknown): boolean {
  switch (type) {
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "string":
      return typeof v === "string";
    case "boolean":
      return typeof v === "boolean";
    case "date":
      return typeof v === "string" && isIsoDate(v);
  }
}

/** Why a declared default does not fit its own declaration, or undefined when it does. */
export function defaultProblem(name: string, p: ParameterSpec): string | undefined {
  const d = p.default;
  if (d === undefined || d === null) return undefined;
  if (p.type === "list") {
    if (!Array.isArray(d) || !d.every((v) => fitsType(p.items ?? "string", v))) return `default of ${name} is not a list of ${p.items ?? "string"}`;
    return undefined;
  }
  if (!fitsType(p.type, d)) return `default of ${name} is not a ${p.type}`;
  if (typeof d === "number" && ((p.min !== undefined && d < p.min) || (p.max !== undefined && d > p.max))) return `default of ${name} is outside [${p.min ?? "-∞"}, ${p.max ?? "∞"}]`;
  return undefined;
}

/** Values that failed their declaration, one field each (`body.params.limit`). */
export class ParameterError extends ValidationError {
  override name = "ParameterError";
}

/** Where values come from: JSON keeps its types; a URL query string is text read as the declared type. */
export type ParamSource = "json" | "query";

const isoDate = z.string().refine(isIsoDate, "a date YYYY-MM-DD");

function scalar(type: ItemType, p: ParameterSpec, source: ParamSource): z.ZodType {
  const fromText = source === "query";
  const numeric = (s: z.ZodNumber) => {
    if (p.min !== undefined && p.type !== "list") s = s.min(p.min);
    if (p.max !== undefined && p.type !== "list") s = s.max(p.max);
    return fromText ? z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), s) : s;
  };
  switch (type) {
    case "integer":
      return numeric(z.number().int().min(-(2 ** 53)).max(2 ** 53));
    case "number":
      return numeric(z.number().finite());
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

function valueSchema(p: ParameterSpec, source: ParamSource): z.ZodType {
  if (p.type === "list") {
    let list = z.array(scalar(p.items ?? "string", p, source)).max(10_000);
    if (p.min !== undefined) list = list.min(p.min);
    if (p.max !== undefined) list = list.max(p.max);
    // In a URL: `a,b,c` or the parameter repeated.
    return source === "query" ? z.preprocess((v) => (typeof v === "string" ? (v === "" ? [] : v.split(",")) : v), list) : list;
  }
  return scalar(p.type, p, source);
}

/** The zod schema of the values of `declared`'s parameters (unknown names refused). */
export function parametersSchema(declared: Declares, source: ParamSource = "json") {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, p] of Object.entries(declared.parameters)) {
    const s = valueSchema(p, source);
    shape[name] = p.required ? s : s.nullable().optional();
  }
  return z.object(shape).strict();
}

/**
 * Checks `input` against `declared`'s parameters and returns the values to send: defaults filled
 * in, absent optional parameters as null (the query tests `$x IS NULL`), integers (and integer
 * list items) as Neo4j integers. Throws ParameterError naming each field under `field`.
 */
export function bindParameters(declared: Declares, input: unknown, source: ParamSource = "json", field = "params"): Record<string, unknown> {
  const parsed = parametersSchema(declared, source).safeParse(input ?? {});
  if (!parsed.success) {
    const known = Object.keys(declared.parameters).join(", ") || "none";
    throw new ParameterError(
      parsed.error.issues.flatMap((i) =>
        i.code === "unrecognized_keys"
          ? i.keys.map((key) => ({ field: [field, ...i.path.map(String), key].join("."), message: `unknown parameter (known: ${known})` }))
          : [{ field: [field, ...i.path.map(String)].join("."), message: i.message }],
      ),
    );
  }
  const values: Record<string, unknown> = {};
  const types: Record<string, ParamType> = {};
  for (const [name, p] of Object.entries(declared.parameters)) {
    const given = (parsed.data as Record<string, unknown>)[name];
    let value = given ?? p.default ?? null;
    if (p.type === "list" && p.items === "integer" && Array.isArray(value)) value = value.map((item) => (typeof item === "number" ? neo4j.int(item) : item));
    values[name] = value;
    types[name] = p.type;
  }
  return typedParams(values, types);
}

/** Plain values for the audit trail (defaults filled in, no driver types; invalid input gives the defaults). */
export function plainParameters(declared: Declares, input: unknown, source: ParamSource = "json"): Record<string, unknown> {
  const parsed = parametersSchema(declared, source).safeParse(input ?? {});
  const data = (parsed.success ? parsed.data : {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(declared.parameters).map(([name, p]) => [name, data[name] ?? p.default ?? null]));
}

/** Converts each value whose declared type is "integer" into a Neo4j integer (JS numbers travel as floats). */
export function typedParams(values: Record<string, unknown>, types: Record<string, ParamType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = types[name] === "integer" && typeof value === "number" ? neo4j.int(value) : value;
  }
  return out;
}
