// A compact, read-only undirected graph over typed arrays: the projection as Louvain reads it.
// Building a graphology graph of a county (300k entities, 1.4M ties) costs about 11 µs per edge,
// mostly in graphology's per-node adjacency objects keyed by entity id; graphology's Louvain only
// reads the nodes, degrees and edges once to build its own array index, so this class offers just
// those reads, in the same order a graphology graph built from the same ties would give them, and
// the partition is the same (tests/unit/communities-compact-graph.test.ts checks it).
import { AppError } from "../../errors.ts";

/** Ties merged per pair: entity ids in order of first appearance; edges as indices into `keys`. */
export interface TieList {
  keys: string[];
  /** The internal node id of each key, where the reader knew it (for write-back by node id). */
  nodes?: Float64Array;
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

export class CompactGraphError extends AppError {
  override name = "CompactGraphError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("internal", message, options);
  }
}

/**
 * The subset of graphology's read API that graphology-communities-louvain and runLouvain use.
 * Edges carry their weight as the `weight` attribute; edge keys are their positions. It has no
 * self loops and no parallel edges (TieCollector.merged() gives neither).
 */
export class CompactTieGraph {
  readonly type = "undirected";
  readonly multi = false;
  readonly selfLoopCount = 0;
  readonly order: number;
  readonly size: number;
  private readonly keys: readonly string[];
  private readonly internal: Float64Array | undefined;
  private readonly sources: Int32Array;
  private readonly targets: Int32Array;
  private readonly weights: Float64Array;
  private readonly degrees: Int32Array;
  private index: Map<string, number> | undefined;

  constructor(ties: TieList) {
    this.keys = ties.keys;
    this.internal = ties.nodes;
    this.sources = ties.sources;
    this.targets = ties.targets;
    this.weights = ties.weights;
    this.order = ties.keys.length;
    this.size = ties.sources.length;
    this.degrees = new Int32Array(this.order);
    for (let i = 0; i < this.size; i += 1) {
      this.degrees[this.sources[i]!]! += 1;
      this.degrees[this.targets[i]!]! += 1;
    }
  }

  nodes(): string[] {
    return [...this.keys];
  }

  forEachNode(callback: (node: string) => void): void {
    for (const key of this.keys) callback(key);
  }

  /** Louvain asks for the degree of each node in node order, so the key index is built once, on first use. */
  undirectedDegreeWithoutSelfLoops(node: string): number {
    this.index ??= new Map(this.keys.map((k, i) => [k, i]));
    const i = this.index.get(node);
    if (i === undefined) throw new CompactGraphError(`no node ${node}`);
    return this.degrees[i]!;
  }

  degree(node: string): number {
    return this.undirectedDegreeWithoutSelfLoops(node);
  }

  forEachEdge(callback: (edge: number, attributes: { weight: number }, source: string, target: string) => void): void {
    for (let i = 0; i < this.size; i += 1) callback(i, { weight: this.weights[i]! }, this.keys[this.sources[i]!]!, this.keys[this.targets[i]!]!);
  }

  // graphology-communities-louvain recognises a graph by these mutators; this one is read-only.
  addUndirectedEdgeWithKey(): never {
    throw new CompactGraphError("CompactTieGraph is read-only");
  }

  dropNode(): never {
    throw new CompactGraphError("CompactTieGraph is read-only");
  }

  /** The internal node id of entity `key` as the reader saw it, if it was read (see TieList.nodes). */
  internalId(key: string): number | undefined {
    if (!this.internal) return undefined;
    this.index ??= new Map(this.keys.map((k, i) => [k, i]));
    const i = this.index.get(key);
    return i === undefined ? undefined : this.internal[i];
  }

  /** The entity id of node `i` (in node order). */
  keyAt(i: number): string {
    return this.keys[i]!;
  }

  /** The edges as typed arrays (node indices and weights), in edge order; read-only by contract. */
  edgeArrays(): { sources: Int32Array; targets: Int32Array; weights: Float64Array } {
    return { sources: this.sources, targets: this.targets, weights: this.weights };
  }

  /**
   * The same graph with nodes named by their index ("0", "1", …) instead of their entity id, for
   * Louvain: graphology's Louvain index keeps a plain object from node key to index and looks both
   * ends of every edge up in it, which costs several times more with entity ids (a dictionary of
   * 300k strings) than with array-index keys. Same nodes, degrees and edges in the same order, so
   * the same partition; map results back with keyAt().
   */
  indexed(): LouvainView {
    const names = Array.from({ length: this.order }, (_, i) => String(i));
    const { sources, targets, weights, degrees, size } = this;
    const attributes = { weight: 0 };
    return {
      type: "undirected",
      multi: false,
      selfLoopCount: 0,
      order: this.order,
      size,
      nodes: () => [...names],
      forEachNode: (callback) => names.forEach((name) => callback(name)),
      undirectedDegreeWithoutSelfLoops: (node) => degrees[Number(node)]!,
      // One attributes object for every edge: Louvain reads the weight at once and keeps nothing.
      forEachEdge: (callback) => {
        for (let i = 0; i < size; i += 1) {
          attributes.weight = weights[i]!;
          callback(i, attributes, names[sources[i]!]!, names[targets[i]!]!);
        }
      },
      addUndirectedEdgeWithKey: () => this.addUndirectedEdgeWithKey(),
      dropNode: () => this.dropNode(),
    };
  }
}

/** What graphology's Louvain reads of a graph, with nodes named by index (CompactTieGraph.indexed()). */
export interface LouvainView {
  readonly type: "undirected";
  readonly multi: false;
  readonly selfLoopCount: 0;
  readonly order: number;
  readonly size: number;
  nodes(): string[];
  forEachNode(callback: (node: string) => void): void;
  undirectedDegreeWithoutSelfLoops(node: string): number;
  forEachEdge(callback: (edge: number, attributes: { weight: number }, source: string, target: string) => void): void;
  addUndirectedEdgeWithKey(): never;
  dropNode(): never;
}
