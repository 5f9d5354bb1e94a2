// Projection: reads the weighted tie graph of persons and companies from Neo4j into a graphology
// UndirectedGraph, page by page (a few pages in flight), summing parallel ties into one edge.
import { UndirectedGraph } from "graphology";
import { cypher, type Graph, typedParams } from "../../graph/index.ts";
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
  /** Pages read at the same time. */
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
  /** Tie rows read, before parallel ties were summed. */
  ties: number;
  pages: number;
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
 * Reads the projection. Pages follow the entity id order: a cheap index query finds where the
 * next page starts, so up to `concurrency` pages are read at once; they are merged in order, so
 * the same database always gives the same graph (same node and edge order).
 */
export async function readProjection(graph: Graph, input: ProjectionInput = {}): Promise<Projection> {
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
  const out = ties.build();
  return { graph: out, ties: ties.rows, pages, seconds: (performance.now() - started) / 1000 };
}

/** Pairs of dense node indexes are packed into one number: lower × SPAN + higher. */
const SPAN = 2 ** 26;

/**
 * Builds the graphology graph while pages arrive (so building overlaps the reading of later
 * pages). Ties name nodes by internal id; a node enters the graph under its entity id once a
 * page has named it, and ties waiting for a node not yet named are held until then. Ties to nodes
 * that no page names (not a person or company) are dropped. Parallel ties are summed into one
 * edge. Nodes and edges enter in the order their ties arrive, so the same pages give the same graph.
 */
export class TieCollector {
  readonly graph: TieGraph = new UndirectedGraph();
  /** Ties read, before parallel ones were summed. */
  rows = 0;
  private readonly index = new Map<number, number>();
  private readonly keys: (string | undefined)[] = [];
  private readonly inGraph: boolean[] = [];
  /** The attributes object of each edge, by pair: graphology keeps the object it is given. */
  private readonly edges = new Map<number, { weight: number }>();
  /** Ties held for a node not named yet: pairs of (other node, weight). */
  private readonly waiting = new Map<number, number[]>();

  private dense(node: number): number {
    let d = this.index.get(node);
    if (d === undefined) {
      d = this.keys.length;
      if (d >= SPAN) throw new CommunityProjectionError(`more than ${SPAN} entities: too many for the in-process engine, use the "gds" engine`);
      this.index.set(node, d);
      this.keys.push(undefined);
      this.inGraph.push(false);
    }
    return d;
  }

  /** Names a node: its internal id and its entity id. Returns its dense index. */
  node(node: number, key: string): number {
    const d = this.dense(node);
    if (this.keys[d] === undefined) {
      this.keys[d] = key;
      const held = this.waiting.get(d);
      if (held) {
        this.waiting.delete(d);
        for (let i = 0; i < held.length; i += 2) this.place(d, held[i]!, held[i + 1]!);
      }
    }
    return d;
  }

  /** One tie between two internal node ids. */
  tie(a: number, b: number, w: number): void {
    this.add(this.dense(a), this.dense(b), w);
  }

  private add(a: number, b: number, w: number): void {
    this.rows += 1;
    if (a === b || !(w > 0)) return;
    this.place(a, b, w);
  }

  private place(a: number, b: number, w: number): void {
    const unnamed = this.keys[a] === undefined ? a : this.keys[b] === undefined ? b : -1;
    if (unnamed >= 0) {
      const other = unnamed === a ? b : a;
      const held = this.waiting.get(unnamed);
      if (held) held.push(other, w);
      else this.waiting.set(unnamed, [other, w]);
      return;
    }
    const pair = a < b ? a * SPAN + b : b * SPAN + a;
    const attributes = this.edges.get(pair);
    if (attributes) {
      attributes.weight += w;
      return;
    }
    const created = { weight: w };
    this.edges.set(pair, created);
    this.graph.addUndirectedEdge(this.enter(a), this.enter(b), created);
  }

  private enter(d: number): string {
    const key = this.keys[d]!;
    if (!this.inGraph[d]) {
      this.graph.addNode(key);
      this.inGraph[d] = true;
    }
    return key;
  }

  /** One page of cypher/communities/project-page.cypher: its entities, and its ties packed in lines. */
  addPage(keys: readonly string[], nodes: readonly number[], lines: readonly string[]): void {
    const local = nodes.map((n, i) => this.node(n, keys[i]!));
    for (const line of lines) {
      const parts = line.split(" ");
      const a = local[Number(parts[0])];
      if (a === undefined) throw new CommunityProjectionError(`malformed projection line: ${line.slice(0, 80)}`);
      for (let k = 1; k < parts.length; k += 1) {
        const tie = parts[k]!;
        const colon = tie.indexOf(":");
        this.add(a, this.dense(Number(tie.slice(0, colon))), Number(tie.slice(colon + 1)));
      }
    }
  }

  /** The graph; ties still waiting for a node that no page named are dropped. */
  build(): TieGraph {
    this.waiting.clear();
    return this.graph;
  }
}
