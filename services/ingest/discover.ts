// Finds the files of a bundle folder: each contract file once, as .csv or .jsonl, in load order.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { formatIssue } from "./errors.ts";
import { BUNDLE_FILES, FILE_BY_NAME, type BundleFile } from "./files.ts";
import type { Issues, Warnings } from "./issues.ts";
import type { FileReport } from "./report.ts";

export interface BundleSource extends FileReport {
  spec: BundleFile;
  path: string;
  /** File size in bytes. */
  size: number;
  /** Spill file of the rows that passed; rows of referenced files are filtered again by `keep`. */
  spill?: string;
}

/** The bundle files in a folder; anything else is a warning, a file given twice an error. */
export async function discover(folder: string, issues: Issues, warnings: Warnings): Promise<BundleSource[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    issues.add(-1, { reason: `cannot read bundle folder ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    return [];
  }
  const found = new Map<string, BundleSource>();
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const match = /^(.+)\.(csv|jsonl)$/.exec(entry.name);
    const spec = match ? FILE_BY_NAME.get(match[1] as string) : undefined;
    if (!entry.isFile() || !match || !spec) {
      warnings.add(formatIssue({ file: entry.name, reason: entry.isFile() ? "unknown file (ignored)" : "not a file (ignored)" }));
      continue;
    }
    const other = found.get(spec.name);
    if (other) {
      issues.add(BUNDLE_FILES.indexOf(spec), { file: entry.name, reason: `${other.file} is present too: give each file once, as .csv or .jsonl` });
      continue;
    }
    const file = path.join(folder, entry.name);
    const { size } = await stat(file);
    found.set(spec.name, { spec, path: file, size, file: entry.name, format: match[2] as "csv" | "jsonl", read: 0, valid: 0, rejected: 0 });
  }
  const sources = BUNDLE_FILES.flatMap((spec) => found.get(spec.name) ?? []);
  if (sources.length === 0 && issues.count === 0) {
    issues.add(-1, { reason: `no bundle files in ${folder} (expected ${BUNDLE_FILES.map((f) => `${f.name}.csv`).join(", ")})` });
  }
  return sources;
}
