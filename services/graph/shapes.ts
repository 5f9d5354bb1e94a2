// How the explorer draws a node and a relationship: the shape the API's map projections
// (cypher/api) return and the saved-query runner builds from its rows (services/queries/runner.ts).
// Ids are the API's: an entity's id, `phone:<number>` or `address:<text>` for shared identifiers.

export interface GraphNodeT {
  id: string;
  type: string;
  name: string;
  cadre: boolean;
  riskScore: number | null;
  riskGrade: string | null;
  communityId: number | null;
  /** A grant's year (the explorer's year filter); null for undated entities. */
  year: number | null;
}

export interface GraphEdgeT {
  /** Relationship element id. */
  id: string;
  type: string;
  source: string;
  target: string;
  /** Kinship relation, company or post role, else the type in lower case. */
  label: string;
  properties: Record<string, unknown>;
}
