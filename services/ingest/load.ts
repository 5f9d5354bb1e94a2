// The writer: spilled valid rows → batched `UNWIND $rows … MERGE` statements. Nodes of every file
// first, then relationships; one batch in flight while the next is read back from disk.
import { addCounters, emptyCounters, type Graph, type WriteCounters } from "../graph/index.ts";
import type { ImportProgress, PhaseReport } from "./report.ts";
import { readSpill } from "./spill.ts";
import { fileStatements, type Phase } from "./statements.ts";
import type { Validation } from "./validate.ts";

export interface LoadOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Transaction timeout per batch, in milliseconds. */
  timeoutMs: number;
}

export const LOAD_DEFAULTS: LoadOptions = { timeoutMs: 600_000 };

export interface LoadResult {
  counters: WriteCounters;
  phases: Record<Phase, PhaseReport>;
}

function phaseReport(rows: number, seconds: number): PhaseReport {
  return { rows, seconds, rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : 0 };
}

/** Writes the valid rows of a validated bundle; `counters` is updated as batches commit. */
export async function loadBundle(graph: Graph, validation: Validation, options: Partial<LoadOptions> = {}, counters: WriteCounters = emptyCounters()): Promise<LoadResult> {
  const opts: LoadOptions = { ...LOAD_DEFAULTS, ...options };
  const phases = {} as Record<Phase, PhaseReport>;
  for (const phase of ["nodes", "relationships"] as const) {
    const started = performance.now();
    let rows = 0;
    for (const source of validation.sources) {
      const statements = fileStatements(source.spec.name)[phase];
      if (statements.length === 0 || !source.spill || source.valid === 0) continue;
      let written = 0;
      let inflight: Promise<void> | undefined;
      for await (const batch of readSpill(source.spill)) {
        const kept = validation.keep(source, batch);
        if (kept.length === 0) continue;
        if (inflight) await inflight;
        inflight = graph
          .writeCounted(statements.map((query) => ({ query, params: { rows: kept } })), { timeoutMs: opts.timeoutMs, metadata: { app: "county-graph import", file: source.file, phase } })
          .then((c) => {
            addCounters(counters, c);
            written += kept.length;
            opts.onProgress?.({ stage: "write", phase, file: source.file, rows: written, totalRows: source.valid });
          });
        // Handled when awaited before the next batch; this keeps a failure meanwhile from counting as unhandled.
        inflight.catch(() => {});
      }
      if (inflight) await inflight;
      rows += written;
    }
    phases[phase] = phaseReport(rows, (performance.now() - started) / 1000);
  }
  return { counters, phases };
}
