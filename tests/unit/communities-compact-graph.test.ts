// The compact projection graph gives graphology's Louvain the same nodes, degrees and edges in the
// same order as the graphology graph built from the same ties, so the partition is identical.
import { describe, expect, it } from "vitest";
import { CompactTieGraph } from "../../services/analytics/communities/compact-graph.ts";
import { runLouvain, seededRandom } from "../../services/analytics/communities/louvain.ts";
import { TieCollector } from "../../services/analytics/communities/tie-collector.ts";

/** Planted groups of 12 with random ties inside and a few across, read as pages the way Neo4j gives them, with repeated pairs. */
function collect(seed: number): TieCollector {
  const rng = seededRandom(seed);
  const n = 600;
  const ties = new TieCollector();
  const keys = Array.from({ length: n }, (_, i) => `P${String(i).padStart(4, "0")}`);
  for (let start = 0; start < n; start += 100) {
    const at: number[] = [];
    const others: number[] = [];
    const weights: number[] = [];
    for (let i = start; i < start + 100; i += 1) {
      for (let k = 0; k < 5; k += 1) {
        const inside = rng() < 0.85;
        const j = inside ? Math.floor(i / 12) * 12 + Math.floor(rng() * 12) : Math.floor(rng() * n);
        if (j >= n) continue;
        at.push(i - start);
        others.push(j);
        weights.push(1 + Math.floor(rng() * 3));
      }
    }
    ties.addPage({ keys: keys.slice(start, start + 100), nodes: Array.from({ length: 100 }, (_, i) => start + i), at, others, counts: [0, 0, 0, 0, 0, at.length], weights });
  }
  return ties;
}

describe("CompactTieGraph", () => {
  it("offers the nodes, degrees and edges of the graphology graph, in the same order", () => {
    const graph = collect(7).build();
    const compact = collect(7).compact();
    expect(compact.order).toBe(graph.order);
    expect(compact.size).toBe(graph.size);
    expect(compact.nodes()).toEqual(graph.nodes());
    for (const node of graph.nodes()) expect(compact.degree(node)).toBe(graph.degree(node));
    const edges = (g: { forEachEdge: CompactTieGraph["forEachEdge"] }) => {
      const out: string[] = [];
      g.forEachEdge((_e, a, s, t) => out.push(`${s}-${t}:${a.weight}`));
      return out;
    };
    expect(edges(compact)).toEqual(edges(graph as never));
  });

  it("gives the same Louvain partition and modularity as the graphology graph", () => {
    for (const seed of [1, 2, 3]) {
      const expected = runLouvain(collect(seed).build(), { seed: 42 });
      const actual = runLouvain(collect(seed).compact(), { seed: 42 });
      expect(actual.communities).toEqual(expected.communities);
      expect(actual.modularity).toBe(expected.modularity);
      expect(actual.contributions).toEqual(expected.contributions);
      expect(actual.communities.length).toBeGreaterThan(10);
    }
  });

  it("is read-only and refuses unknown nodes", () => {
    const compact = collect(1).compact();
    expect(() => compact.addUndirectedEdgeWithKey()).toThrow(expect.objectContaining({ name: "CompactGraphError" }));
    expect(() => compact.degree("nobody")).toThrow(expect.objectContaining({ name: "CompactGraphError" }));
  });
});
