// An analysis run: county baselines → flags → communities → community-stage flags → scores,
// recorded as (:AnalysisRun).
import { randomUUID } from "node:crypto";
import { cypher, type Graph } from "../graph/index.ts";
import { detectCommunities } from "./communities/index.ts";
import { analysisFinished } from "./events.ts";
import { loadFlags } from "./flags/registry.ts";
import { runFlag } from "./flags/run.ts";
import { computeBaselines, learnedParameters, storeBaselines } from "./scores/baselines.ts";
import { computeScores, weighStoredAlerts } from "./scores/index.ts";
import { AppError } from "../errors.ts";

export interface AnalysisOptions {
  /** Flag parameter overrides, by flag id then parameter name. */
  parameters?: Record<string, Record<string, unknown>>;
  onProgress?: (p: { stage: string; progress: number; detail?: string }) => void;
}

export interface AnalysisRun {
  id: string;
  status: "running" | "succeeded" | "failed";
  stage: string;
  progress: number;
  startedAt: string;
  finishedAt?: string;
  seconds?: Record<string, number>;
  summary?: Record<string, unknown>;
  error?: string;
}

export class AnalysisBusyError extends AppError {
  override name = "AnalysisBusyError";
  constructor() {
    super("busy", "another analysis run is in progress");
  }
}

/** Stages and their share of the progress bar. */
const SHARE = { baselines: 0.05, flags: 0.4, communities: 0.3, ring: 0.1, scores: 0.15 };

/** Runs the whole analysis and waits for it; the run is recorded in the graph. */
export async function runAnalysis(graph: Graph, options: AnalysisOptions = {}): Promise<AnalysisRun> {
  const id = await claimRun(graph, options);
  await execute(graph, id, options);
  return (await getAnalysisRun(graph, id))!;
}

/** Starts a run in the background and returns its id at once. */
export async function startAnalysis(graph: Graph, options: AnalysisOptions = {}): Promise<{ id: string }> {
  const id = await claimRun(graph, options);
  void execute(graph, id, options).catch(() => {
    // The failure is recorded on the run node by execute().
  });
  return { id };
}

export async function getAnalysisRun(graph: Graph, id: string): Promise<AnalysisRun | undefined> {
  const [row] = await graph.read<{ run: Record<string, unknown> }>(cypher("analysis/run-get.cypher"), { id });
  if (!row) return undefined;
  const run = row.run;
  return {
    ...(run as unknown as AnalysisRun),
    seconds: typeof run.seconds === "string" ? (JSON.parse(run.seconds) as Record<string, number>) : undefined,
    summary: typeof run.summary === "string" ? (JSON.parse(run.summary) as Record<string, unknown>) : undefined,
    finishedAt: (run.finishedAt as string | null) ?? undefined,
    error: (run.error as string | null) ?? undefined,
  };
}

/** Marks runs left "running" by a stopped process as failed, so a new run can start. */
export async function recoverInterruptedRuns(graph: Graph): Promise<number> {
  const [row] = await graph.write<{ recovered: number }>(cypher("analysis/run-recover.cypher"));
  return row?.recovered ?? 0;
}

async function claimRun(graph: Graph, options: AnalysisOptions): Promise<string> {
  const id = `run-${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`;
  const rows = await graph.write(cypher("analysis/run-start.cypher"), { id, parameters: JSON.stringify(options.parameters ?? {}) });
  if (rows.length === 0) throw new AnalysisBusyError();
  return id;
}

async function execute(graph: Graph, id: string, options: AnalysisOptions): Promise<void> {
  const seconds: Record<string, number> = {};
  const update = (fields: Record<string, unknown>) => graph.write(cypher("analysis/run-update.cypher"), { id, fields });
  const report = async (stage: string, progress: number, detail?: string) => {
    options.onProgress?.({ stage, progress, detail });
    await update({ stage, progress });
  };
  const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      seconds[stage] = Math.round((performance.now() - start)) / 1000;
    }
  };
  try {
    const flags = loadFlags();
    const first = flags.filter((f) => f.stage === "entities");
    const later = flags.filter((f) => f.stage === "after_communities");
    const hits: Record<string, number> = {};
    await report("baselines", 0);
    const baseline = await timed("baselines", () => computeBaselines(graph));
    await storeBaselines(graph, id, baseline);
    const learned = learnedParameters(baseline);
    let done = 0;
    for (const flag of first) {
      await report("flags", SHARE.baselines + (SHARE.flags * done) / first.length, flag.id);
      const result = await timed(`flag:${flag.id}`, () => runFlag(graph, flag, { runId: id, parameters: options.parameters, learned }));
      hits[flag.id] = result.hits;
      done += 1;
    }
    await report("communities", SHARE.baselines + SHARE.flags);
    const communities = await timed("communities", () => detectCommunities(graph, {}));
    // The community-stage detectors build on the other alerts as the county weighs them.
    if (later.length > 0) await timed("weigh", () => weighStoredAlerts(graph, { runId: id, baseline }));
    done = 0;
    for (const flag of later) {
      await report("ring", SHARE.baselines + SHARE.flags + SHARE.communities + (SHARE.ring * done) / Math.max(1, later.length), flag.id);
      const result = await timed(`flag:${flag.id}`, () => runFlag(graph, flag, { runId: id, parameters: options.parameters, learned }));
      hits[flag.id] = result.hits;
      done += 1;
    }
    await report("scores", SHARE.baselines + SHARE.flags + SHARE.communities + SHARE.ring);
    const scored = await timed("scores", () => computeScores(graph, { runId: id, baseline }));
    // The community stage's own split (read, Louvain, write back) and graph size, for benchmarks and operators.
    const communityStages = { ...communities.seconds, nodes: communities.nodes, edges: communities.edges };
    const summary = { hits, communities: communities.communities, modularity: communities.modularity, communityStages, scored, learned };
    options.onProgress?.({ stage: "done", progress: 1 });
    // Before the run shows as finished, so nobody who saw it finish reads a cached answer from before it.
    analysisFinished(id);
    await update({ status: "succeeded", stage: "done", progress: 1, finishedAt: new Date().toISOString(), seconds: JSON.stringify(seconds), summary: JSON.stringify(summary) });
  } catch (error) {
    analysisFinished(id);
    await update({ status: "failed", finishedAt: new Date().toISOString(), seconds: JSON.stringify(seconds), error: (error as Error).message });
    throw error;
  }
}
