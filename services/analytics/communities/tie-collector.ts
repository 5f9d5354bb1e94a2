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
  /** The internal node id of each dense index. */
  private readonly internal: number[] = [];
  /** Dense indices in the order they were named. */
  private named: number[] = [];
  /** The ties kept (dense ends and weight), in growing typed arrays: `size` of them are filled. */
  private sources = new Int32Array(1024);
  private targets = new Int32Array(1024);
  private weights = new Float64Array(1024);
  private size = 0;

  /** `weights`: the weight of a page's ties of each kind but TRANSFER (whose ties come weighed). */
  constructor(private readonly kindWeights: Readonly<TieWeights> = DEFAULT_TIE_WEIGHTS) {}

  private dense(node: number): number {
    let d = this.index.get(node);
    if (d === undefined) {
      d = this.keys.length;
      this.index.set(node, d);
      this.keys.push(undefined);
      this.internal.push(node);
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
    if (this.size === this.sources.length) this.grow();
    this.sources[this.size] = a;
    this.targets[this.size] = b;
    this.weights[this.size] = w;
    this.size += 1;
  }

  private grow(): void {
    const grown = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.sources = grown(this.sources);
    this.targets = grown(this.targets);
    const weights = new Float64Array(this.weights.length * 2);
    weights.set(this.weights);
    this.weights = weights;
  }

  /** Positions named by namePositions(), as dense indices. */
  private positions: number[] = [];

  /**
   * Names entities by position, as the server-side reader (cypher/communities/ties-procedure.cypher)
   * sends them: `keys[i]` has internal id `nodes[i]`, and takes the next position.
   */
  namePositions(keys: readonly string[], nodes: ArrayLike<number>): void {
    if (keys.length !== nodes.length) throw new CommunityProjectionError(`malformed projection chunk: ${keys.length} keys, ${nodes.length} node ids`);
    for (let i = 0; i < keys.length; i += 1) this.positions.push(this.node(nodes[i]!, keys[i]!));
  }

  /** Ties between positions named by namePositions(), with their weights. */
  addPositioned(sources: ArrayLike<number>, targets: ArrayLike<number>, weights: ArrayLike<number>): void {
    if (sources.length !== targets.length || sources.length !== weights.length) {
      throw new CommunityProjectionError(`malformed projection chunk: ${sources.length} sources, ${targets.length} targets, ${weights.length} weights`);
    }
    const positions = this.positions;
    for (let k = 0; k < sources.length; k += 1) {
      const a = positions[sources[k]!];
      const b = positions[targets[k]!];
      if (a === undefined || b === undefined) throw new CommunityProjectionError(`malformed projection chunk: a tie between positions ${sources[k]} and ${targets[k]} of ${positions.length}`);
      this.add(a, b, weights[k]!);
    }
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
    const n = this.named.length;
    const rank = new Int32Array(this.keys.length).fill(-1);
    for (let r = 0; r < n; r += 1) rank[this.named[r]!] = r;
    const { sources, targets, weights } = this;
    const m = this.size;
    // Bucket the ties by their lower end (counting sort, stable: reading order within a bucket).
    const start = new Int32Array(n + 1);
    for (let i = 0; i < m; i += 1) {
      const a = rank[sources[i]!]!;
      const b = rank[targets[i]!]!;
      if (a >= 0 && b >= 0) start[(a < b ? a : b) + 1]! += 1;
    }
    for (let r = 0; r < n; r += 1) start[r + 1]! += start[r]!;
    const total = start[n]!;
    const fill = start.slice(0, n);
    const highs = new Int32Array(total);
    const ws = new Float64Array(total);
    for (let i = 0; i < m; i += 1) {
      const a = rank[sources[i]!]!;
      const b = rank[targets[i]!]!;
      if (a < 0 || b < 0) continue;
      const at = fill[a < b ? a : b]!++;
      highs[at] = a < b ? b : a;
      ws[at] = weights[i]!;
    }
    this.sources = new Int32Array(1024);
    this.targets = new Int32Array(1024);
    this.weights = new Float64Array(1024);
    this.size = 0;
    // Sort each bucket by its upper end, then weight, and sum equal pairs: smallest weight first, so
    // the floating-point sum does not depend on the order the ties were read in.
    const lows = new Int32Array(total);
    const ups = new Int32Array(total);
    const sums = new Float64Array(total);
    const tied = new Uint8Array(n);
    let edges = 0;
    for (let r = 0; r < n; r += 1) {
      const from = start[r]!;
      const to = start[r + 1]!;
      if (from === to) continue;
      sortBucket(highs, ws, from, to);
      tied[r] = 1;
      for (let i = from; i < to; i += 1) {
        if (i > from && highs[i] === highs[i - 1]) sums[edges - 1]! += ws[i]!;
        else {
          lows[edges] = r;
          ups[edges] = highs[i]!;
          sums[edges] = ws[i]!;
          tied[highs[i]!] = 1;
          edges += 1;
        }
      }
    }
    // Nodes enter in naming order: a tied node's compact index follows its rank.
    const compact = new Int32Array(n).fill(-1);
    const keys: string[] = [];
    const nodes: number[] = [];
    for (let r = 0; r < n; r += 1) {
      if (!tied[r]) continue;
      compact[r] = keys.length;
      keys.push(this.keys[this.named[r]!]!);
      nodes.push(this.internal[this.named[r]!]!);
    }
    const out = { keys, nodes: Float64Array.from(nodes), sources: new Int32Array(edges), targets: new Int32Array(edges), weights: sums.slice(0, edges) };
    for (let e = 0; e < edges; e += 1) {
      out.sources[e] = compact[lows[e]!]!;
      out.targets[e] = compact[ups[e]!]!;
    }
    return out;
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
