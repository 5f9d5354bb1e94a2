// Projection: reads the weighted tie graph of persons and companies from Neo4j into a graphology
// UndirectedGraph, page by page (a few pages in flight), summing parallel ties into one edge.
import { UndirectedGraph } from "graphology";
import { cypher, type Graph, typedParams } from "../../graph/index.ts";
import { CommunityOptionError } from "./errors.ts";

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
  pageSize: 20_000,
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

/** A Cypher query with the tie subquery (cypher/communities/ties.cypher) spliced in at `{{TIES}}`. */
export function withTies(template: string): string {
  const ties = cypher("communities/ties.cypher")
    .split("\n")
    .filter((l) => !l.trimStart().startsWith("//"))
    .join("\n");
  return template.replace("{{TIES}}", () => ties);
}

/** Parameters of the tie subquery. */
export function tieParams(options: ProjectionOptions): Record<string, unknown> {
  return { weights: options.weights, identifierCap: options.identifierCap };
}

interface PageRow extends Record<string, unknown> {
  entities: number;
  sources: string[];
  targets: string[];
  weights: number[];
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
  const params = tieParams(options);
  const out: TieGraph = new UndirectedGraph();
  const inFlight: Promise<PageRow | undefined>[] = [];
  let after: string | null = "";
  let pages = 0;
  let ties = 0;
  while (after !== null || inFlight.length > 0) {
    while (after !== null && inFlight.length < options.concurrency) {
      const page = graph
        .read<PageRow>(pageQuery, { ...params, after, ...typedParams({ pageSize: options.pageSize }, { pageSize: "integer" }) }, run)
        .then((rows) => rows[0]);
      page.catch(() => {}); // awaited below, in order; this only keeps a later page's failure from going unhandled meanwhile
      inFlight.push(page);
      const bounds: { bound: string }[] = await graph.read<{ bound: string }>(
        boundQuery,
        { after, ...typedParams({ skip: options.pageSize - 1 }, { skip: "integer" }) },
        run,
      );
      after = bounds[0]?.bound ?? null;
    }
    const page = await inFlight.shift();
    if (!page) continue;
    pages += 1;
    ties += addTies(out, page.sources, page.targets, page.weights);
  }
  return { graph: out, ties, pages, seconds: (performance.now() - started) / 1000 };
}

/** Adds ties to the graph, summing the weight of a tie between two entities already tied. Returns the rows read. */
export function addTies(graph: TieGraph, sources: readonly string[], targets: readonly string[], weights: readonly number[]): number {
  for (let i = 0; i < sources.length; i += 1) {
    const a = sources[i]!;
    const b = targets[i]!;
    const w = weights[i]!;
    if (a === b || !(w > 0)) continue;
    if (!graph.hasNode(a)) graph.addNode(a);
    if (!graph.hasNode(b)) graph.addNode(b);
    const edge = graph.edge(a, b);
    if (edge === undefined) graph.addEdge(a, b, { weight: w });
    else graph.setEdgeAttribute(edge, "weight", graph.getEdgeAttribute(edge, "weight") + w);
  }
  return sources.length;
}
