// Validation of a whole bundle before anything is written: each row against its file's schema, ids
// unique across the bundle, every reference resolved to a valid row of the right kind, obvious date
// orders. Errors are collected across all files; valid rows are spilled to disk for the writer.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { readCsvBatches } from "./csv.ts";
import { formatIssue, ReadError, type Issue } from "./errors.ts";
import { BUNDLE_FILES, FILE_BY_NAME, isReferenced, type BundleFile, type Kind } from "./files.ts";
import { IdRegistry, INVALID, VALID } from "./ids.ts";
import { readJsonlBatches } from "./jsonl.ts";
import { normaliseAccount } from "./normalise.ts";
import type { SourceRecord } from "./record.ts";
import { cell, rowParser } from "./rows.ts";
import type { FileReport, ImportProgress } from "./report.ts";
import { SpillWriter } from "./spill.ts";
import type { TextOptions } from "./text.ts";

export interface ValidateOptions {
  /** Keep going with the valid rows when some are rejected (otherwise spilling stops at the first error). */
  allowPartial: boolean;
  /** Rows per spilled batch (= rows per write transaction). */
  batchSize: number;
  /** Errors kept as text; all are counted. */
  errorLimit: number;
  /** Folder for spill files of valid rows; when unset, rows are only checked. */
  spillDir?: string;
  onProgress?: (progress: ImportProgress) => void;
  reader?: Partial<TextOptions>;
  /**
   * Receives each row that passed its checks, as long as no error has been found: when the
   * validation ends without errors these are exactly the bundle's valid rows (the offline importer
   * writes its files from them as they come). A returned promise is awaited (back-pressure).
   */
  onRow?: (source: BundleSource, row: Record<string, unknown>) => Promise<void> | undefined;
}

export const VALIDATE_DEFAULTS: ValidateOptions = { allowPartial: false, batchSize: 10_000, errorLimit: 1000 };

export interface BundleSource extends FileReport {
  spec: BundleFile;
  path: string;
  /** Spill file of the rows that passed; rows of referenced files are filtered again by `keep`. */
  spill?: string;
}

export interface Validation {
  /** The bundle's files in load order. */
  sources: BundleSource[];
  errors: string[];
  errorCount: number;
  warnings: string[];
  seconds: number;
  /** The rows of a spilled batch that are still valid. */
  keep(source: BundleSource, rows: Record<string, unknown>[]): Record<string, unknown>[];
}


/** Collects issues in order (source, line, arrival), keeping the first `limit` as text. */
class Issues {
  private readonly kept: { source: number; line: number; seq: number; issue: Issue }[] = [];
  count = 0;
  constructor(private readonly limit: number) {}
  add(source: number, issue: Issue): void {
    this.count++;
    if (this.kept.length < this.limit) this.kept.push({ source, line: issue.line ?? 0, seq: this.count, issue });
  }
  text(): string[] {
    return this.kept.sort((a, b) => a.source - b.source || a.line - b.line || a.seq - b.seq).map((k) => formatIssue(k.issue));
  }
}

/** Finds the bundle files in a folder; anything else is a warning, a file given twice an error. */
async function discover(folder: string, issues: Issues, warn: (warning: string) => void): Promise<BundleSource[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    issues.add(-1, { reason: `cannot read bundle folder ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    return [];
  }
  const found = new Map<string, BundleSource>();
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const match = /^(.+)\.(csv|jsonl)$/.exec(entry.name);
    const spec = match ? FILE_BY_NAME.get(match[1] as string) : undefined;
    if (!entry.isFile() || !match || !spec) {
      warn(formatIssue({ file: entry.name, reason: entry.isFile() ? "unknown file (ignored)" : "not a file (ignored)" }));
      continue;
    }
    const other = found.get(spec.name);
    if (other) {
      issues.add(BUNDLE_FILES.indexOf(spec), { file: entry.name, reason: `${other.file} is present too: give each file once, as .csv or .jsonl` });
      continue;
    }
    found.set(spec.name, { spec, path: path.join(folder, entry.name), file: entry.name, format: match[2] as "csv" | "jsonl", read: 0, valid: 0, rejected: 0 });
  }
  const sources = BUNDLE_FILES.flatMap((spec) => found.get(spec.name) ?? []);
  if (sources.length === 0 && issues.count === 0) {
    issues.add(-1, { reason: `no bundle files in ${folder} (expected ${BUNDLE_FILES.map((f) => `${f.name}.csv`).join(", ")})` });
  }
  return sources;
}

function listOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

export async function validateBundle(folder: string, options: Partial<ValidateOptions> = {}): Promise<Validation> {
  const opts: ValidateOptions = { ...VALIDATE_DEFAULTS, ...options };
  const started = performance.now();
  const issues = new Issues(opts.errorLimit);
  const warnings: string[] = [];
  let warningCount = 0;
  const warn = (warning: string) => {
    if (warningCount++ < opts.errorLimit) warnings.push(warning);
  };
  const sources = await discover(folder, issues, warn);
  const indexOf = new Map(sources.map((s) => [s, BUNDLE_FILES.indexOf(s.spec)]));
  const order = (s: BundleSource) => indexOf.get(s) ?? -1;
  const ids = new IdRegistry((source, line) => `${sources[source]?.file ?? "?"}:${line}`);
  /** Account numbers named in persons, companies and grants → the slots of the rows naming them. */
  const mentions = new Map<string, number[]>();
  let settled = false;

  const settle = () => {
    settled = true;
    for (const [number, slots] of mentions) {
      const kind = ids.kindOf(number);
      if (kind === undefined || kind === "account") continue;
      for (const slot of slots) {
        const place = ids.place(slot);
        const source = sources[place.source] as BundleSource;
        const column = source.spec.accountMentions[0] ?? "account";
        ids.invalidate(slot);
        issues.add(order(source), { file: source.file, line: place.line, column, reason: `account number ${number} is the id of ${kind === "transfer" ? "a transfer" : `another ${kind}`}` });
      }
    }
    mentions.clear();
    ids.settle((source, line, column, reason) => {
      const s = sources[source] as BundleSource;
      issues.add(order(s), { file: s.file, line, column, reason });
    });
  };

  for (let index = 0; index < sources.length; index++) {
    const source = sources[index] as BundleSource;
    const { spec } = source;
    if (!settled && !isReferenced(spec)) settle();
    const at = order(source);
    const report = (line: number, column: string | undefined, reason: string) => issues.add(at, { file: source.file, line, column, reason });
    let broken = false;
    const onError = (error: ReadError) => {
      report(error.line, error.column, error.reason);
      if (error.record) {
        source.read++;
        source.rejected++;
      }
    };
    const onHeader = (columns: readonly string[]) => {
      for (const c of columns) if (!spec.columns.includes(c)) warn(formatIssue({ file: source.file, line: 1, column: c, reason: "unknown column (ignored)" }));
      for (const c of spec.required) {
        if (!columns.includes(c)) {
          report(1, c, "required column missing: every row rejected");
          broken = true;
        }
      }
    };
    const onKey = (key: string, line: number) => {
      if (!spec.columns.includes(key)) warn(formatIssue({ file: source.file, line, column: key, reason: "unknown column (ignored)" }));
    };
    const batches: AsyncIterable<SourceRecord[]> =
      source.format === "csv" ? readCsvBatches(source.path, { ...opts.reader, onHeader, onError }) : readJsonlBatches(source.path, { ...opts.reader, onKey, onError });
    const spill = opts.spillDir ? new SpillWriter(path.join(opts.spillDir, `${index}-${spec.name}.json`), opts.batchSize) : undefined;
    const idColumn = spec.id?.column;
    const referenced = isReferenced(spec);
    const mentionColumn = spec.accountMentions[0];

    const parse = rowParser(spec.schema);

    /** Registers the id of a row that failed, so references to it say so. */
    const registerFailed = (cells: Record<string, string | undefined>, line: number) => {
      if (!spec.id || !idColumn) return;
      let raw = cell(cells, idColumn);
      if (raw === undefined) return;
      if (spec.id.kind === "account") {
        try {
          raw = normaliseAccount(raw);
        } catch {
          return;
        }
      }
      ids.add(raw, spec.id.kind, index, line, INVALID);
    };

    try {
      for await (const batch of batches) {
        for (const record of batch) {
          source.read++;
          const cells = record.fields;
          if (broken) {
            source.rejected++;
            registerFailed(cells, record.line);
            continue;
          }
          const parsed = parse(cells);
          if ("issues" in parsed) {
            for (const issue of parsed.issues) report(record.line, issue.column, issue.reason);
            source.rejected++;
            registerFailed(cells, record.line);
            continue;
          }
          const row = parsed.row;
          let ok = true;
          for (const [earlier, later] of spec.dateOrder) {
            const a = row[earlier] as string | undefined;
            const b = row[later] as string | undefined;
            if (a !== undefined && b !== undefined && b < a) {
              report(record.line, later, `before ${earlier} (${b} < ${a})`);
              ok = false;
            }
          }
          if (!ok) {
            source.rejected++;
            registerFailed(cells, record.line);
            continue;
          }
          spec.prepare?.(row);
          let slot = -1;
          if (spec.id && idColumn) {
            const value = row[idColumn] as string;
            const added = ids.add(value, spec.id.kind, index, record.line, VALID);
            if (typeof added !== "number") {
              const where = `${sources[added.source]?.file ?? "?"}:${added.line}`;
              report(record.line, idColumn, added.source === index ? `duplicate id ${value} (first at line ${added.line})` : `id ${value} already used at ${where}`);
              source.rejected++;
              continue;
            }
            slot = added;
          }
          if (referenced) {
            for (const ref of spec.refs) for (const target of listOf(row[ref.column])) ids.defer(slot, ref, target);
            if (mentionColumn !== undefined && row[mentionColumn] !== undefined) {
              const number = row[mentionColumn] as string;
              const list = mentions.get(number);
              if (list) list.push(slot);
              else mentions.set(number.length > 12 ? (" " + number).slice(1) : number, [slot]);
            }
          } else {
            for (const ref of spec.refs) {
              for (const target of listOf(row[ref.column])) {
                const problem = ids.problem(target, ref.to);
                if (problem !== undefined) {
                  report(record.line, ref.column, problem);
                  ok = false;
                }
              }
            }
            if (!ok) {
              source.rejected++;
              continue;
            }
            source.valid++;
          }
          if (spill && (opts.allowPartial || issues.count === 0)) {
            const full = spill.add(row);
            if (full) await full;
          }
          if (opts.onRow && issues.count === 0) {
            const wait = opts.onRow(source, row);
            if (wait) await wait;
          }
        }
        opts.onProgress?.({ stage: "validate", file: source.file, rows: source.read });
      }
    } catch (error) {
      if (error instanceof ReadError) report(error.line, error.column, error.reason);
      else if ((error as NodeJS.ErrnoException).code) issues.add(at, { file: source.file, reason: `cannot read (${(error as NodeJS.ErrnoException).code})` });
      else throw error;
    } finally {
      if (spill) {
        await spill.close();
        source.spill = spill.path;
      }
    }
  }
  if (!settled) settle();

  const validBySource = ids.validBySource();
  for (const [i, source] of sources.entries()) {
    if (!isReferenced(source.spec)) continue;
    source.valid = validBySource.get(i) ?? 0;
    source.rejected = source.read - source.valid;
  }

  if (warningCount > warnings.length) warnings.push(`… and ${warningCount - warnings.length} more warnings`);
  const byFile = new Map(sources.map((s) => [s, s.spec.id && isReferenced(s.spec) ? s.spec.id.column : undefined]));
  return {
    sources,
    errors: issues.text(),
    errorCount: issues.count,
    warnings,
    seconds: (performance.now() - started) / 1000,
    keep(source, rows) {
      const column = byFile.get(source);
      return column === undefined ? rows : rows.filter((row) => ids.isValid(row[column] as string));
    },
  };
}

export type { Kind };
