// The bundle importer the API runs; services/ingest is imported on first use, so that the API
// starts even while the importer cannot be loaded.
import type { ImportOptions, ImportReport } from "../../ingest/index.ts";
import type { Graph } from "../../graph/index.ts";
import type { IdentifierVault } from "../../store/index.ts";

export type { ImportProgress, ImportReport } from "../../ingest/index.ts";

export interface Importer {
  run(graph: Graph, folder: string, options: Partial<ImportOptions>): Promise<ImportReport>;
}

/** The importer of services/ingest, sealing identifiers into `vault`. */
export function ingestImporter(vault: IdentifierVault): Importer {
  return { run: async (graph, folder, options) => (await import("../../ingest/index.ts")).importBundle(graph, folder, { ...options, vault }) };
}

/** The report carried by the importer's BundleRejectedError / ImportFailedError, if any. */
export function reportOf(error: unknown): ImportReport | undefined {
  const report = (error as { report?: ImportReport } | null)?.report;
  return report && typeof report === "object" && typeof report.status === "string" ? report : undefined;
}
