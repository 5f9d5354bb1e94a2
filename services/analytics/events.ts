// Process-wide notice that an analysis run has finished writing its results (alerts, communities,
// scores), so caches of derived answers in this process (the API's risk cache) drop them at once.
// No imports: the API subscribes at start without loading the analytics modules.

export type AnalysisFinishedListener = (runId: string) => void;

const listeners = new Set<AnalysisFinishedListener>();

/** Calls `listener` whenever a run in this process finishes (succeeded or failed); returns the unsubscribe. */
export function onAnalysisFinished(listener: AnalysisFinishedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener that run `runId` wrote its last result; a throwing listener does not stop the others. */
export function analysisFinished(runId: string): void {
  for (const listener of listeners) {
    try {
      listener(runId);
    } catch {
      // A cache that cannot clear itself must not fail the run.
    }
  }
}
