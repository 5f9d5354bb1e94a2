// CSV for exports: RFC 4180 quoting, and cells that a spreadsheet would read as a formula
// (starting with = + - @, or a tab or carriage return) prefixed with a quote so they stay text.
// Nodes, relationships and paths are written compactly: a node by its id, a relationship by its
// type, a path as its node ids joined by arrows; lists joined with "; "; maps as JSON.

const FORMULA_START = /^[=+\-@\t\r]/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isPlainNode(v: Record<string, unknown>): boolean {
  return typeof v.elementId === "string" && Array.isArray(v.labels) && isRecord(v.properties);
}

function isPlainRelationship(v: Record<string, unknown>): boolean {
  return typeof v.elementId === "string" && typeof v.type === "string" && typeof v.start === "string" && typeof v.end === "string";
}

function isPlainPath(v: Record<string, unknown>): boolean {
  return Array.isArray(v.nodes) && Array.isArray(v.relationships) && Object.keys(v).length === 2;
}

function nodeText(v: Record<string, unknown>): string {
  const p = v.properties as Record<string, unknown>;
  return String(p.id ?? p.value ?? p.name ?? v.elementId);
}

/** The text of one value in a cell (before quoting and neutralising). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return value.map(cellText).join("; ");
  if (isRecord(value)) {
    if (isPlainNode(value)) return nodeText(value);
    if (isPlainRelationship(value)) return String(value.type);
    if (isPlainPath(value)) return (value.nodes as Record<string, unknown>[]).map(nodeText).join(" → ");
    return JSON.stringify(value);
  }
  return String(value);
}

/** One CSV field: neutralised when it could start a formula, quoted when needed. */
export function csvField(value: unknown): string {
  let text = cellText(value);
  // Numbers stay numbers (a negative amount is not a formula); text that looks like one is defused.
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(columns: readonly string[]): string {
  return `${columns.map(csvField).join(",")}\r\n`;
}

export function csvRow(columns: readonly string[], row: Record<string, unknown>): string {
  return `${columns.map((c) => csvField(row[c])).join(",")}\r\n`;
}
