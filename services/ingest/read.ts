// A bundle file's records in batches, whichever its format: the CSV reader or the JSON Lines reader.
import { readCsvBatches } from "./csv.ts";
import type { BundleSource } from "./discover.ts";
import type { ReadError } from "./errors.ts";
import { readJsonlBatches } from "./jsonl.ts";
import type { SourceRecord } from "./record.ts";
import type { TextOptions } from "./text.ts";

export interface SourceReadOptions {
  reader?: Partial<TextOptions>;
  /** A CSV file's header. */
  onHeader?: (columns: readonly string[]) => void;
  /** A JSON Lines key, the first time it is seen. */
  onKey?: (key: string, line: number) => void;
  /** Each unreadable record; without it the first one is thrown. */
  onError?: (error: ReadError) => void;
}

export function readSource(source: BundleSource, options: SourceReadOptions = {}): AsyncIterable<SourceRecord[]> {
  const { reader, onHeader, onKey, onError } = options;
  return source.format === "csv" ? readCsvBatches(source.path, { ...reader, onHeader, onError }) : readJsonlBatches(source.path, { ...reader, onKey, onError });
}
