// Typed errors and problem records of the importer: reader failures, bad values, rejected or failed imports.
import type { ImportReport } from "./report.ts";
import { AppError } from "../errors.ts";

/** One problem found in a bundle: printed as `file:line: column: reason`. */
export interface Issue {
  file?: string;
  line?: number;
  column?: string;
  reason: string;
}

export function formatIssue(issue: Issue): string {
  let place = issue.file ?? "bundle";
  if (issue.line !== undefined) place += `:${issue.line}`;
  return issue.column === undefined ? `${place}: ${issue.reason}` : `${place}: ${issue.column}: ${issue.reason}`;
}

/** A record (or the whole file, when `fatal`) that a reader could not read. */
export class ReadError extends AppError {
  override name = "ReadError";
  constructor(
    readonly line: number,
    readonly column: string,
    readonly reason: string,
    /** Reading the file stopped here. */
    readonly fatal = false,
    /** The error concerns one record (counted as a rejected row), not the header or the file. */
    readonly record = true,
  ) {
    super("invalid", `line ${line}: ${column}: ${reason}`);
  }
}

/** A value that cannot be normalised (bad ID number, empty phone, ...). */
export class NormaliseError extends AppError {
  override name = "NormaliseError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("invalid", message, options);
  }
}

/** The bundle holds errors and was not written (all-or-nothing); the report lists them. */
export class BundleRejectedError extends AppError {
  override name = "BundleRejectedError";
  constructor(readonly report: ImportReport) {
    super("invalid", `bundle rejected: ${report.errorCount} error${report.errorCount === 1 ? "" : "s"}, nothing written`);
  }
}

/** Writing failed part-way (Neo4j unavailable, constraint violated, ...); the report says how far it got. */
export class ImportFailedError extends AppError {
  override name = "ImportFailedError";
  constructor(
    readonly report: ImportReport,
    options?: { cause?: unknown },
  ) {
    super("internal", `import ${report.id} failed: ${(options?.cause as Error | undefined)?.message ?? "unknown error"}`, options);
  }
}
