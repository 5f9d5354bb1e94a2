// The record of an import run: its report (built the same way by the online and the offline path)
// and the (:Import) node that keeps it.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { cypher, type Graph } from "../graph/index.ts";
import type { ImportReport, ImportStatus, PhaseReport } from "./report.ts";
import type { Validation } from "./validate.ts";

export interface ImportBase {
  id: string;
  source: string;
  startedAt: Date;
}

/** The id, source and start time of a new import (ids and sources the caller chose are kept). */
export function importBase(folder: string, options: { id?: string; source?: string }): ImportBase {
  return { id: options.id ?? randomUUID(), source: options.source ?? path.resolve(folder), startedAt: new Date() };
}

const NO_PHASE: PhaseReport = { rows: 0, seconds: 0, rowsPerSecond: 0 };

/** Records the import as running: (:Import {id, source, status: 'running', startedAt}). */
export async function startImport(graph: Graph, base: ImportBase): Promise<void> {
  await graph.write(cypher("ingest/import-start.cypher"), { id: base.id, source: base.source, startedAt: base.startedAt.toISOString() });
}

export function buildReport(base: ImportBase, status: ImportStatus, validation: Validation | undefined, extra: Partial<ImportReport> = {}): ImportReport {
  const finished = new Date();
  const seconds = (finished.getTime() - base.startedAt.getTime()) / 1000;
  const files = (validation?.sources ?? []).map(({ file, format, read, valid, rejected }) => ({ file, format, read, valid, rejected }));
  const rows = files.reduce((t, f) => ({ read: t.read + f.read, valid: t.valid + f.valid, rejected: t.rejected + f.rejected }), { read: 0, valid: 0, rejected: 0 });
  return {
    id: base.id,
    source: base.source,
    status,
    startedAt: base.startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    files,
    rows,
    errors: validation?.errors ?? [],
    errorCount: validation?.errorCount ?? 0,
    warnings: validation?.warnings ?? [],
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    seconds,
    rowsPerSecond: seconds > 0 ? Math.round(rows.read / seconds) : 0,
    method: "online",
    phases: { validate: { rows: rows.read, seconds: validation?.seconds ?? 0, rowsPerSecond: validation && validation.seconds > 0 ? Math.round(rows.read / validation.seconds) : 0 }, nodes: NO_PHASE, relationships: NO_PHASE },
    ...extra,
  };
}

export async function recordImport(graph: Graph, report: ImportReport): Promise<void> {
  await graph.write(cypher("ingest/import-finish.cypher"), {
    id: report.id,
    finishedAt: report.finishedAt,
    props: {
      status: report.status,
      rows: report.rows.read,
      rowsValid: report.rows.valid,
      rowsRejected: report.rows.rejected,
      files: JSON.stringify(report.files),
      nodesCreated: report.nodesCreated,
      relationshipsCreated: report.relationshipsCreated,
      errors: report.errors,
      errorCount: report.errorCount,
      warnings: report.warnings.slice(0, 1000),
      seconds: report.seconds,
    },
  });
}

