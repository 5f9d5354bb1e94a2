// Validation of a whole bundle before anything is written: the files found (discover.ts), each row
// checked (row-check.ts: schema, dates, ids unique across the bundle, references), then the settling
// of references among the files that can be referenced (ids.ts) and the account check (accounts.ts).
// Errors are collected across all files; valid rows go to a spill file and/or a row sink.
import path from "node:path";
import { AccountMentions } from "./accounts.ts";
import { readCsvBatches } from "./csv.ts";
import { discover, type BundleSource } from "./discover.ts";
import { ReadError } from "./errors.ts";
import { BUNDLE_FILES, isReferenced, type Kind } from "./files.ts";
import { IdRegistry } from "./ids.ts";
import { Issues, Warnings } from "./issues.ts";
import { readJsonlBatches } from "./jsonl.ts";
import type { SourceRecord } from "./record.ts";
import type { ImportProgress } from "./report.ts";
import { RowChecker } from "./row-check.ts";
import { sealRow, type RowSealer } from "./seal.ts";
import { SpillWriter } from "./spill.ts";
import { TEXT_DEFAULTS, type TextOptions } from "./text.ts";

export type { BundleSource } from "./discover.ts";

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
  /**
   * Seals the identifiers of the rows given to `onRow` and returned by `keep` (see seal.ts); spill
   * files keep them as written, so that `keep` can still tell valid rows by their ids.
   */
  seal?: RowSealer;
}

export const VALIDATE_DEFAULTS: ValidateOptions = { allowPartial: false, batchSize: 10_000, errorLimit: 1000 };

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


export async function validateBundle(folder: string, options: Partial<ValidateOptions> = {}): Promise<Validation> {
  const opts: ValidateOptions = { ...VALIDATE_DEFAULTS, ...options };
  const started = performance.now();
  const issues = new Issues(opts.errorLimit);
  const warnings = new Warnings(opts.errorLimit);
  const sources = await discover(folder, issues, warnings);
  const indexOf = new Map(sources.map((s) => [s, BUNDLE_FILES.indexOf(s.spec)]));
  const order = (s: BundleSource) => indexOf.get(s) ?? -1;
  const where = (source: number, line: number) => `${sources[source]?.file ?? "?"}:${line}`;
  const ids = new IdRegistry(where);
  const mentions = new AccountMentions();
  /** Accounts sealed so far: a tip or case naming one by its number names its token. */
  const sealedAccounts = new Set<string>();
  const totalBytes = sources.reduce((n, s) => n + s.size, 0);
  let bytesBefore = 0;
  let settled = false;

  /** Once every file that may be referenced is read: the account check, then the references among them. */
  const settle = () => {
    settled = true;
    const report = (source: number, line: number, column: string, reason: string) => {
      const s = sources[source] as BundleSource;
      issues.add(order(s), { file: s.file, line, column, reason });
    };
    mentions.check(ids, (slot, reason) => {
      const place = ids.place(slot);
      report(place.source, place.line, (sources[place.source] as BundleSource).spec.accountMentions[0] ?? "account", reason);
    });
    ids.settle(report);
  };

  for (let index = 0; index < sources.length; index++) {
    const source = sources[index] as BundleSource;
    if (!settled && !isReferenced(source.spec)) settle();
    const at = order(source);
    const report = (line: number, column: string | undefined, reason: string) => issues.add(at, { file: source.file, line, column, reason });
    const checker = new RowChecker(source, { ids, mentions, index, where, report, warn: (w) => warnings.add(w) });
    const onError = (error: ReadError) => {
      report(error.line, error.column, error.reason);
      if (error.record) {
        source.read++;
        source.rejected++;
      }
    };
    const batches: AsyncIterable<SourceRecord[]> =
      source.format === "csv"
        ? readCsvBatches(source.path, { ...opts.reader, onHeader: (columns) => checker.header(columns), onError })
        : readJsonlBatches(source.path, { ...opts.reader, onKey: (key, line) => checker.key(key, line), onError });
    const spill = opts.spillDir ? new SpillWriter(path.join(opts.spillDir, `${index}-${source.spec.name}.json`), opts.batchSize) : undefined;
    const chunk = opts.reader?.chunkSize ?? TEXT_DEFAULTS.chunkSize;
    let batchesRead = 0;
    try {
      for await (const batch of batches) {
        for (const record of batch) {
          const row = checker.check(record);
          if (row === undefined) continue;
          if (spill && (opts.allowPartial || issues.count === 0)) {
            const full = spill.add(row);
            if (full) await full;
          }
          if (opts.onRow && issues.count === 0) {
            const wait = opts.onRow(source, opts.seal ? sealRow(source.spec, row, opts.seal, sealedAccounts) : row);
            if (wait) await wait;
          }
        }
        const bytes = bytesBefore + Math.min(source.size, ++batchesRead * chunk);
        opts.onProgress?.({ stage: "validate", file: source.file, rows: source.read, bytes, totalBytes });
      }
    } catch (error) {
      if (error instanceof ReadError) report(error.line, error.column, error.reason);
      else if ((error as NodeJS.ErrnoException).code) issues.add(at, { file: source.file, reason: `cannot read (${(error as NodeJS.ErrnoException).code})` });
      else throw error;
    } finally {
      bytesBefore += source.size;
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

  const byFile = new Map(sources.map((s) => [s, s.spec.id && isReferenced(s.spec) ? s.spec.id.column : undefined]));
  return {
    sources,
    errors: issues.text(),
    errorCount: issues.count,
    warnings: warnings.text(),
    seconds: (performance.now() - started) / 1000,
    keep(source, rows) {
      const column = byFile.get(source);
      const valid = column === undefined ? rows : rows.filter((row) => ids.isValid(row[column] as string));
      const sealer = opts.seal;
      return sealer ? valid.map((row) => sealRow(source.spec, row, sealer, sealedAccounts)) : valid;
    },
  };
}

export type { Kind };
