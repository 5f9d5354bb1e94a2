// Projection: reads the weighted tie graph of persons and companies from Neo4j page by page
// (several in flight) into a TieCollector (./tie-collector.ts), which sums parallel ties into one
// edge, then into a graphology graph or the compact graph Louvain reads.
import { cypher, fillSlots, type Graph, SlotValue, typedParams } from "../../graph/index.ts";
import type { CompactTieGraph } from "./compact-graph.ts";
import { CommunityOptionError, CommunityProjectionError } from "./errors.ts";
import { TieCollector } from "./tie-collector.ts";
import { DEFAULT_TIE_WEIGHTS, type TieGraph, type TiePage, type TieWeights } from "./ties.ts";

/**
 * How the ties are read: "packed" through the local server's own procedure (one query, packed
 * arrays; services/neo4j/src/main/java/county/CommunityTies.java), "paged" by the Cypher page
 * query (any Neo4j 5), "auto" packed where the server offers it, else paged.
 */
export type TieReader = "auto" | "packed" | "paged";

export interface ProjectionOptions {
  weights: TieWeights;
  reader: TieReader;
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
  reader: "auto",
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
export type CompactProjection = Omit<Projection, "graph"> & { graph: CompactTieGraph; previous?: Map<string, number> };

/** The ties read, not yet built into a graph. */
export interface TieRead {
  collector: TieCollector;
  /** Entity id → communityId for every person and company that has one, when the reader saw them (the packed read does). */
  previous?: Map<string, number>;
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
  if (!["auto", "packed", "paged"].includes(options.reader)) throw new CommunityOptionError(`reader must be auto, packed or paged, not ${String(options.reader)}`);
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

/** Reads the ties of the projection into a collector, with the reader the options name (see TieReader). */
export async function readTies(graph: Graph, input: ProjectionInput = {}): Promise<TieRead> {
  const options = projectionOptions(input);
  const packed = options.reader === "packed" || (options.reader === "auto" && (await packedReadAvailable(graph)));
  return packed ? readPackedTies(graph, options) : readPagedTies(graph, options);
}

/**
 * Reads the ties of the projection page by page with Cypher (cypher/communities/project-page.cypher). Pages follow the entity id order: a cheap index query finds where the
 * next page starts, so up to `concurrency` pages can be requested at once; they are merged in
 * order, so the same database always gives the same graph (same node and edge order).
 */
export async function readPagedTies(graph: Graph, input: ProjectionInput = {}): Promise<TieRead> {
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

/** One record of cypher/communities/ties-procedure.cypher: entity names, or packed ties. */
interface PackedChunk extends Record<string, unknown> {
  keys: string[] | null;
  /** Little-endian arrays in base64 (the driver decodes text natively, Bolt bytes one byte at a time). */
  nodes: string | null;
  communities: string | null;
  sources: string | null;
  targets: string | null;
  weights: string | null;
}

/** Records of the packed reader: at most this many entities or ties each. */
const PACKED_CHUNK = 65_536;

/** A little-endian array sent as base64, as a typed array (copied where Buffer's pool leaves it unaligned). */
function packed<T>(text: string, width: number, View: new (buffer: ArrayBufferLike, offset: number, length: number) => T): T {
  const bytes = Buffer.from(text, "base64");
  if (bytes.byteLength % width !== 0) throw new CommunityProjectionError(`malformed projection chunk: ${bytes.byteLength} bytes for items of ${width}`);
  const aligned = bytes.byteOffset % width === 0 ? bytes : Uint8Array.prototype.slice.call(bytes);
  return new View(aligned.buffer, aligned.byteOffset, aligned.byteLength / width);
}

/** Whether the server offers the packed read (the local launcher's county.communities.ties procedure). */
export async function packedReadAvailable(graph: Graph): Promise<boolean> {
  const [row] = await graph.read<{ present: boolean }>(cypher("communities/ties-procedure-present.cypher"));
  return row?.present === true;
}

/**
 * Reads the same ties as readPagedTies() through the server's packed procedure (one query, a few dozen
 * records of packed arrays), into a collector.
 */
export async function readPackedTies(graph: Graph, input: ProjectionInput = {}): Promise<TieRead> {
  const options = projectionOptions(input);
  const started = performance.now();
  const run = { timeoutMs: options.timeoutMs, metadata: { stage: "communities.project" } };
  const params = { ...tieParams(options), ...typedParams({ chunk: PACKED_CHUNK }, { chunk: "integer" }) };
  let rows: PackedChunk[];
  try {
    rows = await graph.read<PackedChunk>(cypher("communities/ties-procedure.cypher"), params, run);
  } catch (error) {
    if (/county\.communities\.ties/.test((error as Error).message) && !(await packedReadAvailable(graph))) {
      throw new CommunityOptionError(`the Neo4j server at ${graph.uri} has no county.communities.ties procedure (only the local launcher registers it): use the "paged" reader`);
    }
    throw error;
  }
  const ties = new TieCollector(options.weights);
  const previous = new Map<string, number>();
  for (const row of rows) {
    if (row.keys && row.nodes && row.communities) {
      ties.namePositions(row.keys, packed(row.nodes, 8, Float64Array));
      const communities = packed(row.communities, 4, Int32Array);
      for (let i = 0; i < communities.length; i += 1) if (communities[i]! >= 0) previous.set(row.keys[i]!, communities[i]!);
    }
    else if (row.sources && row.targets && row.weights) ties.addPositioned(packed(row.sources, 4, Int32Array), packed(row.targets, 4, Int32Array), packed(row.weights, 8, Float64Array));
    else throw new CommunityProjectionError("malformed projection chunk: neither entities nor ties");
  }
  return { collector: ties, previous, pages: rows.length, seconds: (performance.now() - started) / 1000 };
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
  return { graph: read.collector.compact(), previous: read.previous, ties: read.collector.rows, pages: read.pages, seconds: (performance.now() - started) / 1000 };
}

