// Entity reads: search, detail, neighbourhood rings, nodes and the ties among them.
import { cypher, type Graph, typedParams } from "../../graph/index.ts";
import { type NodeRef, nodeRef } from "../nodes.ts";
import type { GraphEdgeT, GraphNodeT } from "../shapes.ts";

export interface SearchHit extends GraphNodeT {
  match: "id" | "identifier" | "name";
  score: number;
}

export interface SearchInput {
  q: string;
  account: string | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  lucene: string | null;
  label: string | null;
  limit: number;
}

export interface EntityRow {
  id: string;
  type: string;
  name: string;
  labels: string[];
  properties: Record<string, unknown>;
  relationships: { type: string; out: number; in: number }[];
  riskScore: number | null;
  riskGrade: string | null;
  riskAmount: number | null;
  riskHits: number | null;
  communityId: number | null;
  activeAlerts: number;
}

export interface Ring {
  from: string;
  total: number;
  neighbours: { elementId: string; node: GraphNodeT }[];
}

export class EntityRepository {
  constructor(private readonly graph: Graph) {}

  async search(input: SearchInput): Promise<SearchHit[]> {
    const ftLimit = input.label ? Math.max(200, input.limit * 10) : input.limit * 2;
    const rows = await this.graph.read<{ item: SearchHit }>(
      cypher("api/entity-search.cypher"),
      typedParams({ ...input, ftLimit }, { limit: "integer", ftLimit: "integer" }),
    );
    return rows.map((r) => r.item);
  }

  async get(ref: NodeRef): Promise<EntityRow | undefined> {
    const [row] = await this.graph.read<{ entity: EntityRow }>(cypher("api/entity-get.cypher"), ref as unknown as Record<string, unknown>);
    return row?.entity;
  }

  /** Element ids of the nodes with these API ids (absent ones are left out). */
  async resolve(keys: string[]): Promise<Map<string, string>> {
    const rows = await this.graph.read<{ key: string; elementId: string }>(cypher("api/entity-resolve.cypher"), { refs: keys.map(nodeRef) });
    return new Map(rows.map((r) => [r.key, r.elementId]));
  }

  /** One ring; `offset` skips that many of each frontier node's ties (the service pages the root's only). */
  async expand(frontier: string[], types: string[] | null, cap: number, offset = 0): Promise<Ring[]> {
    return this.graph.read<Ring & Record<string, unknown>>(
      cypher("api/entity-expand.cypher"),
      typedParams({ frontier, types, cap, offset }, { cap: "integer", offset: "integer" }),
    );
  }

  async nodes(elementIds: string[]): Promise<Map<string, GraphNodeT>> {
    const rows = await this.graph.read<{ elementId: string; node: GraphNodeT }>(cypher("api/entity-nodes.cypher"), { ids: elementIds });
    return new Map(rows.map((r) => [r.elementId, r.node]));
  }

  async edgesAmong(elementIds: string[], types: string[] | null, limit: number): Promise<GraphEdgeT[]> {
    const rows = await this.graph.read<{ edge: GraphEdgeT }>(
      cypher("api/entity-edges.cypher"),
      typedParams({ ids: elementIds, types, limit }, { limit: "integer" }),
    );
    return rows.map((r) => r.edge);
  }
}
