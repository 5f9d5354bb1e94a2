// Spill files: the valid, converted rows of one bundle file kept on disk between validation and
// writing (one JSON array per line, one line per write batch), so no file is parsed twice.
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";

export class SpillWriter {
  private readonly out: WriteStream;
  private batch: unknown[] = [];
  private failure: Error | undefined;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly batchSize: number,
  ) {
    this.out = createWriteStream(path);
    this.out.on("error", (error) => (this.failure = error));
  }

  /** Adds a row; when that completes a batch, returns a promise to await before adding more. */
  add(row: unknown): Promise<void> | undefined {
    this.batch.push(row);
    this.rows++;
    return this.batch.length >= this.batchSize ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.batch.length === 0) return;
    const line = JSON.stringify(this.batch) + "\n";
    this.batch = [];
    if (!this.out.write(line)) await once(this.out, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, "finish");
    if (this.failure) throw this.failure;
  }
}

/** Reads back the batches of a spill file, one parsed array per line. */
export async function* readSpill<T = Record<string, unknown>>(path: string): AsyncGenerator<T[]> {
  let parts: string[] = [];
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    let start = 0;
    for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", start)) {
      parts.push(chunk.slice(start, nl));
      yield JSON.parse(parts.join("")) as T[];
      parts = [];
      start = nl + 1;
    }
    if (start < chunk.length) parts.push(chunk.slice(start));
  }
  const rest = parts.join("");
  if (rest.trim().length > 0) yield JSON.parse(rest) as T[];
}
