// Request validation with zod: every failure is a 400 problem naming the offending field.
import type { z } from "zod";
import { ValidationError } from "../errors.ts";

/** Parses `input` with `schema`; `where` prefixes field names (query, body, params). */
export function parse<S extends z.ZodType>(schema: S, input: unknown, where: "query" | "body" | "params"): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  throw new ValidationError(errors);
}
