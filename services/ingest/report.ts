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
  /** How the rows were written: batched Cypher on a running server, or Neo4j's offline importer. */
  method: "online" | "offline";
  /** The offline path's own stages, in seconds. */
  offline?: OfflineStages;
}

export interface OfflineStages {
  /** Checking the bundle while writing the importer's files (one pass). */
  checkAndFiles: number;
  /** The launcher's import, from reading its arguments to the last store file. */
  importer: number;
  /** The importer's steps as it reports them (node import, relationship import, linking, post processing). */
  steps: Record<string, number>;
  /** From the end of the import until the server answers. */
  serverStart: number;
  /** Constraints, indexes and the full-text index built over the loaded graph. */
  schema: number;
  peakMemory?: string;
}

export interface ImportProgress {
  /** validate → write (online loader); validate → files → load (offline importer). */
  stage: "validate" | "write" | "files" | "load";
  /** Within "write": node rows first, then relationship rows. */
  phase?: "nodes" | "relationships";
  file: string;
  rows: number;
  totalRows?: number;
  /** While checking: bytes of the bundle read so far (estimated within a file) and in all. */
  bytes?: number;
  totalBytes?: number;
}
