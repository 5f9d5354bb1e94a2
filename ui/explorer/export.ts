// Exports of the view: GEXF 1.3 for Gephi (every tie an edge, with positions, colours and sizes
// as drawn) and CSV of nodes and of edges (UTF-8 with a byte-order mark, so Excel reads Chinese),
// both of what the filters let through. Pure text builders; the page only downloads them.
import { nodePasses, type Tie, tiePasses } from "./filters.ts";
import type { ExplorerGraph, NodeAttrs } from "./graph.ts";
import { nodeColour } from "./reducers.ts";
import type { State } from "./state.ts";
import { nodeSize } from "./style.ts";

/** The nodes and ties the filters let through, in graph order. */
export function visibleElements(graph: ExplorerGraph, state: Pick<State, "filters">): { nodes: [string, NodeAttrs][]; ties: Tie[] } {
  const nodes: [string, NodeAttrs][] = [];
  const shown = new Set<string>();
  graph.forEachNode((id, a) => {
    if (nodePasses(a.data, state.filters)) {
      nodes.push([id, a]);
      shown.add(id);
    }
  });
  const ties: Tie[] = [];
  graph.forEachEdge((_, a, source, target) => {
    if (!shown.has(source) || !shown.has(target)) return;
    for (const t of a.ties) if (tiePasses(t, state.filters)) ties.push(t);
  });
  return { nodes, ties };
}

export function escapeXml(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function rgb(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

const NODE_ATTRIBUTES = [
  ["type", "string"],
  ["cadre", "boolean"],
  ["riskScore", "double"],
  ["riskGrade", "string"],
  ["communityId", "integer"],
] as const;

const fmt = (n: number) => (Number.isFinite(n) ? Number(n.toFixed(3)).toString() : "0");

export function toGexf(graph: ExplorerGraph, state: Pick<State, "filters" | "colourBy">, date = new Date()): string {
  const { nodes, ties } = visibleElements(graph, state);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `  <meta lastmodifieddate="${date.toISOString().slice(0, 10)}"><creator>county-graph explorer</creator><description>${nodes.length} entities, ${ties.length} ties</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map(([name, type], i) => `      <attribute id="n${i}" title="${name}" type="${type}"/>`),
    "    </attributes>",
    '    <attributes class="edge">',
    '      <attribute id="e0" title="type" type="string"/>',
    '      <attribute id="e1" title="properties" type="string"/>',
    "    </attributes>",
    "    <nodes>",
  ];
  for (const [id, a] of nodes) {
    const d = a.data;
    const values = NODE_ATTRIBUTES.map(([name], i) => [i, d[name]] as const).filter(([, v]) => v !== null && v !== undefined);
    const [r, g, b] = rgb(nodeColour(a, state.colourBy));
    out.push(
      `      <node id="${escapeXml(id)}" label="${escapeXml(d.name)}">`,
      `        <attvalues>${values.map(([i, v]) => `<attvalue for="n${i}" value="${escapeXml(String(v))}"/>`).join("")}</attvalues>`,
      `        <viz:color r="${r}" g="${g}" b="${b}"/><viz:position x="${fmt(a.x)}" y="${fmt(a.y)}" z="0"/><viz:size value="${fmt(nodeSize(d.riskScore))}"/>`,
      "      </node>",
    );
  }
  out.push("    </nodes>", "    <edges>");
  for (const t of ties) {
    out.push(
      `      <edge id="${escapeXml(t.id)}" source="${escapeXml(t.source)}" target="${escapeXml(t.target)}" label="${escapeXml(t.label)}" kind="${escapeXml(t.type)}">`,
      `        <attvalues><attvalue for="e0" value="${escapeXml(t.type)}"/><attvalue for="e1" value="${escapeXml(JSON.stringify(t.properties))}"/></attvalues>`,
      "      </edge>",
    );
  }
  out.push("    </edges>", "  </graph>", "</gexf>", "");
  return out.join("\n");
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; formula starts defused. */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  // A cell starting like a formula would run in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(s) && typeof v === "string") s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const BOM = "\ufeff";

export function toCsv(graph: ExplorerGraph, state: Pick<State, "filters">): { nodes: string; edges: string } {
  const { nodes, ties } = visibleElements(graph, state);
  const nodeRows = [
    ["id", "name", "type", "cadre", "riskScore", "riskGrade", "communityId", "year", "x", "y"],
    ...nodes.map(([id, a]) => [id, a.data.name, a.data.type, a.data.cadre, a.data.riskScore, a.data.riskGrade, a.data.communityId, a.data.year, fmt(a.x), fmt(a.y)]),
  ];
  const edgeRows = [["id", "source", "target", "type", "label", "properties"], ...ties.map((t) => [t.id, t.source, t.target, t.type, t.label, t.properties])];
  const text = (rows: unknown[][]) => BOM + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
  return { nodes: text(nodeRows), edges: text(edgeRows) };
}
