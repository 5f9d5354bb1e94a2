// Runs a saved query: checked read-only first (static + EXPLAIN), then executed in a READ
// transaction with a timeout that is rolled back, capped at maxRows (one more row is read to set
// `truncated`). Results come back as rows of plain values and as a graph of the nodes and
// relationships present in them, in the explorer's shape; or streamed as CSV.
import { cypher, type Graph, type GraphEdgeT, type GraphNodeT, type PlainNode, type PlainRelationship, streamRead } from "../graph/index.ts";
import { csvHeader, csvRow } from "./csv.ts";
import type { QueryDefinition } from "./definition.ts";
import { assertReadOnly } from "./safety.ts";

export interface RunSettings {
  /** Transaction timeout in milliseconds. */
  timeoutMs: number;
  /** Rows returned at most; beyond it the result is `truncated`. */
  maxRows: number;
  /** Nodes put in the graph at most (relationships whose ends are left out are dropped). */
  maxGraphNodes: number;
}

export const RUN_DEFAULTS: RunSettings = { timeoutMs: 10_000, maxRows: 1000, maxGraphNodes: 5000 };

export interface QueryGraph {
  nodes: GraphNodeT[];
  edges: GraphEdgeT[];
}

export interface RunResult {
  columns: string[];
  rows: Record<string, unknown>[];
  graph: QueryGraph;
  truncated: boolean;
  rowCount: number;
  ms: number;
}

const ms = (started: number) => Math.round((performance.now() - started) * 10) / 10;

/** The id the explorer knows a node by: the entity id, `phone:…` / `address:…`, else the element id. */
function nodeKey(n: PlainNode): string {
  const p = n.properties;
  if (n.labels.includes("Phone") && typeof p.value === "string") return `phone:${p.value}`;
  if (n.labels.includes("Address") && typeof p.value === "string") return `address:${p.value}`;
  return typeof p.id === "string" ? p.id : n.elementId;
}

function toGraphNode(n: PlainNode): GraphNodeT {
  const p = n.properties;
  const id = nodeKey(n);
  const label = n.labels.find((l) => l !== "Entity" && l !== "Cadre") ?? n.labels[0] ?? "node";
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    id,
    type: label.toLowerCase(),
    name: typeof p.name === "string" ? p.name : typeof p.value === "string" ? p.value : id,
    cadre: n.labels.includes("Cadre"),
    riskScore: num(p.riskScore),
    riskGrade: typeof p.riskGrade === "string" ? p.riskGrade : null,
    communityId: num(p.communityId),
    year: num(p.year),
  };
}

/** Collects the nodes and relationships of a result and shapes them for the explorer. */
export class GraphCollector {
  private readonly nodes = new Map<string, PlainNode>();
  private readonly rels = new Map<string, PlainRelationship>();

  constructor(private readonly maxNodes: number) {}

  add(nodes: PlainNode[], relationships: PlainRelationship[]): void {
    for (const n of nodes) if (this.nodes.size < this.maxNodes && !this.nodes.has(n.elementId)) this.nodes.set(n.elementId, n);
    for (const r of relationships) if (!this.rels.has(r.elementId) && this.rels.size < this.maxNodes * 4) this.rels.set(r.elementId, r);
  }

  /** The graph, fetching the end nodes of relationships that the result did not hold itself. */
  async build(graph: Graph, timeoutMs: number): Promise<QueryGraph> {
    const missing = new Set<string>();
    for (const r of this.rels.values()) {
      if (!this.nodes.has(r.start)) missing.add(r.start);
      if (!this.nodes.has(r.end)) missing.add(r.end);
    }
    const room = Math.max(0, this.maxNodes - this.nodes.size);
    const fetch = [...missing].slice(0, room);
    if (fetch.length > 0) {
      const rows = await graph.read<{ n: PlainNode }>(cypher("queries/graph-nodes.cypher"), { ids: fetch }, { timeoutMs });
      for (const { n } of rows) this.nodes.set(n.elementId, n);
    }
    const nodes = [...this.nodes.values()];
    const keyOf = new Map(nodes.map((n) => [n.elementId, nodeKey(n)]));
    const edges: GraphEdgeT[] = [];
    for (const r of this.rels.values()) {
      const source = keyOf.get(r.start);
      const target = keyOf.get(r.end);
      if (source === undefined || target === undefined) continue;
      const label = typeof r.properties.relation === "string" ? r.properties.relation : typeof r.properties.role === "string" ? r.properties.role : r.type.toLowerCase();
      edges.push({ id: r.elementId, type: r.type, source, target, label, properties: r.properties });
    }
    return { nodes: nodes.map(toGraphNode), edges };
  }
}

/** Runs `def` with parameters already bound (see bindParameters in services/graph/params.ts) and returns rows and graph. */
export async function runQuery(
  graph: Graph,
  def: QueryDefinition,
  params: Record<string, unknown>,
  settings: RunSettings = RUN_DEFAULTS,
  metadata: Record<string, unknown> = {},
): Promise<RunResult> {
  const started = performance.now();
  await assertReadOnly(graph, def.cypher, { firstLine: def.cypherLine, where: `query ${def.name}` });
  const rows: Record<string, unknown>[] = [];
  const collector = new GraphCollector(settings.maxGraphNodes);
  const result = await streamRead(
    graph,
    def.cypher,
    params,
    { timeoutMs: settings.timeoutMs, maxRecords: settings.maxRows, metadata: { query: def.name, ...metadata } },
    (record) => {
      rows.push(record.row);
      collector.add(record.nodes, record.relationships);
    },
  );
  const remaining = Math.max(1000, settings.timeoutMs - (performance.now() - started));
  const built = await collector.build(graph, remaining);
  return { columns: result.keys, rows, graph: built, truncated: result.truncated, rowCount: rows.length, ms: ms(started) };
}

/** Where CSV goes: `write` resolves when the chunk may be followed by the next (back-pressure). */
export interface CsvSink {
  write(chunk: string): Promise<void>;
}

export interface ExportResult {
  columns: string[];
  rowCount: number;
  truncated: boolean;
  ms: number;
}

/**
 * Streams `def`'s result as CSV (UTF-8 with a byte-order mark for spreadsheet programs, RFC 4180,
 * formula-like cells neutralised) into `sink`, row by row as the database sends them.
 */
export async function exportCsv(
  graph: Graph,
  def: QueryDefinition,
  params: Record<string, unknown>,
  sink: CsvSink,
  settings: RunSettings = RUN_DEFAULTS,
  options: { metadata?: Record<string, unknown>; mapRow?: (row: Record<string, unknown>) => Record<string, unknown> } = {},
): Promise<ExportResult> {
  const metadata = options.metadata ?? {};
  const mapRow = options.mapRow ?? ((row: Record<string, unknown>) => row);
  const started = performance.now();
  await assertReadOnly(graph, def.cypher, { firstLine: def.cypherLine, where: `query ${def.name}` });
  let headerWritten = false;
  const result = await streamRead(
    graph,
    def.cypher,
    params,
    { timeoutMs: settings.timeoutMs, maxRecords: settings.maxRows, metadata: { query: def.name, format: "csv", ...metadata } },
    async (record, keys) => {
      if (!headerWritten) {
        await sink.write(`\uFEFF${csvHeader(keys)}`);
        headerWritten = true;
      }
      await sink.write(csvRow(keys, mapRow(record.row)));
    },
  );
  if (!headerWritten) await sink.write(`\uFEFF${csvHeader(result.keys)}`);
  return { columns: result.keys, rowCount: result.records, truncated: result.truncated, ms: ms(started) };
}
