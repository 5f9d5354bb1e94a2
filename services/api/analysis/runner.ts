// The analysis runner the API starts and reads runs with. The analytics module is imported on first
// use, so the API starts (and its other routes answer) even while analytics cannot be loaded.
import type { AnalysisRun } from "../../analytics/run.ts";
import type { Graph } from "../../graph/index.ts";

export type { AnalysisRun } from "../../analytics/run.ts";

export interface AnalysisRunner {
  start(graph: Graph, options: { parameters?: Record<string, Record<string, unknown>> }): Promise<{ id: string }>;
  get(graph: Graph, id: string): Promise<AnalysisRun | undefined>;
}

export const analyticsRunner: AnalysisRunner = {
  start: async (graph, options) => (await import("../../analytics/run.ts")).startAnalysis(graph, options),
  get: async (graph, id) => (await import("../../analytics/run.ts")).getAnalysisRun(graph, id),
};
