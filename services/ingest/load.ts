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
  /**
   * Write transactions in flight at once, per phase. Node batches never touch the same node. Two
   * relationship batches may lock the same end nodes and deadlock; the driver retries, and a batch
   * that still fails that way is written again alone, the phase going on with one writer.
   */
  writers: Record<Phase, number>;
  /**
   * Create the nodes rather than merge them: the database held no entity when the import began, and
   * validation proved every id of the bundle unique, so none can exist yet.
   */
  createNodes: boolean;
}

export const LOAD_DEFAULTS: LoadOptions = { timeoutMs: 600_000, writers: { nodes: 2, relationships: 2 }, createNodes: false };

/** A deadlock or other transient failure: the batch can be written again. */
function transient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("Neo.TransientError.");
}

export interface LoadResult {
  counters: WriteCounters;
  phases: Record<Phase, PhaseReport>;
}

function phaseReport(rows: number, seconds: number): PhaseReport {
  return { rows, seconds, rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : 0 };
}

/** Writes one phase of every file; resolves with the rows written. */
async function writePhase(graph: Graph, validation: Validation, phase: Phase, opts: LoadOptions, counters: WriteCounters): Promise<number> {
  let limit = Math.max(1, opts.writers[phase]);
  /** Batches being written; the oldest is awaited before a new one starts when the limit is reached. */
  const inflight: Promise<void>[] = [];
  let rows = 0;
  try {
    for (const source of validation.sources) {
      const all = fileStatements(source.spec.name);
      const statements = phase === "nodes" && opts.createNodes ? all.create : all[phase];
      if (statements.length === 0 || !source.spill || source.valid === 0) continue;
      let written = 0;
      for await (const batch of readSpill(source.spill)) {
        const kept = validation.keep(source, batch);
        if (kept.length === 0) continue;
        while (inflight.length >= limit) await inflight.shift();
        const metadata = { app: "county-graph import", file: source.file, phase };
        const attempt = () => graph.writeCounted(statements.map((query) => ({ query, params: { rows: kept } })), { timeoutMs: opts.timeoutMs, metadata });
        const write: Promise<void> = attempt()
          .catch(async (error: unknown) => {
            if (!transient(error) || limit === 1) throw error;
            // Still deadlocking after the driver's retries: write this batch alone, then go on with one writer.
            limit = 1;
            await Promise.allSettled(inflight.filter((p) => p !== write));
            return attempt();
          })
          .then((c) => {
            addCounters(counters, c);
            written += kept.length;
            rows += kept.length;
            opts.onProgress?.({ stage: "write", phase, file: source.file, rows: written, totalRows: source.valid });
          });
        // Handled when awaited; this keeps a failure meanwhile from counting as unhandled.
        write.catch(() => {});
        inflight.push(write);
      }
    }
    while (inflight.length > 0) await inflight.shift();
  } catch (error) {
    // Let the other batches in flight settle before reporting, so nothing is written afterwards.
    await Promise.allSettled(inflight);
    throw error;
  }
  return rows;
}

/** Writes the valid rows of a validated bundle, nodes first; `counters` is updated as batches commit. */
export async function loadBundle(graph: Graph, validation: Validation, options: Partial<LoadOptions> = {}, counters: WriteCounters = emptyCounters()): Promise<LoadResult> {
  const opts: LoadOptions = { ...LOAD_DEFAULTS, ...options };
  const phases = {} as Record<Phase, PhaseReport>;
  for (const phase of ["nodes", "relationships"] as const) {
    const started = performance.now();
    const rows = await writePhase(graph, validation, phase, opts, counters);
    phases[phase] = phaseReport(rows, (performance.now() - started) / 1000);
  }
  return { counters, phases };
}
