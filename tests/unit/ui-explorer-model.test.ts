// The explorer's model, state and filters without a browser: merging API answers into the graph
// (parallel ties as one edge, "N more", positions that do not depend on luck), the pure state
// updates, and what the filters let through (types, relationships, minimum risk, years).
import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, type Filters, nodePasses, tiePasses, tieYears } from "../../ui/explorer/filters.ts";
import { chunks, createGraph, markTruncation, mergePiece, nodeFromRef, pairKey } from "../../ui/explorer/graph.ts";
import { createStore, INITIAL_STATE, update } from "../../ui/explorer/state.ts";
import { edge, node } from "../support/ui-graph.ts";

describe("merging answers into the graph", () => {
  it("keeps parallel ties between two nodes as one edge listing them, in either direction", () => {
    const g = createGraph();
    const r = mergePiece(g, {
      nodes: [node("P1"), node("P2"), node("C1", { type: "company" })],
      edges: [edge("r1", "P1", "P2", "KIN", { label: "spouse" }), edge("r2", "P2", "P1", "HAS"), edge("r3", "P1", "C1", "ROLE_IN", { label: "legal_rep" })],
    });
    expect(r).toEqual({ addedNodes: ["P1", "P2", "C1"], addedTies: 3 });
    expect(g.size).toBe(2);
    expect(g.getEdgeAttribute(pairKey("P2", "P1"), "ties").map((t) => t.id)).toEqual(["r2", "r1"]);
    // The same tie again changes nothing.
    expect(mergePiece(g, { nodes: [node("P1")], edges: [edge("r1", "P1", "P2")] })).toEqual({ addedNodes: [], addedTies: 0 });
  });

  it("places new nodes around the node they came from, the same way every time", () => {
    const place = () => {
      const g = createGraph();
      mergePiece(g, { nodes: [node("A")], edges: [] });
      mergePiece(g, { nodes: [node("B"), node("C"), node("D")], edges: [] }, "A");
      return g.mapNodes((id, a) => [id, a.x, a.y]);
    };
    const first = place();
    expect(place()).toEqual(first);
    expect(first[0]).toEqual(["A", 0, 0]);
    const distinct = new Set(first.map(([, x, y]) => `${(x as number).toFixed(3)},${(y as number).toFixed(3)}`));
    expect(distinct.size).toBe(4);
  });

  it("never lets a reference (evidence) overwrite what is known, and gives ties their properties later", () => {
    const g = createGraph();
    mergePiece(g, { nodes: [node("P1", { riskScore: 80 })], edges: [] });
    mergePiece(g, { nodes: [nodeFromRef({ id: "P1", type: "person", name: "x" }), nodeFromRef({ id: "G1", type: "grant", name: "G1" })], edges: [edge("t", "G1", "P1", "PAID_TO")] }, undefined, true);
    expect(g.getNodeAttribute("P1", "data").riskScore).toBe(80);
    expect(g.getNodeAttribute("G1", "partial")).toBe(true);
    mergePiece(g, { nodes: [node("G1", { type: "grant", year: 2019 })], edges: [edge("t", "G1", "P1", "PAID_TO", { properties: { note: 1 } })] });
    const [tie] = g.getEdgeAttribute(pairKey("G1", "P1"), "ties");
    expect(tie!.properties).toEqual({ note: 1 });
    expect(g.getNodeAttribute("G1", "partial")).toBe(false);
  });

  it("dates a grant's ties by the grant's year", () => {
    const g = createGraph();
    mergePiece(g, { nodes: [node("G1", { type: "grant", year: 2018 }), node("P1")], edges: [edge("t", "G1", "P1", "PAID_TO")] });
    expect(g.getEdgeAttribute(pairKey("G1", "P1"), "ties")[0]!.years).toEqual([2018, 2018]);
  });

  it("records N more and where the next page starts", () => {
    const g = createGraph();
    mergePiece(g, { nodes: [node("H"), node("X")], edges: [] });
    markTruncation(g, "H", [{ id: "H", more: 4950, nextOffset: 50 }, { id: "X", more: 3 }, { id: "absent", more: 1 }]);
    expect(g.getNodeAttributes("H")).toMatchObject({ expanded: true, more: 4950, nextOffset: 50 });
    expect(g.getNodeAttributes("X")).toMatchObject({ more: 3 });
    markTruncation(g, "H", []);
    expect(g.getNodeAttributes("H")).toMatchObject({ more: 0, nextOffset: undefined });
  });

  it("splits a large answer into chunks whose ties always have both ends", () => {
    const nodes = Array.from({ length: 10 }, (_, i) => node(`N${i}`));
    const edges = [edge("a", "N0", "N9"), edge("b", "N1", "N2"), edge("c", "N5", "N3")];
    const parts = chunks({ nodes, edges }, 4);
    expect(parts.map((p) => p.nodes.length)).toEqual([4, 4, 2]);
    expect(parts.map((p) => p.edges.map((e) => e.id))).toEqual([["b"], ["c"], ["a"]]);
    const g = createGraph();
    for (const p of parts) mergePiece(g, p);
    expect(g.size).toBe(3);
  });
});

describe("state", () => {
  it("changes only through update, and a no-op keeps the same object", () => {
    const s1 = update(INITIAL_STATE, { type: "select", node: "P1" });
    expect(s1.selected).toBe("P1");
    expect(INITIAL_STATE.selected).toBeNull();
    expect(update(s1, { type: "select", node: "P1" })).toBe(s1);
    expect(update(s1, { type: "hover", node: null })).toBe(s1);
  });

  it("toggles type and relationship filters, keeps minimum risk and years in range", () => {
    let s = update(INITIAL_STATE, { type: "toggleType", entityType: "phone" });
    s = update(s, { type: "toggleType", entityType: "grant" });
    expect(s.filters.hiddenTypes).toEqual(["grant", "phone"]);
    s = update(s, { type: "toggleType", entityType: "phone" });
    expect(s.filters.hiddenTypes).toEqual(["grant"]);
    s = update(s, { type: "toggleRel", rel: "LIVES_IN" });
    expect(s.filters.hiddenRels).toEqual(["LIVES_IN"]);
    expect(update(s, { type: "minRisk", value: 140 }).filters.minRisk).toBe(100);
    expect(update(s, { type: "years", from: 2020, to: 2010 }).filters.years).toEqual([2016, 2020]);
    expect(update(s, { type: "resetFilters" }).filters).toEqual(DEFAULT_FILTERS);
  });

  it("forgets removed nodes wherever the state points at them", () => {
    let s = update(INITIAL_STATE, { type: "select", node: "A" });
    s = update(s, { type: "focus", node: "B" });
    s = update(s, { type: "highlight", highlight: { label: "x", kind: "path", nodes: ["A", "C"], ties: [] } });
    s = update(s, { type: "forget", nodes: ["A"] });
    expect([s.selected, s.focus, s.highlight?.nodes]).toEqual([null, "B", ["C"]]);
  });

  it("tells subscribers about changes only", () => {
    const store = createStore();
    const seen: (string | null)[] = [];
    store.subscribe((s) => seen.push(s.selected));
    store.dispatch({ type: "select", node: "A" });
    store.dispatch({ type: "select", node: "A" });
    store.dispatch({ type: "select", node: null });
    expect(seen).toEqual(["A", null]);
  });
});

describe("filters", () => {
  const f = (over: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...over });

  it("reads the years of dated ties", () => {
    expect(tieYears({ date: "2019-05-01" })).toEqual([2019, 2019]);
    expect(tieYears({ from: "2015-01-01", to: null })).toEqual([2015, Infinity]);
    expect(tieYears({ relation: "spouse" })).toBeNull();
    expect(tieYears({}, 2020)).toEqual([2020, 2020]);
  });

  it("cuts by entity type, minimum risk on scored types only, and a grant's year", () => {
    expect(nodePasses(node("P"), f({ hiddenTypes: ["person"] }))).toBe(false);
    expect(nodePasses(node("P", { riskScore: 20 }), f({ minRisk: 30 }))).toBe(false);
    expect(nodePasses(node("P", { riskScore: 30 }), f({ minRisk: 30 }))).toBe(true);
    expect(nodePasses(node("ph", { type: "phone" }), f({ minRisk: 30 }))).toBe(true);
    expect(nodePasses(node("G", { type: "grant", year: 2016 }), f({ years: [2017, 2021] }))).toBe(false);
    expect(nodePasses(node("G", { type: "grant", year: 2018 }), f({ years: [2017, 2021] }))).toBe(true);
  });

  it("cuts by relationship type and by years, keeping undated ties and spans that overlap", () => {
    expect(tiePasses({ type: "KIN", years: null }, f({ hiddenRels: ["KIN"] }))).toBe(false);
    expect(tiePasses({ type: "KIN", years: null }, f({ years: [2020, 2021] }))).toBe(true);
    expect(tiePasses({ type: "TRANSFER", years: [2017, 2017] }, f({ years: [2018, 2021] }))).toBe(false);
    expect(tiePasses({ type: "HOLDS_POST", years: [2010, Infinity] }, f({ years: [2018, 2019] }))).toBe(true);
    expect(tiePasses({ type: "HOLDS_POST", years: [2010, 2015] }, f({ years: [2018, 2019] }))).toBe(false);
  });
});
