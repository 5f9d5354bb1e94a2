// Terminal rendering of an import: a progress bar (redrawn with `\r` on a TTY, a line per file
// otherwise) and the closing summary table. Used by the CLI; pure text in, text out.
import type { ImportProgress, ImportReport } from "./report.ts";

export interface ProgressBarOptions {
  /** Redraw one line in place (TTY) instead of printing a line per finished file. */
  tty: boolean;
  width: number;
  write: (text: string) => void;
}

const STAGE: Record<string, string> = { validate: "checking", nodes: "writing nodes", relationships: "writing relationships" };

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

/** Returns an onProgress handler and a `done()` that finishes the last line. */
export function progressBar(options: ProgressBarOptions): { update: (p: ImportProgress) => void; done: () => void } {
  let last: ImportProgress | undefined;
  let lastDraw = 0;
  const label = (p: ImportProgress) => `${STAGE[p.phase ?? p.stage] ?? p.stage} ${p.file}`;
  const line = (p: ImportProgress) => {
    if (p.totalRows && p.totalRows > 0) {
      const ratio = Math.min(1, p.rows / p.totalRows);
      const filled = Math.round(ratio * options.width);
      return `[${"#".repeat(filled)}${"-".repeat(options.width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${label(p)} ${fmt(p.rows)}/${fmt(p.totalRows)} rows`;
    }
    return `${label(p)}: ${fmt(p.rows)} rows`;
  };
  const key = (p: ImportProgress) => `${p.stage}/${p.phase ?? ""}/${p.file}`;
  return {
    update(p) {
      if (options.tty) {
        const now = Date.now();
        if (last && key(last) === key(p) && now - lastDraw < 100 && p.rows !== p.totalRows) {
          last = p;
          return;
        }
        lastDraw = now;
        options.write(`\r\x1b[2K${line(p)}`);
      } else if (last && key(last) !== key(p)) options.write(`${line(last)}\n`);
      last = p;
    },
    done() {
      if (options.tty) {
        if (last) options.write("\r\x1b[2K");
      } else if (last) options.write(`${line(last)}\n`);
      last = undefined;
    },
  };
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
    phase("check", validate),
    phase("node rows", nodes),
    phase("relationship rows", relationships),
    `  total ${report.seconds.toFixed(2)} s, ${fmt(report.rowsPerSecond)} rows/s${report.errorCount > 0 ? `, ${fmt(report.errorCount)} errors` : ""}`,
  ].join("\n");
}
