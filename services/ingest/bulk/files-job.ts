// Runs files-worker.ts: the offline importer's files written in a worker thread while the main thread
// checks the bundle, so the two passes share the machine's cores instead of following each other.
import type { ImportProgress } from "../report.ts";
import { tsWorker } from "./tsworker.ts";
import type { ImporterFiles } from "./write.ts";

export interface FilesRequest {
  folder: string;
  /** Emptied first. */
  dir: string;
  database: string;
}

export type FilesMessage =
  | { kind: "progress"; file: string; rows: number; bytes: number; totalBytes: number }
  | { kind: "done"; files: ImporterFiles }
  /** A row the worker could not read or convert: the bundle has errors, which the check reports. */
  | { kind: "unconvertible"; reason: string }
  | { kind: "failed"; message: string };

export type FilesOutcome = { files: ImporterFiles } | { unconvertible: string };

export interface FilesJob {
  /** The files, or why a row could not be converted; rejects when the worker fails otherwise. */
  result: Promise<FilesOutcome>;
  /** Stops the worker (its files are left for the caller to remove). */
  cancel(): Promise<void>;
  /** Receives the worker's progress from now on. */
  onProgress(listener: ((progress: ImportProgress) => void) | undefined): void;
}

export function startFilesJob(request: FilesRequest): FilesJob {
  const worker = tsWorker(new URL("./files-worker.ts", import.meta.url), request);
  let listener: ((progress: ImportProgress) => void) | undefined;
  let settled = false;
  const result = new Promise<FilesOutcome>((resolve, reject) => {
    worker.on("message", (message: FilesMessage) => {
      if (message.kind === "progress") listener?.({ stage: "files", file: message.file, rows: message.rows, bytes: message.bytes, totalBytes: message.totalBytes });
      else {
        settled = true;
        if (message.kind === "done") resolve({ files: message.files });
        else if (message.kind === "unconvertible") resolve({ unconvertible: message.reason });
        else reject(new Error(`writing the importer files failed: ${message.message}`));
        void worker.terminate();
      }
    });
    worker.on("error", (error) => {
      settled = true;
      reject(new Error(`writing the importer files failed: ${error.message}`, { cause: error }));
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`the importer files' worker exited (code ${code}) before it finished`));
    });
  });
  // A cancelled job's outcome is not awaited by anyone.
  result.catch(() => {});
  return {
    result,
    async cancel() {
      settled = true;
      await worker.terminate();
    },
    onProgress(next) {
      listener = next;
    },
  };
}
