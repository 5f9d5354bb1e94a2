// A Markdown table for benchmark output (pasted as is into BENCHMARKS.md): numbers right-aligned.
export type Cell = string | number;

export function markdownTable(header: string[], rows: Cell[][]): string {
  const text = (c: Cell) => String(c);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => text(r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number" || r[i] === "" || /^[\d.,]+( \S+)?$/.test(text(r[i] ?? "").replaceAll("*", ""))));
  const line = (cells: Cell[]) => `| ${cells.map((c, i) => (numeric[i] ? text(c).padStart(widths[i]!) : text(c).padEnd(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** Seconds with two decimals, or "" when unknown. */
export const s2 = (x: number | undefined | null): string => (x === undefined || x === null ? "" : x.toFixed(2));
