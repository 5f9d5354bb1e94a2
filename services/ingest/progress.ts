// The closing summary of an import as text: rows per file, what was written, time and throughput.
import type { ImportReport } from "./report.ts";

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const render = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [render(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(render)].join("\n");
}

/** The closing summary: rows per file, what was written, time and throughput. */
export function summary(report: ImportReport): string {
  const rows = report.files.map((f) => [f.file, fmt(f.read), fmt(f.valid), fmt(f.rejected)]);
  rows.push(["total", fmt(report.rows.read), fmt(report.rows.valid), fmt(report.rows.rejected)]);
  const { validate, nodes, relationships } = report.phases;
  const phase = (name: string, p: { rows: number; seconds: number; rowsPerSecond: number }) =>
    `  ${name.padEnd(17)} ${fmt(p.rows).padStart(12)} rows  ${p.seconds.toFixed(2).padStart(8)} s  ${fmt(p.rowsPerSecond).padStart(10)} rows/s`;
  return [
    table(["file", "read", "valid", "rejected"], rows),
    "",
    `import ${report.id}: ${report.status}`,
    `  nodes created ${fmt(report.nodesCreated)}, relationships created ${fmt(report.relationshipsCreated)}, properties set ${fmt(report.propertiesSet)}`,
    ...(report.offline
      ? [
          phase("check + files", validate),
          phase("nodes", nodes),
          phase("relationships", relationships),
          `  offline importer ${report.offline.importer.toFixed(2)} s (${Object.entries(report.offline.steps).map(([step, s]) => `${step.toLowerCase()} ${s.toFixed(2)} s`).join(", ")}), peak ${report.offline.peakMemory ?? "?"}`,
          `  server start ${report.offline.serverStart.toFixed(2)} s, schema ${report.offline.schema.toFixed(2)} s`,
        ]
      : [phase("check", validate), phase("node rows", nodes), phase("relationship rows", relationships)]),
    `  total ${report.seconds.toFixed(2)} s, ${fmt(report.rowsPerSecond)} rows/s${report.errorCount > 0 ? `, ${fmt(report.errorCount)} errors` : ""}`,
  ].join("\n");
}
