// Progress of long stages for a person at a terminal: a live status line (done, rate, time left)
// on a TTY, a log line every few seconds otherwise; and aligned text tables.
import type { Logger } from "pino";
import type { ImportProgress } from "../ingest/index.ts";
import { terminal, type StatusLine } from "../logger.ts";

export interface StageProgress {
  /** `done` units of `total` (when known); `fraction` overrides done/total for the bar and time left. */
  update(label: string, done: number, total?: number, fraction?: number): void;
  /** Ends the stage's live line. */
  end(): void;
}

export interface StageProgressOptions {
  /** What `done` counts ("rows"). */
  unit: string;
  status: StatusLine;
  /** Off a terminal: the least time between two progress log lines. */
  everyMs: number;
  now: () => number;
}

const DEFAULTS: StageProgressOptions = { unit: "rows", status: terminal, everyMs: 5000, now: () => performance.now() };

/** 1234567 → "1.23M", 15300 → "15.3k". */
export function compact(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 1 : 2)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(n >= 1e5 ? 0 : 1)}k`;
  return String(Math.round(n));
}

/** 75 → "1 min 15 s", 8.2 → "8 s". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** One stage's progress, rated from its first update. */
export function stageProgress(logger: Logger, stage: string, options: Partial<StageProgressOptions> = {}): StageProgress {
  const opts = { ...DEFAULTS, ...options };
  let started: number | undefined;
  let lastLog = -Infinity;
  let lastLabel = "";
  return {
    update(label, done, total, fraction) {
      const now = opts.now();
      started ??= now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0.5 ? done / seconds : undefined;
      const share = fraction ?? (total ? done / total : undefined);
      const left = share !== undefined && share > 0.02 && seconds > 1 ? (seconds * (1 - share)) / share : undefined;
      const parts = [
        `${stage}: ${label}`,
        share !== undefined ? `[${"#".repeat(Math.round(Math.min(1, share) * 20)).padEnd(20, "-")}] ${String(Math.floor(Math.min(1, share) * 100)).padStart(3)}%` : "",
        opts.unit === "%" ? "" : total ? `${compact(done)} / ${compact(total)} ${opts.unit}` : `${compact(done)} ${opts.unit}`,
        rate !== undefined && opts.unit !== "%" ? `${compact(rate)} ${opts.unit}/s` : "",
        left !== undefined ? `~${duration(left)} left` : "",
      ].filter(Boolean);
      if (opts.status.tty) opts.status.set(parts.join("  "));
      else if (now - lastLog >= opts.everyMs || label !== lastLabel) {
        lastLog = now;
        const perSecond = rate !== undefined && opts.unit !== "%" ? Math.round(rate) : undefined;
        logger.info({ done, total, perSecond, secondsLeft: left && Math.round(left) }, `${stage}: ${label}`);
      }
      lastLabel = label;
    },
    end() {
      if (opts.status.tty) opts.status.clear();
    },
  };
}

const IMPORT_STAGES: Record<ImportProgress["stage"], string> = { validate: "check", files: "importer files", load: "load", write: "write" };

/** An import's progress: one stage per step (checking, writing, each of the offline importer's steps). */
export function importProgress(logger: Logger, options: Partial<StageProgressOptions> = {}): { update: (p: ImportProgress) => void; end: () => void } {
  let current: { key: string; progress: StageProgress } | undefined;
  return {
    update(p) {
      const key = p.stage === "load" || p.stage === "write" ? `${p.stage}/${p.phase ?? p.file}` : p.stage;
      if (current?.key !== key) {
        current?.progress.end();
        const name = p.stage === "write" ? `write ${p.phase ?? ""}` : IMPORT_STAGES[p.stage];
        current = { key, progress: stageProgress(logger, name, options) };
      }
      const fraction = p.bytes !== undefined && p.totalBytes ? p.bytes / p.totalBytes : undefined;
      current.progress.update(p.file, p.rows, p.totalRows, fraction);
    },
    end: () => current?.progress.end(),
  };
}

export interface ProgressBar {
  update(fraction: number, label: string): void;
  done(label?: string): void;
}

/** A bar for work measured as a fraction (the analysis' stages), on the status line. */
export function progressBar(logger?: Logger, stage = "analysis"): ProgressBar {
  const log = logger ?? (console as unknown as Logger);
  const progress = stageProgress(log, stage, { unit: "%" });
  return {
    update: (fraction, label) => progress.update(label, Math.round(fraction * 100), 100, fraction),
    done: () => progress.end(),
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
