// Louvain on a graphology graph with a seeded random source, so the same graph always gives the
// same partition; returns the communities (largest first) and their modularity.
import type { AbstractGraph } from "graphology-types";
import louvain from "graphology-communities-louvain";
import { CompactTieGraph } from "./compact-graph.ts";
import { CommunityOptionError } from "./errors.ts";

/**
 * What runLouvain reads of a graph: a graphology graph, or a CompactTieGraph (./compact-graph.ts),
 * which offers the reads graphology's Louvain makes in the same order, without graphology's cost.
 */
export interface LouvainGraph {
  readonly order: number;
  readonly size: number;
  nodes(): string[];
  forEachNode(callback: (node: string) => void): void;
  forEachEdge(callback: (edge: unknown, attributes: Record<string, unknown>, source: string, target: string) => void): void;
}

export interface LouvainOptions {
  /** Seed of the random source that orders the node visits. */
  seed: number;
  /** Modularity resolution γ: above 1 gives more, smaller communities; below 1 fewer, larger ones. */
  resolution: number;
  /** Edge attribute holding the weight. */
  weightAttribute: string;
}

export const DEFAULT_LOUVAIN: Readonly<LouvainOptions> = { seed: 42, resolution: 1, weightAttribute: "weight" };

export interface Partition {
  /** Member node keys of each community, sorted; communities by size (largest first), then by first member. */
  communities: string[][];
  /** Modularity of the whole partition (with the resolution applied). */
  modularity: number;
  /** Each community's share of the modularity, aligned with `communities` (they sum to `modularity`). */
  contributions: number[];
  seconds: number;
}

/** Mulberry32: a small, fast 32-bit generator; floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function louvainOptions(input: Partial<LouvainOptions> = {}): LouvainOptions {
  const options = { ...DEFAULT_LOUVAIN, ...input };
  if (!Number.isInteger(options.seed)) throw new CommunityOptionError(`seed must be an integer, not ${options.seed}`);
  if (!(options.resolution > 0) || !Number.isFinite(options.resolution)) {
    throw new CommunityOptionError(`resolution must be a number > 0, not ${options.resolution}`);
  }
  return options;
}

/** Runs Louvain. The graph must be undirected; isolated nodes come back as singleton communities. */
export function runLouvain(graph: LouvainGraph, input: Partial<LouvainOptions> = {}): Partition {
  const options = louvainOptions(input);
  const started = performance.now();
  if (graph.order === 0) return { communities: [], modularity: 0, contributions: [], seconds: 0 };
  if (graph.size === 0) {
    const communities = graph.nodes().sort().map((n) => [n]);
    return { communities, modularity: 0, contributions: communities.map(() => 0), seconds: (performance.now() - started) / 1000 };
  }
  if (graph instanceof CompactTieGraph) return compactLouvain(graph, options, started);
  // A CompactTieGraph stands in for a graphology graph here: Louvain only reads it (see LouvainGraph).
  const result = louvain.detailed(graph as AbstractGraph, {
    getEdgeWeight: options.weightAttribute,
    resolution: options.resolution,
    rng: seededRandom(options.seed),
  });
  const byIndex = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const c = result.communities[node]!;
    const members = byIndex.get(c);
    if (members) members.push(node);
    else byIndex.set(c, [node]);
  });
  const groups = [...byIndex.entries()].map(([index, members]) => ({ index, members: members.sort(compare) }));
  groups.sort((x, y) => y.members.length - x.members.length || compare(x.members[0]!, y.members[0]!));
  const shares = modularityShares(graph, result.communities, options);
  return {
    communities: groups.map((g) => g.members),
    modularity: result.modularity,
    contributions: groups.map((g) => shares.get(g.index) ?? 0),
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Louvain on a compact graph through its index-named view, with the same partition, modularity and
 * shares as on the graphology graph of the same ties (the same reads in the same order, and the
 * same sums in the same order), grouped with typed arrays rather than maps keyed by entity id.
 */
function compactLouvain(graph: CompactTieGraph, options: LouvainOptions, started: number): Partition {
  const result = louvain.detailed(graph.indexed() as unknown as AbstractGraph, {
    getEdgeWeight: options.weightAttribute,
    resolution: options.resolution,
    rng: seededRandom(options.seed),
  });
  const n = graph.order;
  const membership = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i += 1) {
    const c = result.communities[i]!;
    membership[i] = c;
    if (c >= count) count = c + 1;
  }
  const members: string[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i += 1) members[membership[i]!]!.push(graph.keyAt(i));
  // Q_c = L_c / m − γ (D_c / 2m)², summed edge by edge in edge order as modularityShares() does.
  const internal = new Float64Array(count);
  const degree = new Float64Array(count);
  const { sources, targets, weights } = graph.edgeArrays();
  let total = 0;
  for (let e = 0; e < sources.length; e += 1) {
    const w = weights[e]!;
    const cs = membership[sources[e]!]!;
    const ct = membership[targets[e]!]!;
    total += w;
    degree[cs]! += w;
    degree[ct]! += w;
    if (cs === ct) internal[cs]! += w;
  }
  const groups: { index: number; members: string[] }[] = [];
  for (let c = 0; c < count; c += 1) if (members[c]!.length > 0) groups.push({ index: c, members: members[c]!.sort(compare) });
  groups.sort((x, y) => y.members.length - x.members.length || compare(x.members[0]!, y.members[0]!));
  return {
    communities: groups.map((g) => g.members),
    modularity: result.modularity,
    contributions: groups.map((g) => internal[g.index]! / total - options.resolution * (degree[g.index]! / (2 * total)) ** 2),
    seconds: (performance.now() - started) / 1000,
  };
}

/** Q_c = L_c / m − γ (D_c / 2m)²: the internal weight of each community against its expected share. */
function modularityShares(graph: LouvainGraph, membership: Record<string, number>, options: LouvainOptions): Map<number, number> {
  const internal = new Map<number, number>();
  const degree = new Map<number, number>();
  let total = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const w = Number(attributes[options.weightAttribute] ?? 1);
    const cs = membership[source]!;
    const ct = membership[target]!;
    total += w;
    degree.set(cs, (degree.get(cs) ?? 0) + w);
    degree.set(ct, (degree.get(ct) ?? 0) + w);
    if (cs === ct) internal.set(cs, (internal.get(cs) ?? 0) + w);
  });
  const shares = new Map<number, number>();
  for (const [c, d] of degree) shares.set(c, (internal.get(c) ?? 0) / total - options.resolution * (d / (2 * total)) ** 2);
  return shares;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
