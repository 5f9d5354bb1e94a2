// Parameter values for the driver: whole numbers declared as integers are sent as Neo4j integers.
import neo4j from "neo4j-driver";

export type ParamType = "integer" | "number" | "string" | "boolean" | "date" | "list";

/** Converts each value whose declared type is "integer" into a Neo4j integer (JS numbers travel as floats). */
export function typedParams(values: Record<string, unknown>, types: Record<string, ParamType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = types[name] === "integer" && typeof value === "number" ? neo4j.int(value) : value;
  }
  return out;
}
