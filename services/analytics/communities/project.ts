// Projection: reads the weighted tie graph of persons and companies from Neo4j page by page
// (several in flight) into a TieCollector (./tie-collector.ts), which sums parallel ties into one
// edge, then into a graphology graph or the compact graph Louvain reads.
import { cypher, fillSlots, type Graph, SlotValue, typedParams } from "../../graph/index.ts";
import type { CompactTieGraph } from "./compact-graph.ts";
import { CommunityOptionError, CommunityProjectionError } from "./errors.ts";
import { TieCollector } from "./tie-collector.ts";
import { DEFAULT_TIE_WEIGHTS, type TieGraph, type TiePage, type TieWeights } from "./ties.ts";

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

