// A terminal progress bar on stderr: redrawn in place on a TTY, one line per step otherwise.
export interface ProgressBar {
  update(fraction: number, label: string): void;
  done(label?: string): void;
}

export function progressBar(width = 30): ProgressBar {
  const tty = Boolean(process.stderr.isTTY);
  let lastLabel = "";
  return {
    update(fraction, label) {
      const f = Math.max(0, Math.min(1, fraction));
      if (tty) {
        const filled = Math.round(f * width);
        process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}% ${label}`.padEnd(100));
      } else if (label !== lastLabel) {
        process.stderr.write(`${(f * 100).toFixed(0).padStart(3)}% ${label}\n`);
      }
      lastLabel = label;
    },
    done(label = "done") {
      if (tty) process.stderr.write(`\r[${"#".repeat(width)}] 100% ${label}`.padEnd(100) + "\n");
      else process.stderr.write(`100% ${label}\n`);
    },
  };
}

/** Prints rows as an aligned text table (first row = header). */
export function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? "").length)));
  return rows
    .map((r, n) => {
      const line = r.map((c, i) => (typeof c === "number" ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join("  ");
      return n === 0 ? `${line}\n${widths.map((w) => "-".repeat(w)).join("  ")}` : line;
    })
    .join("\n");
}
