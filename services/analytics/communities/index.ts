// Community detection, end to end: project the tie graph → Louvain (seeded) → stable ids →
// write-back (communityId on members, (:Community) nodes, a (:CommunityRun) record).
import { randomUUID } from "node:crypto";
import type { Graph } from "../../graph/index.ts";
import { type CommunityEngine, communityEngine, DEFAULT_ENGINE } from "./engine.ts";
import { CommunityOptionError } from "./errors.ts";
import { type LouvainOptions, louvainOptions } from "./louvain.ts";
import { type ProjectionInput, projectionOptions } from "./project.ts";
import { assignStableIds } from "./stable-ids.ts";
import { DEFAULT_WRITE, type PreviousAssignment, readMaxIssued, readPrevious, type WriteOptions, type WriteResult, writeCommunities } from "./write.ts";

export interface DetectCommunitiesOptions {
  /** "graphology" (in process, the default), "gds" (Neo4j Graph Data Science), or an engine. */
  engine: string | CommunityEngine;
  projection: ProjectionInput;
  louvain: Partial<LouvainOptions>;
  /** Communities smaller than this get no id (their members lose any communityId); singletons never do. */
  minSize: number;
  write: Partial<Omit<WriteOptions, "runId">>;
  /** Names the run; a fresh one by default. */
  runId?: string;
  /** Transaction timeout of each statement, in milliseconds. */
  timeoutMs?: number;
}

export const DEFAULT_DETECT: Readonly<DetectCommunitiesOptions> = {
  engine: DEFAULT_ENGINE,
  projection: {},
  louvain: {},
  minSize: 2,
  write: { ...DEFAULT_WRITE },
};

export interface DetectCommunitiesResult {
  runId: string;
  engine: string;
  /** Communities written (size ≥ minSize). */
  communities: number;
  modularity: number;
  /** Size of the largest community (0 when there is none). */
  largest: number;
  /** Entities and summed ties in the projected graph. */
  nodes: number;
  edges: number;
  /** Communities that kept their id from the previous run, and those with a fresh one. */
  kept: number;
  fresh: number;
  write: Omit<WriteResult, "seconds">;
  /** read: projection (and the previous assignment, read alongside); write: stable ids and write-back. */
  seconds: { read: number; louvain: number; write: number; total: number };
  notes: string[];
}

export async function detectCommunities(graph: Graph, input: Partial<DetectCommunitiesOptions> = {}): Promise<DetectCommunitiesResult> {
  const options: DetectCommunitiesOptions = { ...DEFAULT_DETECT, ...input, write: { ...DEFAULT_DETECT.write, ...input.write } };
  if (!Number.isSafeInteger(options.minSize) || options.minSize < 2) throw new CommunityOptionError(`minSize must be an integer ≥ 2, not ${options.minSize}`);
  const engine = typeof options.engine === "string" ? communityEngine(options.engine) : options.engine;
  projectionOptions(options.projection); // refuse bad options before any work
  louvainOptions(options.louvain);
  const runId = options.runId ?? `communities-${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`;
  const started = performance.now();

  const maxRead = readMaxIssued(graph, options.timeoutMs);
  maxRead.catch(() => {}); // awaited below; the detection's own failure must not leave this one unhandled
  const detection = await engine.detect(graph, {
    runId,
    projection: options.projection,
    louvain: options.louvain,
    timeoutMs: options.timeoutMs,
  });
  // The previous assignment: read with the projection where the engine did (the packed read), else apart.
  const previousStarted = performance.now();
  const previous: PreviousAssignment & { seconds: number } = detection.previous
    ? { members: detection.previous, maxIssued: await maxRead, seconds: 0 }
    : { ...(await readPrevious(graph, options.timeoutMs)), seconds: (performance.now() - previousStarted) / 1000 };

  const writeStarted = performance.now();
  const kept = detection.communities
    .map((members, i) => ({ members, modularity: detection.contributions[i] ?? null }))
    .filter((c) => c.members.length >= options.minSize);
  const stable = assignStableIds(
    kept.map((c) => c.members),
    previous.members,
    previous.maxIssued,
  );
  const largest = kept[0]?.members.length ?? 0;
  const carried = stable.kept.filter(Boolean).length;
  const written = await writeCommunities(
    graph,
    {
      communities: kept.map((c, i) => ({ id: stable.ids[i]!, members: c.members, modularity: c.modularity })),
      previous: previous.members,
      internalId: detection.internalId,
      modularity: detection.modularity,
      maxIssued: stable.maxIssued,
      stats: {
        engine: engine.id,
        communities: kept.length,
        largest,
        nodes: detection.nodes,
        edges: detection.edges,
        kept: carried,
        fresh: kept.length - carried,
        readSeconds: detection.seconds.read,
        louvainSeconds: detection.seconds.louvain,
      },
    },
    { ...options.write, runId, timeoutMs: options.timeoutMs },
  );
  const { seconds: _writeSeconds, ...write } = written;
  return {
    runId,
    engine: engine.id,
    communities: kept.length,
    modularity: detection.modularity,
    largest,
    nodes: detection.nodes,
    edges: detection.edges,
    kept: carried,
    fresh: kept.length - carried,
    write,
    seconds: {
      read: detection.seconds.read + previous.seconds,
      louvain: detection.seconds.louvain,
      write: (performance.now() - writeStarted) / 1000,
      total: (performance.now() - started) / 1000,
    },
    notes: detection.notes,
  };
}

export { communityEngine, DEFAULT_ENGINE, ENGINES, graphologyEngine, type CommunityEngine, type Detection, type EngineOptions } from "./engine.ts";
export { CommunityOptionError, CommunityProjectionError, GdsUnavailableError, UnknownCommunityEngineError } from "./errors.ts";
export { gdsCapabilities, gdsEngine, gdsProcedures, type GdsCapabilities } from "./gds.ts";
export { DEFAULT_LOUVAIN, runLouvain, seededRandom, type LouvainGraph, type LouvainOptions, type Partition } from "./louvain.ts";
export {
  DEFAULT_PROJECTION,
  projectionOptions,
  readCompactProjection,
  readProjection,
  readTies,
  readPagedTies,
  readPackedTies,
  packedReadAvailable,
  type CompactProjection,
  type Projection,
  type ProjectionInput,
  type ProjectionOptions,
  type TieRead,
  type TieReader,
} from "./project.ts";
export { TieCollector } from "./tie-collector.ts";
export { DEFAULT_TIE_WEIGHTS, PAGE_KINDS, type TieGraph, type TieKind, type TiePage, type TieWeights } from "./ties.ts";
export { CompactGraphError, CompactTieGraph, type TieList } from "./compact-graph.ts";
export { assignStableIds, type StableIds } from "./stable-ids.ts";
export { communitySummaries, communitySummary, DEFAULT_SUMMARY, type CommunitySummary, type FlagCount, type SummaryOptions, type TopMember } from "./summary.ts";
export { DEFAULT_WRITE, readMaxIssued, readPrevious, writeCommunities, type CommunityRecord, type PreviousAssignment, type WriteOptions, type WriteResult } from "./write.ts";
