// Streaming JSON Lines reader: one flat JSON object per line with the CSV column names as keys;
// strings, numbers, booleans and null are accepted and turned into the strings a CSV cell would hold.
import { ReadError } from "./errors.ts";
import { records, type SourceRecord } from "./record.ts";
import { readTextChunks, TEXT_DEFAULTS, type TextOptions } from "./text.ts";

export interface JsonlOptions extends TextOptions {
  /** Called the first time a key is seen, with the line it is on. */
  onKey?: (key: string, line: number) => void;
  /** Receives each unreadable line (reading goes on); without it the first error is thrown. */
  onError?: (error: ReadError) => void;
}

export const JSONL_DEFAULTS: JsonlOptions = { ...TEXT_DEFAULTS };

/** The CSV-cell form of a JSON value, or an Error for nested values. */
function cell(value: unknown): string | undefined | Error {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return Number.isFinite(value) ? String(value) : new Error("not a finite number");
    case "boolean":
      return value ? "true" : "false";
    default:
      return value === null ? undefined : new Error("nested values are not allowed");
  }
}

/** Reads a JSON Lines file as batches of records (one batch per chunk read from disk). */
export async function* readJsonlBatches(file: string, options: Partial<JsonlOptions> = {}): AsyncGenerator<SourceRecord[]> {
  const opts: JsonlOptions = { ...JSONL_DEFAULTS, ...options };
  const fail = (error: ReadError) => {
    if (!opts.onError) throw error;
    opts.onError(error);
  };
  const seen = new Set<string>();
  for await (const chunk of readTextChunks(file, opts)) {
    const out: SourceRecord[] = [];
    const s = chunk.text;
    let bad = 0;
    let line = chunk.firstLine;
    for (let pos = 0; pos < s.length; line++) {
      const nl = s.indexOf("\n", pos);
      const end = nl < 0 ? s.length : nl;
      const text = s.slice(pos, end).trim();
      pos = end + 1;
      if (text.length === 0) continue;
      while ((chunk.badLines[bad] ?? Infinity) < line) bad++;
      if (chunk.badLines[bad] === line) {
        fail(new ReadError(line, "row", "invalid UTF-8"));
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        fail(new ReadError(line, "row", `invalid JSON (${(error as Error).message.slice(0, 120)})`));
        continue;
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        fail(new ReadError(line, "row", "not a JSON object"));
        continue;
      }
      const fields: Record<string, string | undefined> = {};
      let ok = true;
      for (const [key, value] of Object.entries(parsed)) {
        if (!seen.has(key)) {
          seen.add(key);
          opts.onKey?.(key, line);
        }
        const v = cell(value);
        if (v instanceof Error) {
          fail(new ReadError(line, key, v.message, false, ok));
          ok = false;
        } else fields[key] = v;
      }
      if (ok) out.push({ line, fields });
    }
    if (out.length > 0) yield out;
  }
}

/** Reads a JSON Lines file record by record. */
export function readJsonl(file: string, options: Partial<JsonlOptions> = {}): AsyncGenerator<SourceRecord> {
  return records(readJsonlBatches(file, options));
}
