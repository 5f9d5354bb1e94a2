// TieCollector: gathers the projection's ties by internal node id, page by page, and merges them
// into one edge per pair (weights summed in a fixed order) for graphology or the compact graph.
import { UndirectedGraph } from "graphology";
import { CompactTieGraph, type TieList } from "./compact-graph.ts";
import { CommunityProjectionError } from "./errors.ts";
import { DEFAULT_TIE_WEIGHTS, PAGE_KINDS, type TieGraph, type TiePage, type TieWeights } from "./ties.ts";

/** Buckets longer than this are sorted with Array.prototype.sort rather than by insertion. */
const INSERTION_SORT_MAX = 32;

/**
 * Collects ties by internal node id and merges them, once every page is in, into one edge per
 * pair with the weights summed. Ties to nodes that no page named (not a person or company),
 * self ties and ties of weight 0 are dropped. The order Louvain sees is fixed here, not by the
 * order ties arrive in: nodes in the order pages named them (entity id order), edges sorted by
 * their ends in that order, so the same ties give the same graph however the database returns them.
 */
export class TieCollector {
  /** Ties read. */
  rows = 0;
  private readonly index = new Map<number, number>();
  private readonly keys: (string | undefined)[] = [];
  /** Dense indices in the order they were named. */
  private named: number[] = [];
  private sources: number[] = [];
  private targets: number[] = [];
  private weights: number[] = [];

  /** `weights`: the weight of a page's ties of each kind but TRANSFER (whose ties come weighed). */
  constructor(private readonly kindWeights: Readonly<TieWeights> = DEFAULT_TIE_WEIGHTS) {}

  private dense(node: number): number {
    let d = this.index.get(node);
    if (d === undefined) {
      d = this.keys.length;
      this.index.set(node, d);
      this.keys.push(undefined);
    }
    return d;
  }

  /** Names a node: its internal id and its entity id. Returns its dense index. */
  node(node: number, key: string): number {
    const d = this.dense(node);
    if (this.keys[d] === undefined) this.named.push(d);
    this.keys[d] = key;
    return d;
  }

  /** One tie between two internal node ids. */
  tie(a: number, b: number, w: number): void {
    this.add(this.dense(a), this.dense(b), w);
  }

  private add(a: number, b: number, w: number): void {
    this.rows += 1;
    if (a === b || !(w > 0)) return;
    this.sources.push(a);
    this.targets.push(b);
    this.weights.push(w);
  }

  /**
   * One page of cypher/communities/project-page.cypher: its entities, and the ties they start,
   * in one or more chunks, in order (a tie's `at` counts the entities of all the page's chunks).
   */
  addPage(...chunks: readonly TiePage[]): void {
    const local: number[] = [];
    for (const chunk of chunks) chunk.nodes.forEach((n, i) => local.push(this.node(n, chunk.keys[i]!)));
    const counts = chunks[0]?.counts ?? [];
    if (counts.length !== PAGE_KINDS.length) throw new CommunityProjectionError(`malformed projection page: ${counts.length} tie counts for ${PAGE_KINDS.length} kinds`);
    const transfers: number[] = [];
    for (const chunk of chunks) for (const w of chunk.weights) transfers.push(w);
    // Tie g of the page is of kind `kind` while g < end; TRANSFER ties are the last ones.
    let kind = 0;
    let end = counts[0]!;
    const transferStart = counts.slice(0, -1).reduce((x, y) => x + y, 0);
    if (transfers.length !== counts.at(-1)) throw new CommunityProjectionError(`malformed projection page: ${transfers.length} transfer weights for ${counts.at(-1)} transfers`);
    const total = transferStart + transfers.length;
    let g = 0;
    for (const { at, others } of chunks) {
      if (others.length !== at.length) throw new CommunityProjectionError(`malformed projection page: ${at.length} ties, ${others.length} ends`);
      for (let k = 0; k < at.length; k += 1, g += 1) {
        while (g >= end && kind < PAGE_KINDS.length - 1) end += counts[++kind]!;
        const a = local[at[k]!];
        if (a === undefined) throw new CommunityProjectionError(`malformed projection page: tie from index ${at[k]} of a page of ${local.length}`);
        this.add(a, this.dense(others[k]!), g >= transferStart ? transfers[g - transferStart]! : this.kindWeights[PAGE_KINDS[kind]!]);
      }
    }
    if (g !== total) throw new CommunityProjectionError(`malformed projection page: ${g} ties for ${total} counted`);
  }

  /**
   * The ties read so far, merged: the tied nodes (entity ids) in naming order, each pair once
   * with its weights summed smallest first, pairs sorted by their ends in naming order (lower
   * end first); ties to nodes that no page named are dropped. Empties the collector.
   */
  merged(): TieList {
    const rank = new Int32Array(this.keys.length).fill(-1);
    this.named.forEach((d, r) => (rank[d] = r));
    const n = this.named.length;
    // Bucket the ties by their lower end (counting sort, stable: reading order within a bucket).
    const start = new Int32Array(n + 1);
    const m = this.sources.length;
    for (let i = 0; i < m; i += 1) {
      const a = rank[this.sources[i]!]!;
      const b = rank[this.targets[i]!]!;
      if (a >= 0 && b >= 0) start[Math.min(a, b) + 1]! += 1;
    }
    for (let r = 0; r < n; r += 1) start[r + 1]! += start[r]!;
    const fill = start.slice(0, n);
    const highs = new Int32Array(start[n]!);
    const ws = new Float64Array(start[n]!);
    for (let i = 0; i < m; i += 1) {
      const a = rank[this.sources[i]!]!;
      const b = rank[this.targets[i]!]!;
      if (a < 0 || b < 0) continue;
      const at = fill[Math.min(a, b)]!++;
      highs[at] = Math.max(a, b);
      ws[at] = this.weights[i]!;
    }
    this.sources = [];
    this.targets = [];
    this.weights = [];
    // Sort each bucket by its upper end, then weight, and sum equal pairs: smallest weight first, so
    // the floating-point sum does not depend on the order the ties were read in.
    const compact = new Int32Array(n).fill(-1);
    const keys: string[] = [];
    const enter = (r: number): number => {
      if (compact[r] === -1) {
        compact[r] = keys.length;
        keys.push(this.keys[this.named[r]!]!);
      }
      return compact[r]!;
    };
    const lows: number[] = [];
    const ups: number[] = [];
    const sums: number[] = [];
    for (let r = 0; r < n; r += 1) {
      const from = start[r]!;
      const to = start[r + 1]!;
      if (from === to) continue;
      sortBucket(highs, ws, from, to);
      for (let i = from; i < to; i += 1) {
        if (i > from && highs[i] === highs[i - 1]) sums[sums.length - 1] = sums[sums.length - 1]! + ws[i]!;
        else {
          lows.push(r);
          ups.push(highs[i]!);
          sums.push(ws[i]!);
        }
      }
    }
    // Nodes enter in naming order: a node's compact index follows its rank.
    const tied = new Uint8Array(n);
    for (let i = 0; i < lows.length; i += 1) {
      tied[lows[i]!] = 1;
      tied[ups[i]!] = 1;
    }
    for (let r = 0; r < n; r += 1) if (tied[r]) enter(r);
    return {
      keys,
      sources: Int32Array.from(lows, (r) => compact[r]!),
      targets: Int32Array.from(ups, (r) => compact[r]!),
      weights: Float64Array.from(sums),
    };
  }

  /** The graphology graph of the ties read so far (see merged()). Empties the collector. */
  build(): TieGraph {
    const { keys, sources, targets, weights } = this.merged();
    const graph: TieGraph = new UndirectedGraph();
    for (const key of keys) graph.addNode(key);
    for (let i = 0; i < sources.length; i += 1) graph.addUndirectedEdge(keys[sources[i]!]!, keys[targets[i]!]!, { weight: weights[i]! });
    return graph;
  }

  /** The compact read-only graph of the ties read so far (see merged()), for Louvain. Empties the collector. */
  compact(): CompactTieGraph {
    return new CompactTieGraph(this.merged());
  }
}

/** Sorts highs[from..to) ascending, equal ends by weight ascending, carrying ws along. */
function sortBucket(highs: Int32Array, ws: Float64Array, from: number, to: number): void {
  if (to - from <= INSERTION_SORT_MAX) {
    for (let i = from + 1; i < to; i += 1) {
      const h = highs[i]!;
      const w = ws[i]!;
      let j = i - 1;
      while (j >= from && (highs[j]! > h || (highs[j] === h && ws[j]! > w))) {
        highs[j + 1] = highs[j]!;
        ws[j + 1] = ws[j]!;
        j -= 1;
      }
      highs[j + 1] = h;
      ws[j + 1] = w;
    }
    return;
  }
  const order = Array.from({ length: to - from }, (_, k) => from + k).sort((x, y) => highs[x]! - highs[y]! || ws[x]! - ws[y]!);
  const h = order.map((i) => highs[i]!);
  const w = order.map((i) => ws[i]!);
  highs.set(h, from);
  ws.set(w, from);
}
