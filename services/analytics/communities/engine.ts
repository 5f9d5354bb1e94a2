// Community engines behind one interface (./types.ts): the in-process graphology Louvain (the
// default) and Neo4j Graph Data Science for graphs too big for one process (./gds.ts), chosen by name.
import { UnknownCommunityEngineError } from "./errors.ts";
import { gdsEngine } from "./gds.ts";
import { runLouvain } from "./louvain.ts";
import { readCompactProjection } from "./project.ts";
import type { CommunityEngine } from "./types.ts";

export type { CommunityEngine, Detection, EngineOptions } from "./types.ts";

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
      internalId: (key) => projection.graph.internalId(key),
      previous: projection.previous,
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
