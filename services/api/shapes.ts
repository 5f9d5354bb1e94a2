// The plain shapes repositories return (the map projections of cypher/api), owned here so that a
// repository needs no HTTP schema (eslint keeps it so: docs/ARCHITECTURE.md). services/api/schemas.ts
// describes the same shapes for the OpenAPI document and is type-checked against them.
import type { Grade } from "../analytics/grades.ts";
import type { GraphEdgeT } from "../graph/index.ts";

export type { GraphEdgeT, GraphNodeT } from "../graph/index.ts";

export interface EntityRefT {
  id: string;
  type: string;
  name: string;
}

/** An alert's evidence: element ids resolved to nodes and ties (cypher/api/evidence.cypher). */
export interface EvidenceT {
  nodes: EntityRefT[];
  relationships: Omit<GraphEdgeT, "properties">[];
}

/** What an alert says, wherever it is read: the alert list and detail, a risk explanation's hits. */
export interface AlertFieldsT {
  flag: string;
  weight: number;
  confidence: number;
  /** weight × confidence × county discount */
  score: number;
  amount: number;
  grade: Grade | null;
  summary: string | null;
  status: string;
}
