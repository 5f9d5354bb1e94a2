// The offline path of an import into an empty local database: one pass checks the bundle and writes
// the importer's node and relationship files, Neo4j's own importer loads them into the empty store
// before the server starts, then the schema (constraints, indexes, the full-text index) is built over
// the loaded graph and the import is recorded like an online one. The graph is the online loader's
// (tests/integration/import-bulk.test.ts compares the two).
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { cypher, migrate, type Graph } from "../graph/index.ts";
import { ImporterWriter, writeImporterFiles, type ImporterFiles } from "./bulk/write.ts";
import { BundleRejectedError, ImportFailedError } from "./errors.ts";
import type { ImportProgress, ImportReport, OfflineStages } from "./report.ts";
import { buildReport, importBase, recordImport, startImport } from "./runs.ts";
import type { SealingVault } from "./seal.ts";
import { validateBundle, type Validation } from "./validate.ts";

/** What the offline importer reported when it finished. */
export interface LoadedStore {
  nodes: number;
  relationships: number;
  properties: number;
  /** The launcher's import time, and the importer's own steps. */
  importerSeconds: number;
  steps: Record<string, number>;
  peakMemory?: string;
}

/** The importer's files: its arguments, and the nodes and relationships they hold (to show progress). */
export interface StoreLoad {
  args: readonly string[];
  nodes: number;
  relationships: number;
}

/** Starts the database: after the importer loaded the files into the empty store, or (without) as it is. */
export interface OfflineLoader {
  start(load?: StoreLoad): Promise<{ graph: Graph; store?: LoadedStore }>;
}

export interface OfflineImportOptions {
  allowPartial: boolean;
  errorLimit: number;
  /** The database the importer fills (on Community, `neo4j`). */
  database: string;
  /** Folder for the importer's files while they are needed (emptied first, removed after). */
  workDir: string;
  id?: string;
  source?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export const OFFLINE_DEFAULTS = { allowPartial: false, errorLimit: 1000, database: "neo4j" };

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

/**
 * Imports the bundle in `folder` into the empty local database through the offline importer and
 * starts the server. Resolves with the graph and the report; throws BundleRejectedError (nothing
 * loaded, the server started on the empty store, the rejection recorded) when errors block the
 * import. The graph comes from `loader`, which owns it.
 */
export async function importBundleOffline(
  folder: string,
  loader: OfflineLoader,
  options: Partial<OfflineImportOptions> & Pick<OfflineImportOptions, "workDir"> & { vault: SealingVault },
): Promise<{ graph: Graph; report: ImportReport }> {
  const opts: OfflineImportOptions = { ...OFFLINE_DEFAULTS, ...options };
  const seal = options.vault.sealer();
  const base = importBase(folder, opts);
  const started = performance.now();
  const filesDir = path.join(opts.workDir, "files");
  const spillDir = opts.allowPartial ? path.join(opts.workDir, "spill") : undefined;
  if (spillDir) await mkdir(spillDir, { recursive: true });
  const writer = await ImporterWriter.create(filesDir);
  let validation: Validation;
  let files: ImporterFiles;
  try {
    validation = await validateBundle(folder, {
      allowPartial: opts.allowPartial,
      errorLimit: opts.errorLimit,
      spillDir,
      onProgress: opts.onProgress,
      onRow: (source, row) => writer.add(source.spec.name, row),
      seal,
    });
    if (validation.errorCount > 0 && !opts.allowPartial) {
      await writer.close();
      await rm(opts.workDir, { recursive: true, force: true });
      const { graph } = await loader.start();
      await migrate(graph);
      const report = buildReport(base, "rejected", validation);
      await startImport(graph, base);
      await recordImport(graph, report);
      throw new BundleRejectedError(report);
    }
    if (validation.errorCount > 0) {
      // Rows written as they came may include some that a later file's check rejected: write the
      // files again from the valid rows alone.
      await writer.close();
      files = await writeImporterFiles(validation, filesDir, { database: opts.database, onProgress: opts.onProgress });
    } else files = await writer.finish(opts.database);
    // The vault holds every value before the store shows its token.
    await seal.flush();
  } catch (error) {
    await writer.close().catch(() => {});
    if (!(error instanceof BundleRejectedError)) await rm(opts.workDir, { recursive: true, force: true });
    throw error;
  }
  const checkAndFiles = seconds(started);

  let loadStarted = performance.now();
  const { graph, store } = await loader.start({ args: files.args, nodes: files.nodes, relationships: files.relationships }).finally(() => rm(opts.workDir, { recursive: true, force: true }));
  const stages: OfflineStages = {
    checkAndFiles,
    importer: store?.importerSeconds ?? 0,
    steps: store?.steps ?? {},
    serverStart: seconds(loadStarted) - (store?.importerSeconds ?? 0),
    schema: 0,
    peakMemory: store?.peakMemory,
  };
  loadStarted = performance.now();
  try {
    await migrate(graph);
    await graph.write(cypher("ingest/bulk-cadres.cypher"));
    stages.schema = seconds(loadStarted);
    const nodesSeconds = stages.steps["Node import"] ?? 0;
    const relationshipSeconds = (stages.steps["Relationship import"] ?? 0) + (stages.steps["Relationship linking"] ?? 0);
    const phase = (rows: number, s: number) => ({ rows, seconds: s, rowsPerSecond: s > 0 ? Math.round(rows / s) : 0 });
    const report = buildReport(base, "succeeded", validation, {
      method: "offline",
      nodesCreated: store?.nodes ?? files.nodes,
      relationshipsCreated: store?.relationships ?? files.relationships,
      propertiesSet: store?.properties ?? 0,
      offline: stages,
    });
    report.phases.nodes = phase(report.nodesCreated, nodesSeconds);
    report.phases.relationships = phase(report.relationshipsCreated, relationshipSeconds);
    await startImport(graph, base);
    await recordImport(graph, report);
    return { graph, report };
  } catch (error) {
    const report = buildReport(base, "failed", validation, { method: "offline", offline: stages });
    report.errors = [...report.errors, `import failed: ${(error as Error).message}`];
    report.errorCount++;
    throw new ImportFailedError(report, { cause: error });
  }
}
