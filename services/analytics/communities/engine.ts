// Community engines behind one interface: the in-process graphology Louvain (the default) and
// Neo4j Graph Data Science for graphs too big for one process (./gds.ts), chosen by name.
import type { Graph } from "../../graph/index.ts";
import { UnknownCommunityEngineError } from "./errors.ts";
import { gdsEngine } from "./gds.ts";
import type { LouvainOptions } from "./louvain.ts";
import { runLouvain } from "./louvain.ts";
import type { ProjectionInput } from "./project.ts";
import { readCompactProjection } from "./project.ts";

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
}

export interface CommunityEngine {
  id: string;
  detect(graph: Graph, options: EngineOptions): Promise<Detection>;
}

/** Reads the projection in pages into a compact graph and runs graphology's seeded Louvain on it in this process. */
export const graphologyEngine: CommunityEngine = {
  id: "graphology",
  async detect(graph, options) {
    const projection = await readCompactProjection(graph, { ...options.projection, timeoutMs: options.timeoutMs ?? options.projection?.timeoutMs });
    const partition = runLouvain(projection.graph, options.louvain);
    return {
      communities: partition.communities,
      modularity: partition.modularity,
      contributions: partition.contributions,
      nodes: projection.graph.order,
      edges: projection.graph.size,
      seconds: { read: projection.seconds, louvain: partition.seconds },
      notes: [],
    };
  },
};

export const ENGINES: Readonly<Record<string, CommunityEngine>> = { graphology: graphologyEngine, gds: gdsEngine };

export const DEFAULT_ENGINE = "graphology";

/** The engine named `name` ("graphology" or "gds"). */
export function communityEngine(name: string = DEFAULT_ENGINE): CommunityEngine {
  const engine = Object.hasOwn(ENGINES, name) ? ENGINES[name] : undefined;
  if (!engine) throw new UnknownCommunityEngineError(`no community engine "${name}" (known: ${Object.keys(ENGINES).join(", ")})`);
  return engine;
}
