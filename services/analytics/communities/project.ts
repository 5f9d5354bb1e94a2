// Projection: reads the weighted tie graph of persons and companies from Neo4j into a graphology
// UndirectedGraph, page by page (optionally several in flight), summing parallel ties into one edge.
import { UndirectedGraph } from "graphology";
import { cypher, fillSlots, type Graph, SlotValue, typedParams } from "../../graph/index.ts";
import { CompactTieGraph, type TieList } from "./compact-graph.ts";
import { CommunityOptionError, CommunityProjectionError } from "./errors.ts";

/** The tie kinds and their default weights (0 leaves a kind out). See cypher/communities/ties.cypher. */
export const DEFAULT_TIE_WEIGHTS = {
  /** Kinship, declared or not. */
  KIN: 3,
  /** A person's role in a company (officer, shareholder, employee…). */
  ROLE_IN: 3,
  /** Two owners of one phone, address or account, tied directly. */
  SHARED_IDENTIFIER: 2,
  /** The cadre who approved a grant, and its beneficiary. */
  APPROVED: 2,
  /** The cadre who approved a project, and the company it was awarded to. */
  AWARDED_TO: 2,
  /** Owners of two accounts with a transfer between them: this weight × (1 + log10(1 + yuan)) per transfer. */
  TRANSFER: 1,
} as const;

export type TieKind = keyof typeof DEFAULT_TIE_WEIGHTS;
export type TieWeights = Record<TieKind, number>;

export interface ProjectionOptions {
  weights: TieWeights;
  /** Identifiers (phone, address, account) with more owners than this tie nobody (an apartment block, a village office phone). */
  identifierCap: number;
  /** Persons and companies per page. */
  pageSize: number;
  /**
   * Pages requested at the same time (2 or more: Neo4j reads the next page while this one is
   * collected). Collecting a page in Node is cheap (the graph is built once all pages are in), so
   * Neo4j's page queries are the bottleneck, and 2 lets it use two cores (on county-42, with the
   * earlier page query, 2 read the projection in 53 s against 83 s for 1, the same Neo4j CPU time).
   */
  concurrency: number;
  /** Transaction timeout per page, in milliseconds. */
  timeoutMs?: number;
}

export type ProjectionInput = Partial<Omit<ProjectionOptions, "weights">> & { weights?: Partial<TieWeights> };

export const DEFAULT_PROJECTION: Readonly<ProjectionOptions> = {
  weights: { ...DEFAULT_TIE_WEIGHTS },
  identifierCap: 20,
  pageSize: 10_000,
  concurrency: 2,
};

/** Nodes are entity ids (persons and companies); the one edge between two entities carries the summed weight. */
export type TieGraph = UndirectedGraph<Record<string, never>, { weight: number }>;

export interface Projection {
  graph: TieGraph;
  /** Ties read, one per relationship or path as the page query returns them (parallel ties are summed after). */
  ties: number;
  pages: number;
  seconds: number;
}

/** The projection read into a compact graph (readCompactProjection). */
export type CompactProjection = Omit<Projection, "graph"> & { graph: CompactTieGraph };

/** The ties read, not yet built into a graph. */
export interface TieRead {
  collector: TieCollector;
  pages: number;
  /** Seconds spent reading. */
  seconds: number;
}

/** The defaults with `input` merged over them, validated. */
export function projectionOptions(input: ProjectionInput = {}): ProjectionOptions {
  const weights: TieWeights = { ...DEFAULT_TIE_WEIGHTS, ...input.weights };
  for (const [kind, weight] of Object.entries(weights)) {
    if (!(kind in DEFAULT_TIE_WEIGHTS)) throw new CommunityOptionError(`unknown tie kind ${kind} (known: ${Object.keys(DEFAULT_TIE_WEIGHTS).join(", ")})`);
    if (!Number.isFinite(weight) || weight < 0) throw new CommunityOptionError(`weight of ${kind} must be a number ≥ 0, not ${weight}`);
  }
  const options: ProjectionOptions = { ...DEFAULT_PROJECTION, ...input, weights };
  positiveInteger("identifierCap", options.identifierCap, 2);
  positiveInteger("pageSize", options.pageSize, 1);
  positiveInteger("concurrency", options.concurrency, 1);
  return options;
}

function positiveInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new CommunityOptionError(`${name} must be an integer ≥ ${min}, not ${value}`);
}

/** A Cypher query with the tie subquery (cypher/communities/ties.cypher, comments dropped) spliced in at `{{TIES}}`. */
export function withTies(template: string): string {
  const ties = cypher("communities/ties.cypher")
    .split("\n")
    .filter((l) => !l.trimStart().startsWith("//"))
    .join("\n");
  return fillSlots(template, { TIES: SlotValue.cypher(ties) }, "the projection query");
}

/** Parameters of the tie subquery. */
export function tieParams(options: ProjectionOptions): Record<string, unknown> {
  return { weights: options.weights, identifierCap: options.identifierCap };
}

type PageRow = TiePage & { j: number } & Record<string, unknown>;

/** Entities and ties per record of a page (see cypher/communities/project-page.cypher). */
const PAGE_CHUNK = 1000;

/** A page's records (chunks) in order, or undefined when the page is empty. */
function chunksInOrder(rows: PageRow[]): PageRow[] | undefined {
  return rows.length === 0 ? undefined : [...rows].sort((x, y) => x.j - y.j);
}

/**
 * Reads the ties of the projection into a collector. Pages follow the entity id order: a cheap index query finds where the
 * next page starts, so up to `concurrency` pages can be requested at once; they are merged in
 * order, so the same database always gives the same graph (same node and edge order).
 */
export async function readTies(graph: Graph, input: ProjectionInput = {}): Promise<TieRead> {
  const options = projectionOptions(input);
  const started = performance.now();
  const pageQuery = cypher("communities/project-page.cypher");
  const boundQuery = cypher("communities/project-bound.cypher");
  const run = { timeoutMs: options.timeoutMs, metadata: { stage: "communities.project" } };
  const params = { ...tieParams(options), ...typedParams({ pageSize: options.pageSize, chunk: PAGE_CHUNK }, { pageSize: "integer", chunk: "integer" }) };
  const skip = typedParams({ skip: options.pageSize - 1 }, { skip: "integer" });
  const ties = new TieCollector(options.weights);
  const inFlight: Promise<PageRow[] | undefined>[] = [];
  let after: string | null = "";
  let pages = 0;
  while (after !== null || inFlight.length > 0) {
    while (after !== null && inFlight.length < options.concurrency) {
      const page = graph.read<PageRow>(pageQuery, { ...params, after }, run).then(chunksInOrder);
      page.catch(() => {}); // awaited below, in order; this only keeps a later page's failure from going unhandled meanwhile
      inFlight.push(page);
      const bounds: { bound: string }[] = await graph.read<{ bound: string }>(boundQuery, { after, ...skip }, run);
      after = bounds[0]?.bound ?? null;
    }
    const page = await inFlight.shift();
    if (!page) continue;
    pages += 1;
    ties.addPage(...page);
  }
  return { collector: ties, pages, seconds: (performance.now() - started) / 1000 };
}

/** Reads the projection (readTies) into a graphology graph. */
export async function readProjection(graph: Graph, input: ProjectionInput = {}): Promise<Projection> {
  const started = performance.now();
  const read = await readTies(graph, input);
  return { graph: read.collector.build(), ties: read.collector.rows, pages: read.pages, seconds: (performance.now() - started) / 1000 };
}

/** Reads the projection (readTies) into a compact read-only graph for Louvain. */
export async function readCompactProjection(graph: Graph, input: ProjectionInput = {}): Promise<CompactProjection> {
  const started = performance.now();
  const read = await readTies(graph, input);
  return { graph: read.collector.compact(), ties: read.collector.rows, pages: read.pages, seconds: (performance.now() - started) / 1000 };
}

/** The tie kinds in the order a page of cypher/communities/project-page.cypher gives them (see `TiePage.counts`). */
export const PAGE_KINDS = ["KIN", "ROLE_IN", "APPROVED", "AWARDED_TO", "SHARED_IDENTIFIER", "TRANSFER"] as const satisfies readonly TieKind[];

/** One page of cypher/communities/project-page.cypher (or one chunk of it). */
export interface TiePage {
  /** The page's entity ids, and their internal node ids in the same order. */
  keys: readonly string[];
  nodes: readonly number[];
  /** One tie each: from page entity `at[k]` (index in the page) to internal node `others[k]`. */
  at: readonly number[];
  others: readonly number[];
  /** How many of the page's ties are of each kind of PAGE_KINDS, in that order (the same in every chunk of a page). */
  counts: readonly number[];
  /** The weight of each TRANSFER tie, in order; the other kinds weigh the collector's weight of their kind. */
  weights: readonly number[];
}

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
