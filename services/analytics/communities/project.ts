// Projection: reads the weighted tie graph of persons and companies from Neo4j into a graphology
// UndirectedGraph, page by page (optionally several in flight), summing parallel ties into one edge.
import { UndirectedGraph } from "graphology";
import { cypher, type Graph, typedParams } from "../../graph/index.ts";
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
   * Neo4j's page queries are the bottleneck, and 2 lets it use two cores: on county-42, 2 read
   * the projection in 53 s against 83 s for 1 (same Neo4j CPU time, machine under load).
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
  /** Ties read: pairs as the page query returns them (it sums parallel ties of a pair). */
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

/** A Cypher query with the tie subquery (cypher/communities/ties.cypher) spliced in at the line holding only `{{TIES}}`. */
export function withTies(template: string): string {
  const ties = cypher("communities/ties.cypher")
    .split("\n")
    .filter((l) => !l.trimStart().startsWith("//"))
    .join("\n");
  const spliced = template.replace(/^[ \t]*\{\{TIES\}\}[ \t]*$/m, () => ties);
  if (spliced === template) throw new CommunityProjectionError("the query template has no {{TIES}} line");
  return spliced;
}

/** Parameters of the tie subquery. */
export function tieParams(options: ProjectionOptions): Record<string, unknown> {
  return { weights: options.weights, identifierCap: options.identifierCap };
}

interface PageRow extends Record<string, unknown> {
  keys: string[];
  nodes: number[];
  lines: string[];
}

/**
 * Reads the ties of the projection into a collector. Pages follow the entity id order: a cheap index query finds where the
 * next page starts, so up to `concurrency` pages can be requested at once; they are merged in
 * order, so the same database always gives the same graph (same node and edge order).
 */
export async function readTies(graph: Graph, input: ProjectionInput = {}): Promise<TieRead> {
  const options = projectionOptions(input);
  const started = performance.now();
  const pageQuery = withTies(cypher("communities/project-page.cypher"));
  const boundQuery = cypher("communities/project-bound.cypher");
  const run = { timeoutMs: options.timeoutMs, metadata: { stage: "communities.project" } };
  const params = { ...tieParams(options), ...typedParams({ pageSize: options.pageSize }, { pageSize: "integer" }) };
  const skip = typedParams({ skip: options.pageSize - 1 }, { skip: "integer" });
  const ties = new TieCollector();
  const inFlight: Promise<PageRow | undefined>[] = [];
  let after: string | null = "";
  let pages = 0;
  while (after !== null || inFlight.length > 0) {
    while (after !== null && inFlight.length < options.concurrency) {
      const page = graph.read<PageRow>(pageQuery, { ...params, after }, run).then((rows) => rows[0]);
      page.catch(() => {}); // awaited below, in order; this only keeps a later page's failure from going unhandled meanwhile
      inFlight.push(page);
      const bounds: { bound: string }[] = await graph.read<{ bound: string }>(boundQuery, { after, ...skip }, run);
      after = bounds[0]?.bound ?? null;
    }
    const page = await inFlight.shift();
    if (!page) continue;
    pages += 1;
    ties.addPage(page.keys, page.nodes, page.lines);
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

/**
 * Collects ties by internal node id and builds the graphology graph, with entity ids as node keys,
 * once every page is in. The page query gives each pair once, summed, so most ties go straight
 * in as new edges; a tie between two entities already tied (from a reader that does not sum) is
 * added to the edge's weight. Ties to nodes that no page named (not a person or company) are
 * dropped. Nodes and edges enter in the order their ties were read: the same pages give the same graph.
 */
export class TieCollector {
  /** Ties read. */
  rows = 0;
  private readonly index = new Map<number, number>();
  private readonly keys: (string | undefined)[] = [];
  private sources: number[] = [];
  private targets: number[] = [];
  private weights: number[] = [];

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

  /** One page of cypher/communities/project-page.cypher: its entities, and its ties packed in lines. */
  addPage(keys: readonly string[], nodes: readonly number[], lines: readonly string[]): void {
    const local = nodes.map((n, i) => this.node(n, keys[i]!));
    for (const line of lines) {
      // "<index in page> <node>:<weight> <node>:<weight> …", scanned without splitting.
      let at = line.indexOf(" ");
      const a = local[Number(line.slice(0, at < 0 ? line.length : at))];
      if (a === undefined || at < 0) throw new CommunityProjectionError(`malformed projection line: ${line.slice(0, 80)}`);
      while (at < line.length) {
        let node = 0;
        let c = line.charCodeAt(++at);
        while (c >= 48 && c <= 57) {
          node = node * 10 + (c - 48);
          c = line.charCodeAt(++at);
        }
        if (c !== 58) throw new CommunityProjectionError(`malformed projection line: ${line.slice(0, 80)}`);
        let end = line.indexOf(" ", at);
        if (end < 0) end = line.length;
        this.add(a, this.dense(node), Number(line.slice(at + 1, end)));
        at = end;
      }
    }
  }

  /**
   * The ties read so far, merged: the nodes (entity ids) in order of first appearance, each pair
   * once with its weights summed in reading order, pairs in order of first reading; ties to
   * nodes that no page named are dropped. Empties the collector.
   */
  merged(): TieList {
    const n = this.keys.length;
    const pairs = new Map<number, number>();
    const compact = new Int32Array(n).fill(-1);
    const keys: string[] = [];
    const sources: number[] = [];
    const targets: number[] = [];
    const weights: number[] = [];
    const enter = (d: number): number => {
      if (compact[d] === -1) {
        compact[d] = keys.length;
        keys.push(this.keys[d]!);
      }
      return compact[d]!;
    };
    for (let i = 0; i < this.sources.length; i += 1) {
      const a = this.sources[i]!;
      const b = this.targets[i]!;
      if (this.keys[a] === undefined || this.keys[b] === undefined) continue;
      const pair = a < b ? a * n + b : b * n + a;
      const at = pairs.get(pair);
      if (at === undefined) {
        pairs.set(pair, weights.length);
        sources.push(enter(a));
        targets.push(enter(b));
        weights.push(this.weights[i]!);
      } else weights[at] = weights[at]! + this.weights[i]!;
    }
    this.sources = [];
    this.targets = [];
    this.weights = [];
    return { keys, sources: Int32Array.from(sources), targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
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
