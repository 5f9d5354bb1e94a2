// Row parsing: turns a record's cells into a typed row with a file's zod schema. For speed on big
// bundles the schema is compiled into a plain loop over its columns' converters (same results as
// `schema.safeParse`, checked by the unit tests); schemas with other zod types fall back to zod.
import type { z } from "zod";
import { CONVERTERS, convertCell, Invalid, type Convert } from "./schemas/fields.ts";

export interface CellIssue {
  column: string;
  reason: string;
}

export type RowParser = (cells: Record<string, string | undefined>) => { row: Record<string, unknown> } | { issues: CellIssue[] };

/** Trimmed value of a cell; empty cells are absent. */
export function cell(cells: Record<string, string | undefined>, column: string): string | undefined {
  const value = cells[column];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** Parses with zod itself: cells trimmed, empty cells absent. */
export function zodParser(schema: z.ZodObject): RowParser {
  const columns = Object.keys(schema.shape);
  return (cells) => {
    const input: Record<string, string> = {};
    for (const c of columns) {
      const v = cell(cells, c);
      if (v !== undefined) input[c] = v;
    }
    const parsed = schema.safeParse(input);
    if (parsed.success) return { row: parsed.data as Record<string, unknown> };
    return { issues: parsed.error.issues.map((i) => ({ column: String(i.path[0] ?? "row"), reason: i.message })) };
  };
}

interface Column {
  name: string;
  required: boolean;
  convert: Convert<unknown>;
}

function describe(schema: z.ZodObject): Column[] | undefined {
  const columns: Column[] = [];
  for (const [name, type] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    let inner = type;
    let required = true;
    if (inner.def.type === "optional") {
      inner = (inner.def as unknown as { innerType: z.ZodType }).innerType;
      required = false;
    }
    const convert = CONVERTERS.get(inner);
    if (!convert) return undefined;
    columns.push({ name, required, convert });
  }
  return columns;
}

/** A parser equivalent to `zodParser(schema)`, compiled from the schema's column types when it can be. */
export function rowParser(schema: z.ZodObject): RowParser {
  const columns = describe(schema);
  if (!columns) return zodParser(schema);
  return (cells) => {
    const row: Record<string, unknown> = {};
    let issues: CellIssue[] | undefined;
    for (const { name, required, convert } of columns) {
      const raw = cell(cells, name);
      if (raw === undefined) {
        if (required) (issues ??= []).push({ column: name, reason: "required" });
        continue;
      }
      const value = convertCell(convert, raw);
      if (value instanceof Invalid) (issues ??= []).push({ column: name, reason: value.reason });
      else row[name] = value;
    }
    return issues ? { issues } : { row };
  };
}
