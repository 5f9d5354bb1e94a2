// The importer: `importBundle(graph, folder)` validates a bundle folder (CSV / JSON Lines files of the
// import contract), writes it to Neo4j all-or-nothing (or only its valid rows with `allowPartial`),
// and records the run as an (:Import) node.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { cypher, emptyCounters, type Graph } from "../graph/index.ts";
import { BundleRejectedError, ImportFailedError } from "./errors.ts";
import { LOAD_DEFAULTS, loadBundle, type LoadOptions } from "./load.ts";
import type { ImportProgress, ImportReport } from "./report.ts";
import { buildReport, importBase, recordImport, startImport } from "./runs.ts";
import type { SealingVault } from "./seal.ts";
import { validateBundle, type Validation } from "./validate.ts";

export interface ImportOptions {
  /** Write the valid rows and report the rest, instead of writing nothing when any row is bad. */
  allowPartial: boolean;
  /** Rows per write transaction. */
  batchSize: number;
  /** Errors kept as text (all are counted). */
  errorLimit: number;
  /** The import's id; a new UUID when unset (the API may choose it first to report progress). */
  id?: string;
  /** What to record as the import's source; the folder when unset. */
  source?: string;
  /** Where spill files go while importing; the system temp folder when unset. */
  tempDir?: string;
  /** Write transactions in flight per phase (see LOAD_DEFAULTS). */
  writers?: Partial<LoadOptions["writers"]>;
  /**
   * CREATE the nodes instead of MERGE; by default when the database holds no entity as the writing
   * begins (validation proved the bundle's ids unique, so none can exist).
   */
  createNodes?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export const IMPORT_DEFAULTS: ImportOptions = { allowPartial: false, batchSize: 10_000, errorLimit: 1000 };

/**
 * Imports the bundle in `folder`. Resolves with the report when rows were written; throws
 * BundleRejectedError (nothing written) when errors block the import, and ImportFailedError when
 * writing fails part-way.
 */
export async function importBundle(graph: Graph, folder: string, options: Partial<ImportOptions> & { vault: SealingVault }): Promise<ImportReport> {
  const opts: ImportOptions = { ...IMPORT_DEFAULTS, ...options };
  const seal = options.vault.sealer();
  const base = importBase(folder, opts);
  await startImport(graph, base);
  const spillDir = await mkdtemp(path.join(opts.tempDir ?? os.tmpdir(), "county-import-"));
  const counters = emptyCounters();
  let validation: Validation | undefined;
  try {
    validation = await validateBundle(folder, {
      allowPartial: opts.allowPartial,
      batchSize: opts.batchSize,
      errorLimit: opts.errorLimit,
      spillDir,
      onProgress: opts.onProgress,
      seal,
    });
    if (validation.errorCount > 0 && !opts.allowPartial) {
      const report = buildReport(base, "rejected", validation);
      await recordImport(graph, report);
      throw new BundleRejectedError(report);
    }
    const writers = { ...LOAD_DEFAULTS.writers, ...opts.writers };
    const createNodes = opts.createNodes ?? !(await graph.read<{ exist: boolean }>(cypher("ingest/entities-exist.cypher")))[0]?.exist;
    // Rows are sealed as the loader reads them back (validation.keep); the vault gets their values
    // once written, also when the writing fails part-way (a re-run writes the same tokens).
    const loaded = await loadBundle(graph, validation, { onProgress: opts.onProgress, writers, createNodes }, counters).finally(() => seal.flush());
    // The full-text index of names is eventually consistent (off the write path): catch up before reporting.
    await graph.autoCommit(cypher("ingest/fulltext-refresh.cypher"));
    const report = buildReport(base, "succeeded", validation, {
      nodesCreated: counters.nodesCreated,
      relationshipsCreated: counters.relationshipsCreated,
      propertiesSet: counters.propertiesSet,
    });
    report.phases.nodes = loaded.phases.nodes;
    report.phases.relationships = loaded.phases.relationships;
    await recordImport(graph, report);
    return report;
  } catch (error) {
    if (error instanceof BundleRejectedError) throw error;
    const report = buildReport(base, "failed", validation, {
      nodesCreated: counters.nodesCreated,
      relationshipsCreated: counters.relationshipsCreated,
      propertiesSet: counters.propertiesSet,
    });
    report.errors = [...report.errors, `import failed: ${(error as Error).message}`];
    report.errorCount++;
    await recordImport(graph, report).catch(() => {});
    throw new ImportFailedError(report, { cause: error });
  } finally {
    await rm(spillDir, { recursive: true, force: true });
  }
}

export { BundleRejectedError, ImportFailedError, NormaliseError, ReadError, formatIssue, type Issue } from "./errors.ts";
export type { FileReport, ImportProgress, ImportReport, ImportStatus, PhaseReport } from "./report.ts";
export { BUNDLE_FILES, ENTITY_KINDS, type BundleFile, type Kind, type Reference } from "./files.ts";
export { rowParser, zodParser, type RowParser } from "./rows.ts";
export { validateBundle, VALIDATE_DEFAULTS, type BundleSource, type Validation, type ValidateOptions } from "./validate.ts";
export { loadBundle, LOAD_DEFAULTS, type LoadOptions, type LoadResult } from "./load.ts";
export { importBundleOffline, OFFLINE_DEFAULTS, type LoadedStore, type OfflineLoader, type OfflineImportOptions, type StoreLoad } from "./offline.ts";
export { readCsv, readCsvBatches, CSV_DEFAULTS, type CsvOptions } from "./csv.ts";
export { readJsonl, readJsonlBatches, JSONL_DEFAULTS, type JsonlOptions } from "./jsonl.ts";
export type { SourceRecord } from "./record.ts";
export * from "./normalise.ts";
export { sealRow, type RowSealer, type SealedKind, type SealingVault } from "./seal.ts";
