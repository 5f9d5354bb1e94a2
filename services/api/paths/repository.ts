// Path search in the graph: the bounded shortest-path query of cypher/api/paths.cypher.
import { cypherWith, type Graph, SlotValue, typedParams } from "../../graph/index.ts";
import type { GraphEdgeT, GraphNodeT } from "../shapes.ts";

export interface RawPath {
  nodes: GraphNodeT[];
  relationships: GraphEdgeT[];
}

export interface PathQuery {
  from: string;
  to: string;
  types: string[];
  maxHops: number;
  all: boolean;
  maxOwners: number;
  limit: number;
  timeoutMs: number;
}

export class PathRepository {
  constructor(private readonly graph: Graph) {}

  async shortest(q: PathQuery): Promise<RawPath[]> {
    const text = cypherWith("api/paths.cypher", {
      MODE: SlotValue.oneOf(q.all ? "ALL SHORTEST" : "SHORTEST 1", ["ALL SHORTEST", "SHORTEST 1"]),
      MAX_HOPS: SlotValue.integer(q.maxHops, 1, 10),
    });
    return this.graph.read<RawPath & Record<string, unknown>>(
      text,
      typedParams({ from: q.from, to: q.to, types: q.types, maxOwners: q.maxOwners, limit: q.limit }, { maxOwners: "integer", limit: "integer" }),
      { timeoutMs: q.timeoutMs, metadata: { app: "paths" } },
    );
  }
}
