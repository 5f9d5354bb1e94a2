// A query result as a table: one row per record, nodes by name, relationships by type, paths by
// their length, numbers right-aligned.
import type { QueryRun } from "../shared/api.ts";

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellText).join("; ");
  if (typeof value === "object") {
    const v = value as { labels?: unknown; properties?: Record<string, unknown>; type?: string; nodes?: unknown[] };
    if (v.labels && v.properties) return String(v.properties.name ?? v.properties.id ?? "node");
    if (v.type && v.properties) return v.type;
    if (Array.isArray(v.nodes)) return `path of ${v.nodes.length} nodes`;
    return JSON.stringify(value);
  }
  return String(value);
}

export function resultTable(result: Pick<QueryRun, "columns" | "rows">): HTMLTableElement {
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const c of result.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    head.append(th);
  }
  const body = t.createTBody();
  for (const row of result.rows) {
    const tr = body.insertRow();
    for (const c of result.columns) {
      const td = tr.insertCell();
      td.textContent = cellText(row[c]);
      if (typeof row[c] === "number") td.className = "num";
    }
  }
  return t;
}
