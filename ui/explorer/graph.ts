// The model: a graphology graph of the entities on the canvas. A node keeps the API's node and
// how many of its ties are not shown yet ("N more"); the ties between two nodes, whatever their
// number and direction, are one graph edge listing them (so parallel ties stay one readable line
// whose label names each). New nodes are placed around the node they came from on a golden-angle
// spiral, so the same answers always give the same starting picture.
import Graph from "graphology";
import type { GraphEdge as Edge, GraphNode as Node } from "../shared/api-types.ts";
import { type Tie, tieYears } from "./filters.ts";

export interface NodeAttrs {
  x: number;
  y: number;
  label: string;
  data: Node;
  /** Ties of this node not on the canvas, as the last neighbourhood answer said. */
  more?: number;
  /** The offset of the next page of its ties (see GET /entities/:id/neighbourhood). */
  nextOffset?: number;
  /** Its neighbourhood was asked for. */
  expanded?: boolean;
  /** Only a reference is known (id, type, name: from a hit's evidence); scores are missing. */
  partial?: boolean;
}

export interface EdgeAttrs {
  ties: Tie[];
}

export type ExplorerGraph = Graph<NodeAttrs, EdgeAttrs>;

export function createGraph(): ExplorerGraph {
  return new Graph<NodeAttrs, EdgeAttrs>({ type: "directed", multi: false, allowSelfLoops: true });
}

/** The key of the one graph edge between two nodes, whichever way the ties run. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Where the i-th new node around `centre` goes. */
export function spiral(centre: { x: number; y: number }, i: number, step = 1): { x: number; y: number } {
  const r = step * Math.sqrt(i + 1);
  return { x: centre.x + r * Math.cos(i * GOLDEN_ANGLE), y: centre.y + r * Math.sin(i * GOLDEN_ANGLE) };
}

export interface GraphPiece {
  nodes: readonly Node[];
  edges: readonly Edge[];
}

export interface MergeResult {
  addedNodes: string[];
  addedTies: number;
}

/** The centre new nodes of a piece are placed around: the anchor, else the mean of the canvas. */
function centreOf(graph: ExplorerGraph, anchor: string | undefined): { x: number; y: number } {
  if (anchor && graph.hasNode(anchor)) return { x: graph.getNodeAttribute(anchor, "x"), y: graph.getNodeAttribute(anchor, "y") };
  if (graph.order === 0) return { x: 0, y: 0 };
  let x = 0;
  let y = 0;
  graph.forEachNode((_, a) => {
    x += a.x;
    y += a.y;
  });
  return { x: x / graph.order, y: y / graph.order };
}

/**
 * Adds the nodes (updating the data of those already there) and the ties of an API answer. A
 * `partial` piece (references only, such as a hit's evidence) never overwrites what is known.
 */
export function mergePiece(graph: ExplorerGraph, piece: GraphPiece, anchor?: string, partial = false): MergeResult {
  const centre = centreOf(graph, anchor);
  const placed = graph.order === 0 ? 0 : 1;
  const addedNodes: string[] = [];
  for (const n of piece.nodes) {
    if (graph.hasNode(n.id)) {
      if (!partial) graph.mergeNodeAttributes(n.id, { data: n, label: n.name, partial: false });
      continue;
    }
    // The first node of an empty canvas sits at the centre.
    const at = graph.order === 0 && addedNodes.length === 0 ? centre : spiral(centre, addedNodes.length + placed - 1, 1 + Math.log10(piece.nodes.length + 1));
    graph.addNode(n.id, { ...at, label: n.name, data: n, partial });
    addedNodes.push(n.id);
  }
  let addedTies = 0;
  for (const e of piece.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const key = pairKey(e.source, e.target);
    const grant = [e.source, e.target].map((id) => graph.getNodeAttribute(id, "data")).find((d) => d.type === "grant");
    const tie: Tie = { id: e.id, type: e.type, source: e.source, target: e.target, label: e.label, properties: e.properties, years: tieYears(e.properties, grant?.year ?? null) };
    if (!graph.hasEdge(key)) {
      graph.addEdgeWithKey(key, e.source, e.target, { ties: [tie] });
      addedTies += 1;
    } else {
      const ties = graph.getEdgeAttribute(key, "ties");
      const known = ties.findIndex((t) => t.id === tie.id);
      if (known >= 0) {
        // A tie first seen without its properties (evidence) gets them when a full answer comes.
        if (Object.keys(ties[known]!.properties).length === 0 && Object.keys(tie.properties).length > 0) {
          graph.setEdgeAttribute(key, "ties", ties.map((t, i) => (i === known ? tie : t)));
        }
        continue;
      }
      graph.setEdgeAttribute(key, "ties", [...ties, tie].sort((a, b) => (a.type === b.type ? a.id.localeCompare(b.id) : a.type.localeCompare(b.type))));
      addedTies += 1;
    }
  }
  return { addedNodes, addedTies };
}

/** A node of the API's shape from a reference (a hit's evidence): no score known. */
export function nodeFromRef(ref: { id: string; type: string; name: string }): Node {
  return { id: ref.id, type: ref.type, name: ref.name, cadre: false, riskScore: null, riskGrade: null, communityId: null, year: null };
}

/** Records what a neighbourhood answer said is left of each node ("N more"). */
export function markTruncation(graph: ExplorerGraph, root: string, truncated: readonly { id: string; more: number; nextOffset?: number }[]): void {
  if (graph.hasNode(root)) graph.mergeNodeAttributes(root, { expanded: true, more: 0, nextOffset: undefined });
  for (const t of truncated) {
    if (!graph.hasNode(t.id)) continue;
    graph.mergeNodeAttributes(t.id, { more: t.more, nextOffset: t.nextOffset });
  }
}

/** Splits a piece into chunks of at most `size` nodes, each with the ties whose ends are in it or before. */
export function chunks(piece: GraphPiece, size: number): GraphPiece[] {
  if (piece.nodes.length <= size) return [piece];
  const out: GraphPiece[] = [];
  const seen = new Set<string>();
  const pending = [...piece.edges];
  for (let i = 0; i < piece.nodes.length; i += size) {
    const nodes = piece.nodes.slice(i, i + size);
    for (const n of nodes) seen.add(n.id);
    const ready: Edge[] = [];
    for (let j = pending.length - 1; j >= 0; j--) {
      const e = pending[j]!;
      if (seen.has(e.source) && seen.has(e.target)) {
        ready.push(e);
        pending.splice(j, 1);
      }
    }
    out.push({ nodes, edges: ready.reverse() });
  }
  if (pending.length > 0) out[out.length - 1] = { ...out[out.length - 1]!, edges: [...out[out.length - 1]!.edges, ...pending] };
  return out;
}

/** Takes nodes off the canvas (with their ties). */
export function dropNodes(graph: ExplorerGraph, ids: readonly string[]): void {
  for (const id of ids) if (graph.hasNode(id)) graph.dropNode(id);
}

/** Every tie on the canvas. */
export function allTies(graph: ExplorerGraph): Tie[] {
  const out: Tie[] = [];
  graph.forEachEdge((_, a) => out.push(...a.ties));
  return out;
}

/** The graph edge holding a tie, by tie id. */
export function edgeOfTie(graph: ExplorerGraph): Map<string, string> {
  const out = new Map<string, string>();
  graph.forEachEdge((edge, a) => {
    for (const t of a.ties) out.set(t.id, edge);
  });
  return out;
}
