// One CSV file in the offline importer's format: a typed header (`:ID`, `name:date`, ...), RFC 4180
// quoting, written straight into byte buffers (building millions of small strings was most of the
// writer's garbage). Remembers whether a value held a line break, because the importer reads such
// files only when told they are multi-line (slower, so only for the files that need it).
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";

export type Cell = string | number | boolean | undefined | null;

const NEEDS_QUOTES = /[",\r\n]/;
const LINE_BREAK = /[\r\n]/;
const BUFFER_BYTES = 1 << 20;
const COMMA = 44;
const NEWLINE = 10;
const ZERO = 48;

export class ImporterCsv {
  private readonly out: WriteStream;
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private at = 0;
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
    this.text(header.join(","));
    this.buffer[this.at++] = NEWLINE;
  }

  /** Appends a row (its first two cells apart, to spare an array); a returned promise is back-pressure. */
  add(first: Cell, second: Cell, rest: readonly Cell[]): Promise<void> | undefined {
    this.cell(first);
    this.buffer[this.at++] = COMMA;
    this.cell(second);
    for (let i = 0; i < rest.length; i++) {
      this.buffer[this.at++] = COMMA;
      this.cell(rest[i]);
    }
    this.buffer[this.at++] = NEWLINE;
    this.rows++;
    return this.at >= BUFFER_BYTES / 2 ? this.flush() : undefined;
  }

  private cell(value: Cell): void {
    if (value === undefined || value === null) return;
    if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 2 ** 31) {
      this.digits(value);
      return;
    }
    if (typeof value !== "string") {
      this.text(String(value));
      return;
    }
    if (!NEEDS_QUOTES.test(value)) {
      this.text(value);
      return;
    }
    if (LINE_BREAK.test(value)) this.multiline = true;
    this.text(`"${value.replaceAll('"', '""')}"`);
  }

  private digits(n: number): void {
    if (n < 10) {
      this.buffer[this.at++] = ZERO + n;
      return;
    }
    let width = 1;
    for (let p = 10; p <= n; p *= 10) width++;
    for (let i = this.at + width - 1; i >= this.at; i--) {
      this.buffer[i] = ZERO + (n % 10);
      n = Math.floor(n / 10);
    }
    this.at += width;
  }

  private text(value: string): void {
    // Up to 3 bytes per UTF-16 unit; a value larger than the free room goes to a larger buffer.
    const most = value.length * 3;
    if (this.at + most + 8 > this.buffer.length) this.grow(most + 8);
    this.at += this.buffer.write(value, this.at, "utf8");
  }

  /** Makes room for `bytes` more (rows are flushed whole, so this only happens within a row). */
  private grow(bytes: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes + BUFFER_BYTES));
    this.buffer.copy(next, 0, 0, this.at);
    this.buffer = next;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.at === 0) return;
    const full = this.buffer.subarray(0, this.at);
    this.buffer = Buffer.allocUnsafe(Math.max(BUFFER_BYTES, this.buffer.length));
    this.at = 0;
    if (!this.out.write(full)) await once(this.out, "drain");
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
