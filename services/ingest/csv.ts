// Streaming RFC 4180 CSV reader: header row, quoted fields, doubled quotes, line breaks inside quotes,
// CRLF or LF, a UTF-8 BOM; reports the physical line of each record and every unreadable record.
import { ReadError } from "./errors.ts";
import { records, type SourceRecord } from "./record.ts";
import { readTextChunks, TEXT_DEFAULTS, type TextOptions } from "./text.ts";

export interface CsvOptions extends TextOptions {
  /** A quoted record longer than this is taken for an unterminated quote (stops the file). */
  maxRecordChars: number;
  /** Called once with the header's column names. */
  onHeader?: (columns: readonly string[]) => void;
  /** Receives each unreadable record (reading goes on unless `fatal`); without it the first error is thrown. */
  onError?: (error: ReadError) => void;
}

export const CSV_DEFAULTS: CsvOptions = { ...TEXT_DEFAULTS, maxRecordChars: 4 << 20 };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

type Parsed =
  | { kind: "record"; values: string[]; next: number; lines: number }
  | { kind: "incomplete" }
  | { kind: "error"; reason: string; line: number; next: number; lines: number; fatal: boolean };

const INCOMPLETE: Parsed = { kind: "incomplete" };

function countLf(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

/** The character-level parser, used for records that hold a quote. `lines` counts the line breaks consumed. */
function parseRecord(s: string, pos: number, final: boolean): Parsed {
  const values: string[] = [];
  const len = s.length;
  let i = pos;
  let lines = 0;
  while (true) {
    if (s.charCodeAt(i) === QUOTE) {
      const quoteLine = lines;
      let value = "";
      let j = i + 1;
      while (true) {
        const k = s.indexOf('"', j);
        if (k < 0) {
          if (!final) return INCOMPLETE;
          return { kind: "error", reason: "unterminated quote", line: quoteLine, next: len, lines: lines + countLf(s.slice(i)), fatal: true };
        }
        value += s.slice(j, k);
        if (s.charCodeAt(k + 1) === QUOTE) {
          value += '"';
          j = k + 2;
          continue;
        }
        if (k + 1 >= len && !final) return INCOMPLETE;
        i = k + 1;
        break;
      }
      lines += countLf(value);
      values.push(value);
      if (i >= len) return { kind: "record", values, next: i, lines };
      const c = s.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === LF) return { kind: "record", values, next: i + 1, lines: lines + 1 };
      if (c === CR && s.charCodeAt(i + 1) === LF) return { kind: "record", values, next: i + 2, lines: lines + 1 };
      if (c === CR && i + 1 >= len && !final) return INCOMPLETE;
      const nl = s.indexOf("\n", i);
      return { kind: "error", reason: "text after a closing quote", line: lines, next: nl < 0 ? len : nl + 1, lines: lines + (nl < 0 ? 0 : 1), fatal: false };
    }
    let k = i;
    while (k < len) {
      const c = s.charCodeAt(k);
      if (c === COMMA || c === LF || (c === CR && s.charCodeAt(k + 1) === LF)) break;
      k++;
    }
    values.push(s.slice(i, k));
    if (k >= len) return final ? { kind: "record", values, next: k, lines } : INCOMPLETE;
    const c = s.charCodeAt(k);
    if (c === COMMA) {
      i = k + 1;
      continue;
    }
    return { kind: "record", values, next: k + (c === CR ? 2 : 1), lines: lines + 1 };
  }
}

/** Reads a CSV file as batches of records (one batch per chunk read from disk). */
export async function* readCsvBatches(file: string, options: Partial<CsvOptions> = {}): AsyncGenerator<SourceRecord[]> {
  const opts: CsvOptions = { ...CSV_DEFAULTS, ...options };
  const fail = (error: ReadError) => {
    if (!opts.onError) throw error;
    opts.onError(error);
  };
  let header: string[] | undefined;
  let carry = "";
  let carryLine = 1;
  let badLines: number[] = [];
  let stopped = false;

  /** Turns one parsed record into output, checking UTF-8, the header and the column count. */
  const emit = (values: string[], line: number, lastLine: number, out: SourceRecord[]) => {
    while (badLines.length > 0 && (badLines[0] ?? 0) < line) badLines.shift();
    const bad = badLines[0];
    if (bad !== undefined && bad <= lastLine) {
      fail(new ReadError(bad, "row", "invalid UTF-8", header === undefined, header !== undefined));
      if (header === undefined) stopped = true;
      return;
    }
    if (header === undefined) {
      const names = values.map((v) => v.trim());
      const seen = new Map<string, number>();
      for (let c = 0; c < names.length; c++) {
        const name = names[c] ?? "";
        if (name === "") {
          fail(new ReadError(line, `column ${c + 1}`, "empty header name", true, false));
          stopped = true;
          return;
        }
        const before = seen.get(name);
        if (before !== undefined) {
          fail(new ReadError(line, name, `duplicate header name (columns ${before + 1} and ${c + 1})`, true, false));
          stopped = true;
          return;
        }
        seen.set(name, c);
      }
      header = names;
      opts.onHeader?.(names);
      return;
    }
    if (values.length !== header.length) {
      fail(new ReadError(line, "row", `${values.length} fields, header has ${header.length}`));
      return;
    }
    const fields: Record<string, string | undefined> = {};
    for (let c = 0; c < header.length; c++) fields[header[c] as string] = values[c];
    out.push({ line, fields });
  };

  /** Parses what is complete in `s` (starting at physical line `line`) and keeps the rest as carry. */
  const parse = (s: string, line: number, final: boolean): SourceRecord[] => {
    const out: SourceRecord[] = [];
    let pos = 0;
    let nextQuote = -1;
    while (pos < s.length && !stopped) {
      const nl = s.indexOf("\n", pos);
      if (nl < 0 && !final) break;
      const end = nl < 0 ? s.length : nl;
      const lineEnd = end > pos && s.charCodeAt(end - 1) === CR ? end - 1 : end;
      if (lineEnd === pos) {
        pos = end + 1;
        line++;
        continue;
      }
      if (nextQuote < pos && nextQuote !== Infinity) {
        nextQuote = s.indexOf('"', pos);
        if (nextQuote < 0) nextQuote = Infinity;
      }
      if (nextQuote >= lineEnd) {
        emit(s.slice(pos, lineEnd).split(","), line, line, out);
        pos = end + 1;
        line++;
        continue;
      }
      const r = parseRecord(s, pos, final);
      if (r.kind === "incomplete") break;
      if (r.kind === "error") {
        fail(new ReadError(line + r.line, "row", r.reason, r.fatal));
        if (r.fatal) stopped = true;
      } else emit(r.values, line, line + Math.max(0, r.lines - 1), out);
      pos = r.next;
      line += r.lines;
    }
    carry = stopped ? "" : s.slice(pos);
    carryLine = line;
    if (carry.length > opts.maxRecordChars) {
      fail(new ReadError(carryLine, "row", `unterminated quote (no closing quote within ${opts.maxRecordChars} characters)`, true));
      stopped = true;
      carry = "";
    }
    return out;
  };

  for await (const chunk of readTextChunks(file, opts)) {
    if (stopped) break;
    if (chunk.badLines.length > 0) badLines = badLines.concat(chunk.badLines);
    const text = carry.length > 0 ? carry + chunk.text : chunk.text;
    const out = parse(text, carry.length > 0 ? carryLine : chunk.firstLine, false);
    if (out.length > 0) yield out;
  }
  if (!stopped && carry.length > 0) {
    const out = parse(carry, carryLine, true);
    if (out.length > 0) yield out;
  }
  if (!stopped && header === undefined) fail(new ReadError(1, "header", "no header row", true, false));
}

/** Reads a CSV file record by record. */
export function readCsv(file: string, options: Partial<CsvOptions> = {}): AsyncGenerator<SourceRecord> {
  return records(readCsvBatches(file, options));
}
