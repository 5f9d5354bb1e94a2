// One CSV file in the offline importer's format: a typed header (`:ID`, `name:date`, ...), RFC 4180
// quoting, buffered writes. Remembers whether a value held a line break, because the importer reads
// such files only when told they are multi-line (slower, so only for the files that need it).
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";

export type Cell = string | number | boolean | undefined | null;

const NEEDS_QUOTES = /[",\r\n]/;
const LINE_BREAK = /[\r\n]/;
const FLUSH_AT = 1 << 20;

export class ImporterCsv {
  private readonly out: WriteStream;
  private buffer = "";
  private failure: Error | undefined;
  private closed = false;
  rows = 0;
  multiline = false;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.out = createWriteStream(path);
    this.out.on("error", (error) => (this.failure = error));
    this.buffer = header.join(",") + "\n";
  }

  /** Appends a row; returns a promise to await (back-pressure) when the buffer went to disk. */
  add(cells: readonly Cell[]): Promise<void> | undefined {
    let line = "";
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      if (i > 0) line += ",";
      if (value === undefined || value === null) continue;
      if (typeof value !== "string") {
        line += String(value);
        continue;
      }
      if (NEEDS_QUOTES.test(value)) {
        if (LINE_BREAK.test(value)) this.multiline = true;
        line += `"${value.replaceAll('"', '""')}"`;
      } else line += value;
    }
    this.buffer += line + "\n";
    this.rows++;
    return this.buffer.length >= FLUSH_AT ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const text = this.buffer;
    this.buffer = "";
    if (!this.out.write(text)) await once(this.out, "drain");
  }

  /** Writes what is buffered and closes the file; later calls do nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    this.out.end();
    await once(this.out, "finish");
    if (this.failure) throw this.failure;
  }
}
