// The community-engine interface, in a module of its own so that the engines (./engine.ts holds
// graphology's and the registry, ./gds.ts Graph Data Science's) import it without importing each other.
import type { Graph } from "../../graph/index.ts";
import type { LouvainOptions } from "./louvain.ts";
import type { ProjectionInput } from "./project.ts";

export interface EngineOptions {
  /** Names the run (the GDS engine names its in-memory graph after it). */
  runId: string;
  projection?: ProjectionInput;
  louvain?: Partial<LouvainOptions>;
  /** Transaction timeout of each statement, in milliseconds. */
  timeoutMs?: number;
}

export interface Detection {
  /** Members (entity ids) of every community, singletons included, largest first. */
  communities: string[][];
  modularity: number;
  /** Each community's share of the modularity, aligned with `communities`; null where the engine cannot tell. */
  contributions: (number | null)[];
  /** Entities and summed ties in the projected graph. */
  nodes: number;
  edges: number;
  seconds: { read: number; louvain: number };
  /** Anything the caller should know about how the engine ran (e.g. a seed it could not honour). */
  notes: string[];
  /** Entity id → communityId before this run, when the engine read it with the projection (else it is read apart). */
  previous?: ReadonlyMap<string, number>;
  /** The internal node id of a member as the engine read it, when it knows (the write-back then seeks nodes by id). */
  internalId?: (key: string) => number | undefined;
}

export interface CommunityEngine {
  id: string;
  detect(graph: Graph, options: EngineOptions): Promise<Detection>;
}
