// Terminal rendering of long stages (status line on a terminal, throttled log lines otherwise) and an
// import's closing summary.
import type { Logger } from "pino";
import { describe, expect, it } from "vitest";
import { compact, duration, importProgress, stageProgress } from "../../services/cli/progress.ts";
import { summary } from "../../services/ingest/progress.ts";
import { formatLogLine, type StatusLine } from "../../services/logger.ts";
import type { ImportReport } from "../../services/ingest/report.ts";

/** A status line that records what it shows, and a logger that records its lines. */
function fakes(tty: boolean) {
  const shown: string[] = [];
  const logged: { fields: Record<string, unknown>; msg: string }[] = [];
  const status = { tty, set: (t: string) => shown.push(t), clear: () => shown.push("<clear>"), print: () => {} } as unknown as StatusLine;
  const logger = { info: (fields: Record<string, unknown>, msg: string) => logged.push({ fields, msg }) } as unknown as Logger;
  let clock = 0;
  return { shown, logged, status, logger, now: () => clock, tick: (ms: number) => (clock += ms) };
}

describe("progress", () => {
  it("shows done, total, rate and time left on a terminal's status line", () => {
    const f = fakes(true);
    const p = stageProgress(f.logger, "load", { status: f.status, now: f.now });
    p.update("Node import", 0, 1_000_000);
    f.tick(2000);
    p.update("Node import", 250_000, 1_000_000);
    p.end();
    expect(f.shown).toEqual(["load: Node import  [--------------------]   0%  0 / 1.00M rows", "load: Node import  [#####---------------]  25%  250k / 1.00M rows  125k rows/s  ~6 s left", "<clear>"]);
    expect(f.logged).toEqual([]);
  });

  it("off a terminal logs a line when the label changes and at most every few seconds", () => {
    const f = fakes(false);
    const p = stageProgress(f.logger, "check", { status: f.status, now: f.now, everyMs: 5000 });
    p.update("persons.csv", 100);
    f.tick(1000);
    p.update("persons.csv", 200);
    f.tick(5000);
    p.update("persons.csv", 1200);
    p.update("kinship.csv", 1300);
    expect(f.logged.map((l) => `${l.msg} ${String(l.fields.done)}`)).toEqual(["check: persons.csv 100", "check: persons.csv 1200", "check: kinship.csv 1300"]);
    expect(f.logged[1]?.fields.perSecond).toBe(200);
    expect(f.shown).toEqual([]);
  });

  it("gives each import step its own stage, rated by the bytes checked while checking", () => {
    const f = fakes(true);
    const p = importProgress(f.logger, { status: f.status, now: f.now });
    p.update({ stage: "validate", file: "persons.csv", rows: 10, bytes: 50, totalBytes: 100 });
    p.update({ stage: "load", file: "Node import", rows: 5, totalRows: 10 });
    p.end();
    expect(f.shown).toEqual(["check: persons.csv  [##########----------]  50%  10 rows", "<clear>", "load: Node import  [##########----------]  50%  5 / 10 rows", "<clear>"]);
  });

  it("turns a JSON log line into a readable one: time, level past info, message, fields, error stack", () => {
    const time = new Date(2026, 0, 2, 3, 4, 5).getTime();
    expect(formatLogLine(JSON.stringify({ level: 30, time, pid: 1, hostname: "h", name: "demo", msg: "imported", rows: 2307848, peak: "1 GiB" }), false)).toBe(
      '03:04:05  imported  rows=2,307,848 peak="1 GiB"',
    );
    expect(formatLogLine(JSON.stringify({ level: 50, time, msg: "failed", err: { message: "boom", stack: "Error: boom\n    at x" } }), false)).toBe(
      "03:04:05  error failed\nError: boom\n    at x",
    );
    expect(formatLogLine("not json\n", false)).toBe("not json");
  });

  it("writes numbers compactly and durations in minutes past a minute", () => {
    expect([compact(999), compact(15_300), compact(250_000), compact(2_307_848), compact(12_500_000)]).toEqual(["999", "15.3k", "250k", "2.31M", "12.5M"]);
    expect([duration(8.2), duration(75)]).toEqual(["8 s", "1 min 15 s"]);
  });

  it("summarises rows per file, writes and throughput", () => {
    const phase = { rows: 1000, seconds: 0.5, rowsPerSecond: 2000 };
    const report: ImportReport = {
      id: "imp-1",
      source: "/tmp/b",
      status: "succeeded",
      startedAt: "",
      finishedAt: "",
      files: [{ file: "persons.csv", format: "csv", read: 1200, valid: 1000, rejected: 200 }],
      rows: { read: 1200, valid: 1000, rejected: 200 },
      errors: [],
      errorCount: 200,
      warnings: [],
      nodesCreated: 1000,
      relationshipsCreated: 2500,
      propertiesSet: 9000,
      seconds: 1.5,
      rowsPerSecond: 800,
      phases: { validate: phase, nodes: phase, relationships: phase },
      method: "online",
    };
    expect(summary(report).split("\n")).toEqual([
      "file          read  valid  rejected",
      "-----------  -----  -----  --------",
      "persons.csv  1,200  1,000       200",
      "total        1,200  1,000       200",
      "",
      "import imp-1: succeeded",
      "  nodes created 1,000, relationships created 2,500, properties set 9,000",
      "  check                    1,000 rows      0.50 s       2,000 rows/s",
      "  node rows                1,000 rows      0.50 s       2,000 rows/s",
      "  relationship rows        1,000 rows      0.50 s       2,000 rows/s",
      "  total 1.50 s, 800 rows/s, 200 errors",
    ]);
  });
});
