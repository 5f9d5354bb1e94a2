// API-shaped nodes and ties for the explorer's unit tests.
import type { GraphEdge, GraphNode } from "../../ui/shared/api-types.ts";

export function node(id: string, over: Partial<GraphNode> = {}): GraphNode {
  return { id, type: "person", name: `名${id}`, cadre: false, riskScore: null, riskGrade: null, communityId: null, year: null, ...over };
}

export function edge(id: string, source: string, target: string, type = "KIN", over: Partial<GraphEdge> = {}): GraphEdge {
  return { id, type, source, target, label: type.toLowerCase(), properties: {}, ...over };
}
