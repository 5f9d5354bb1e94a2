// The shape of an import's outcome and progress events, shared by the library, the CLI and the API.

export type ImportStatus = "running" | "succeeded" | "failed" | "rejected";

export interface FileReport {
  /** The file name in the bundle, e.g. `persons.csv`. */
  file: string;
  format: "csv" | "jsonl";
  read: number;
  valid: number;
  rejected: number;
}

export interface PhaseReport {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export interface ImportReport {
  id: string;
  source: string;
  status: ImportStatus;
  startedAt: string;
  finishedAt: string;
  files: FileReport[];
  /** Totals over all files. */
  rows: { read: number; valid: number; rejected: number };
  /** `file:line: column: reason`, at most the error limit of them. */
  errors: string[];
  errorCount: number;
  warnings: string[];
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  seconds: number;
  /** Rows read per second over the whole import. */
  rowsPerSecond: number;
  phases: { validate: PhaseReport; nodes: PhaseReport; relationships: PhaseReport };
}

export interface ImportProgress {
  stage: "validate" | "write";
  /** Within "write": node rows first, then relationship rows. */
  phase?: "nodes" | "relationships";
  file: string;
  rows: number;
  totalRows?: number;
}
