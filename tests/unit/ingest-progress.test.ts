// Terminal rendering of an import: the per-file progress lines and the closing summary.
import { describe, expect, it } from "vitest";
import { progressBar, summary } from "../../services/ingest/progress.ts";
import type { ImportReport } from "../../services/ingest/report.ts";

describe("progress", () => {
  it("prints one line per file and stage when stderr is not a TTY", () => {
    const out: string[] = [];
    const bar = progressBar({ tty: false, width: 10, write: (t) => out.push(t) });
    bar.update({ stage: "validate", file: "persons.csv", rows: 10 });
    bar.update({ stage: "validate", file: "persons.csv", rows: 20 });
    bar.update({ stage: "validate", file: "kinship.csv", rows: 5 });
    bar.update({ stage: "write", phase: "nodes", file: "persons.csv", rows: 10, totalRows: 20 });
    bar.update({ stage: "write", phase: "nodes", file: "persons.csv", rows: 20, totalRows: 20 });
    bar.done();
    expect(out).toEqual(["checking persons.csv: 20 rows\n", "checking kinship.csv: 5 rows\n", "[##########] 100% writing nodes persons.csv 20/20 rows\n"]);
  });

  it("redraws one line in place on a TTY", () => {
    const out: string[] = [];
    const bar = progressBar({ tty: true, width: 4, write: (t) => out.push(t) });
    bar.update({ stage: "write", phase: "relationships", file: "kinship.csv", rows: 1, totalRows: 4 });
    bar.done();
    expect(out).toEqual(["\r\x1b[2K[#---]  25% writing relationships kinship.csv 1/4 rows", "\r\x1b[2K"]);
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
