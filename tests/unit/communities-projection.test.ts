// The projection's pure parts: options merged over the defaults, and the tie collector that reads
// packed pages, sums parallel ties and builds the graphology graph keyed by entity id.
import { describe, expect, it } from "vitest";
import { projectionOptions, withTies } from "../../services/analytics/communities/project.ts";
import { TieCollector } from "../../services/analytics/communities/tie-collector.ts";
import { DEFAULT_TIE_WEIGHTS } from "../../services/analytics/communities/ties.ts";

describe("projection options", () => {
  it("merges weights and options over the defaults", () => {
    const options = projectionOptions({ weights: { TRANSFER: 0.5 }, identifierCap: 50 });
    expect(options.weights).toEqual({ ...DEFAULT_TIE_WEIGHTS, TRANSFER: 0.5 });
    expect(options).toMatchObject({ identifierCap: 50, pageSize: 10_000, concurrency: 2 });
    expect(DEFAULT_TIE_WEIGHTS).toEqual({ KIN: 3, ROLE_IN: 3, SHARED_IDENTIFIER: 2, APPROVED: 2, AWARDED_TO: 2, TRANSFER: 1 });
  });

  it("refuses unknown kinds, negative weights and bad sizes", () => {
    const refused = expect.objectContaining({ name: "CommunityOptionError" });
    expect(() => projectionOptions({ weights: { HOLDS_POST: 1 } as never })).toThrow(refused);
    expect(() => projectionOptions({ weights: { KIN: -1 } })).toThrow(/weight of KIN/);
    expect(() => projectionOptions({ identifierCap: 1 })).toThrow(/identifierCap/);
    expect(() => projectionOptions({ pageSize: 0 })).toThrow(/pageSize/);
    expect(() => projectionOptions({ concurrency: 1.5 })).toThrow(/concurrency/);
  });

  it("splices the tie subquery in at its placeholder line only", () => {
    const query = withTies("CALL (a) {\n  {{TIES}}\n}\nRETURN b, w");
    expect(query).toContain("MATCH (a)-[r:KIN|ROLE_IN]-(b)");
    expect(query).not.toContain("{{TIES}}");
    expect(query).not.toMatch(/^\s*\/\//m);
    expect(() => withTies("// uses {{TIES}} in a comment\nRETURN 1")).toThrow(expect.objectContaining({ name: "CypherSlotError" }));
  });
});

/** A page as cypher/communities/project-page.cypher gives it, with ties as [index in page, other node, weight], all of the kind that comes weighed (TRANSFER). */
function page(keys: string[], nodes: number[], ties: [number, number, number][]) {
  return { keys, nodes, at: ties.map((t) => t[0]), others: ties.map((t) => t[1]), counts: [0, 0, 0, 0, 0, ties.length], weights: ties.map((t) => t[2]) };
}

describe("TieCollector", () => {
  it("reads pages, resolving other entities from any page and summing parallel ties", () => {
    const ties = new TieCollector();
    // Page 1 names nodes 10 (P1) and 11 (P2); P1 ties to P2 (twice) and to node 30, named by page 2.
    ties.addPage(page(["P1", "P2"], [10, 11], [[0, 11, 3], [0, 30, 2], [1, 10, 3]]));
    ties.addPage(page(["C1"], [30], [[0, 11, 5.5]]));
    const graph = ties.build();
    expect(graph.nodes()).toEqual(["P1", "P2", "C1"]);
    expect(graph.getEdgeAttribute(graph.edge("P1", "P2")!, "weight")).toBe(6);
    expect(graph.getEdgeAttribute(graph.edge("P1", "C1")!, "weight")).toBe(2);
    expect(graph.getEdgeAttribute(graph.edge("C1", "P2")!, "weight")).toBe(5.5);
    expect(graph.size).toBe(3);
    expect(ties.rows).toBe(4);
  });

  it("drops self ties, ties of weight 0 and ties to nodes no page named", () => {
    const ties = new TieCollector();
    ties.addPage(page(["P1", "P2"], [1, 2], [[0, 1, 3], [0, 2, 0], [0, 99, 2]]));
    const graph = ties.build();
    expect(graph.order).toBe(0);
    ties.tie(1, 2, 1.5);
    expect(ties.build().edges()).toHaveLength(1);
  });

  it("orders nodes as the pages named them and edges by their ends, whatever order the ties come in", () => {
    const keys = ["A", "B", "C", "D"];
    const ties: [number, number, number][] = [[3, 1, 1], [0, 2, 1], [2, 1, 2], [1, 0, 1], [3, 0, 4], [0, 1, 0.5]];
    const edges = (order: [number, number, number][]) => {
      const collector = new TieCollector();
      collector.addPage(page(keys, [0, 1, 2, 3], order));
      const graph = collector.build();
      return { nodes: graph.nodes(), edges: graph.mapEdges((_e, a, s, t) => `${s}-${t}:${a.weight}`) };
    };
    const expected = { nodes: keys, edges: ["A-B:1.5", "A-C:1", "A-D:4", "B-C:2", "B-D:1"] };
    expect(edges(ties)).toEqual(expected);
    expect(edges([...ties].reverse())).toEqual(expected);
  });

  it("sorts a long tie list", () => {
    const ties = new TieCollector();
    const others = Array.from({ length: 40 }, (_, i) => 139 - i);
    const keys = ["P0", ...others.map((n) => `Q${n}`)];
    ties.addPage(page(keys, [0, ...others], others.map((n) => [0, n, 1] as [number, number, number])));
    const graph = ties.build();
    expect(graph.degree("P0")).toBe(40);
    expect(graph.neighbors("P0")).toEqual(keys.slice(1));
  });

  it("weighs ties of each kind by the collector's weights, TRANSFER ties by their own", () => {
    const ties = new TieCollector({ ...DEFAULT_TIE_WEIGHTS, KIN: 5, SHARED_IDENTIFIER: 0 });
    // KIN 0-1 and 0-2, ROLE_IN 1-2, no APPROVED, AWARDED_TO 0-3, SHARED_IDENTIFIER 2-3 (weight 0), TRANSFER 0-1.
    const at = [0, 0, 1, 0, 2, 0];
    ties.addPage({ keys: ["A", "B", "C", "D"], nodes: [1, 2, 3, 4], at, others: [2, 3, 3, 4, 4, 2], counts: [2, 1, 0, 1, 1, 1], weights: [0.25] });
    const graph = ties.build();
    expect(graph.mapEdges((_e, a, s, t) => `${s}-${t}:${a.weight}`)).toEqual(["A-B:5.25", "A-C:5", "A-D:2", "B-C:3"]);
  });

  it("reads a page given in chunks, ties counting the entities of all its chunks", () => {
    const ties = new TieCollector();
    const counts = [0, 0, 0, 0, 0, 3]; // the page's, in every chunk
    ties.addPage({ ...page(["P1"], [10], [[0, 11, 3]]), counts }, { ...page(["P2", "P3"], [11, 12], [[2, 10, 1], [1, 12, 2]]), counts });
    const graph = ties.build();
    expect(graph.nodes()).toEqual(["P1", "P2", "P3"]);
    expect(graph.mapEdges((_e, a, s, t) => `${s}-${t}:${a.weight}`)).toEqual(["P1-P2:3", "P1-P3:1", "P2-P3:2"]);
  });

  it("refuses a malformed page", () => {
    const refused = expect.objectContaining({ name: "CommunityProjectionError" });
    expect(() => new TieCollector().addPage(page(["P1"], [1], [[7, 2, 1]]))).toThrow(refused);
    expect(() => new TieCollector().addPage({ ...page(["P1"], [1], [[0, 2, 1]]), weights: [] })).toThrow(refused);
    expect(() => new TieCollector().addPage({ ...page(["P1"], [1], [[0, 2, 1]]), counts: [1, 0, 0, 0, 0, 1] })).toThrow(refused);
    expect(() => new TieCollector().addPage({ ...page(["P1"], [1], [[0, 2, 1]]), counts: [0, 0, 0, 0, 1] })).toThrow(refused);
  });
});
