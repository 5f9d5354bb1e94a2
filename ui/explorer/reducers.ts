// The node and edge reducers: how each element is drawn, computed from the model (its data and
// ties) and the state (colour mode, filters, hover, selection, highlight) on every render, never
// stored in the graph. Pure: the same model and state give the same picture.
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { nodePasses, tiePasses } from "./filters.ts";
import type { EdgeAttrs, ExplorerGraph, NodeAttrs } from "./graph.ts";
import type { State } from "./state.ts";
import { communityColour, FADED_EDGE, FADED_NODE, HIGHLIGHT_EDGE, nodeSize, relColour, riskColour, typeColour } from "./style.ts";

/** What the reducers need beyond the element, computed once per state change. */
export interface ReducerContext {
  state: State;
  graph: ExplorerGraph;
  /** The hovered node and its neighbours, while one is hovered. */
  hoverSet: Set<string> | null;
  highlightNodes: Set<string> | null;
  highlightTies: Set<string> | null;
}

export function reducerContext(state: State, graph: ExplorerGraph): ReducerContext {
  let hoverSet: Set<string> | null = null;
  if (state.hovered && graph.hasNode(state.hovered)) {
    hoverSet = new Set(graph.neighbors(state.hovered));
    hoverSet.add(state.hovered);
  }
  return {
    state,
    graph,
    hoverSet,
    highlightNodes: state.highlight ? new Set(state.highlight.nodes) : null,
    highlightTies: state.highlight ? new Set(state.highlight.ties) : null,
  };
}

export function nodeColour(attrs: NodeAttrs, by: State["colourBy"]): string {
  const d = attrs.data;
  if (by === "community") return communityColour(d.communityId);
  if (by === "risk") return riskColour(d.riskScore, d.riskGrade);
  return typeColour(d.type);
}

export function nodeLabel(attrs: NodeAttrs): string {
  return attrs.more && attrs.more > 0 ? `${attrs.label} (+${attrs.more})` : attrs.label;
}

export function nodeReducer(ctx: ReducerContext, node: string, attrs: NodeAttrs): Partial<NodeDisplayData> {
  const { state } = ctx;
  const out: Partial<NodeDisplayData> = {
    x: attrs.x,
    y: attrs.y,
    label: nodeLabel(attrs),
    size: nodeSize(attrs.data.riskScore),
    color: nodeColour(attrs, state.colourBy),
    hidden: !nodePasses(attrs.data, state.filters),
    // Riskier nodes are drawn over the others.
    zIndex: 1 + Math.max(0, Math.min(100, attrs.data.riskScore ?? 0)) / 101,
  };
  if (ctx.highlightNodes) {
    if (ctx.highlightNodes.has(node)) {
      out.highlighted = true;
      out.forceLabel = true;
      out.zIndex = 3;
    } else {
      out.color = FADED_NODE;
      out.label = "";
      out.zIndex = 0;
    }
  }
  if (ctx.hoverSet) {
    if (ctx.hoverSet.has(node)) {
      out.forceLabel = true;
      out.zIndex = 3;
      if (node === state.hovered) out.highlighted = true;
    } else {
      out.color = FADED_NODE;
      out.label = "";
      out.highlighted = false;
      out.zIndex = 0;
    }
  }
  if (node === state.selected) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 4;
  }
  return out;
}

export function edgeReducer(ctx: ReducerContext, edge: string, attrs: EdgeAttrs): Partial<EdgeDisplayData> {
  const { state, graph } = ctx;
  const [source, target] = graph.extremities(edge);
  const ties = attrs.ties.filter((t) => tiePasses(t, state.filters));
  const ends = nodePasses(graph.getNodeAttribute(source, "data"), state.filters) && nodePasses(graph.getNodeAttribute(target, "data"), state.filters);
  if (ties.length === 0 || !ends) return { hidden: true };
  const labels = [...new Set(ties.map((t) => t.label))];
  const oneWay = ties.every((t) => t.source === source && t.target === target);
  const out: Partial<EdgeDisplayData> = {
    hidden: false,
    label: labels.join(" · "),
    color: relColour(ties[0]!.type),
    size: 1 + Math.min(ties.length - 1, 4) * 0.75,
    type: oneWay ? "arrow" : "line",
    zIndex: 1,
  };
  if (ctx.highlightTies) {
    if (attrs.ties.some((t) => ctx.highlightTies!.has(t.id))) {
      out.color = HIGHLIGHT_EDGE;
      out.size = (out.size ?? 1) + 1.5;
      out.forceLabel = true;
      out.zIndex = 2;
    } else {
      out.color = FADED_EDGE;
      out.label = "";
      out.zIndex = 0;
    }
  }
  if (ctx.hoverSet && state.hovered) {
    if (source === state.hovered || target === state.hovered) {
      out.forceLabel = true;
      out.zIndex = 2;
    } else out.hidden = true;
  }
  return out;
}
