// Rows of seconds per million edges for the community benchmarks: wall-clock and, when measured,
// CPU seconds of this process and of the Neo4j server.
import type { DetectCommunitiesResult } from "../../services/analytics/communities/index.ts";
import type { Cpu } from "./cpu.ts";

export interface EdgeRow {
  what: string;
  seconds: number;
  edges: number;
  /** CPU seconds of this process and of the Neo4j server, when measured. */
  cpu?: Cpu;
}

export function stages(label: string, r: DetectCommunitiesResult, cpu?: Cpu): EdgeRow[] {
  return [
    { what: `${label}: read`, seconds: r.seconds.read, edges: r.edges },
    { what: `${label}: louvain`, seconds: r.seconds.louvain, edges: r.edges },
    { what: `${label}: write`, seconds: r.seconds.write, edges: r.edges },
    { what: `${label}: end to end`, seconds: r.seconds.total, edges: r.edges, cpu },
  ];
}

export function edgeTable(rows: EdgeRow[]): string {
  const width = Math.max(...rows.map((r) => r.what.length));
  const perM = (x: number, r: EdgeRow) => (x / (r.edges / 1e6)).toFixed(2);
  const head = `| ${"stage".padEnd(width)} | wall s | wall s per M edges | Node CPU s | Neo4j CPU s | CPU s per M edges |`;
  const rule = `|${"-".repeat(width + 2)}|-------:|-------------------:|-----------:|------------:|------------------:|`;
  const body = rows.map((r) => {
    const node = r.cpu ? r.cpu.node.toFixed(2) : "";
    const neo4j = r.cpu?.neo4j !== undefined ? r.cpu.neo4j.toFixed(2) : "";
    const cpu = r.cpu ? perM(r.cpu.node + (r.cpu.neo4j ?? 0), r) : "";
    return `| ${r.what.padEnd(width)} | ${r.seconds.toFixed(2).padStart(6)} | ${perM(r.seconds, r).padStart(18)} | ${node.padStart(10)} | ${neo4j.padStart(11)} | ${cpu.padStart(17)} |`;
  });
  return [head, rule, ...body].join("\n");
}
