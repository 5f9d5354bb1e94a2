// The shape both readers produce: a record's physical line and its fields by column name.
export interface SourceRecord {
  /** Physical line (1-based) on which the record starts; the CSV header is line 1. */
  line: number;
  fields: Record<string, string | undefined>;
}

/** Yields the records of a batch reader one by one. */
export async function* records(batches: AsyncIterable<SourceRecord[]>): AsyncGenerator<SourceRecord> {
  for await (const batch of batches) yield* batch;
}
