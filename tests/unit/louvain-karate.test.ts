// Louvain on Zachary's karate club: good modularity, the same partition for the same seed.
import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { runLouvain, seededRandom } from "../../services/analytics/communities/louvain.ts";
import { KARATE_EDGES, KARATE_FACTION } from "../fixtures/karate.ts";

function karate(): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const [a, b] of KARATE_EDGES) graph.mergeEdge(String(a), String(b), { weight: 1 });
  return graph;
}

describe("Louvain on the karate club", () => {
  it("reads the whole club", () => {
    const graph = karate();
    expect(graph.order).toBe(34);
    expect(graph.size).toBe(78);
    expect(graph.degree("34")).toBe(17);
    expect(graph.degree("1")).toBe(16);
  });

  it("finds a partition with modularity ≥ 0.415", () => {
    const { communities, modularity, contributions } = runLouvain(karate(), { seed: 42 });
    expect(modularity).toBeGreaterThanOrEqual(0.415);
    expect(communities.length).toBeGreaterThanOrEqual(3);
    expect(communities.length).toBeLessThanOrEqual(5);
    expect(communities.flat().sort()).toEqual(Array.from({ length: 34 }, (_, i) => String(i + 1)).sort());
    expect(contributions.reduce((s, q) => s + q, 0)).toBeCloseTo(modularity, 10);
  });

  it("keeps the instructor and the administrator apart, each with most of his faction", () => {
    const { communities } = runLouvain(karate(), { seed: 42 });
    const of = (member: number) => communities.findIndex((c) => c.includes(String(member)));
    expect(of(1)).not.toBe(of(34));
    const sideOf = (member: number) => (communities[of(member)]!.some((m) => KARATE_FACTION[Number(m)] === 1) ? 1 : 34);
    const agree = Object.entries(KARATE_FACTION).filter(([m, side]) => {
      const c = communities[of(Number(m))]!;
      const majority = c.filter((x) => KARATE_FACTION[Number(x)] === 1).length * 2 >= c.length ? 1 : 34;
      return majority === side;
    }).length;
    expect(sideOf(1)).toBe(1);
    expect(agree).toBeGreaterThanOrEqual(30);
  });

  it("gives the same partition for the same seed, every time and on a rebuilt graph", () => {
    const first = runLouvain(karate(), { seed: 7 });
    for (let i = 0; i < 5; i += 1) {
      const again = runLouvain(karate(), { seed: 7 });
      expect(again.communities).toEqual(first.communities);
      expect(again.modularity).toBe(first.modularity);
    }
  });

  it("orders communities largest first and members by key", () => {
    const { communities } = runLouvain(karate(), { seed: 42 });
    for (let i = 1; i < communities.length; i += 1) expect(communities[i - 1]!.length).toBeGreaterThanOrEqual(communities[i]!.length);
    for (const c of communities) expect(c).toEqual([...c].sort());
  });

  it("gives more communities at a higher resolution", () => {
    const coarse = runLouvain(karate(), { seed: 42, resolution: 0.5 });
    const fine = runLouvain(karate(), { seed: 42, resolution: 2 });
    expect(fine.communities.length).toBeGreaterThan(coarse.communities.length);
  });

  it("handles empty and edgeless graphs", () => {
    expect(runLouvain(new UndirectedGraph()).communities).toEqual([]);
    const lonely = new UndirectedGraph();
    lonely.addNode("b");
    lonely.addNode("a");
    expect(runLouvain(lonely)).toMatchObject({ communities: [["a"], ["b"]], modularity: 0 });
  });

  it("refuses a bad resolution or seed", () => {
    expect(() => runLouvain(karate(), { resolution: 0 })).toThrow(expect.objectContaining({ name: "CommunityOptionError" }));
    expect(() => runLouvain(karate(), { seed: 1.5 })).toThrow(/seed must be an integer/);
  });

  it("has a seeded random source in [0, 1) that repeats", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(seededRandom(2)()).not.toBe(xs[0]);
  });
});
