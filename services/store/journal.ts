// An append-only JSON Lines file made durable in small batches (group commit): appends that arrive
// while a write is in flight go out together with one write and one fdatasync, so many requests
// share one flush. Lines are only ever added; readers take the complete lines past an offset.
import { closeSync, fstatSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import { fdatasync, write } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const writeAsync = promisify(write) as unknown as (fd: number, buffer: Buffer) => Promise<{ bytesWritten: number }>;
const syncAsync = promisify(fdatasync);

/** The file could not be written or made durable; nothing after the failure is acknowledged. */
export class JournalWriteError extends Error {
  override name = "JournalWriteError";
}

interface Pending {
  text: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface JournalOptions {
  /** Most lines flushed together. */
  maxBatch: number;
}

export class Journal {
  private readonly fd: number;
  private pending: Pending[] = [];
  private flushing = false;
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly options: JournalOptions,
  ) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.fd = openSync(file, "a+", 0o600);
  }

  static open(file: string, options: Partial<JournalOptions> = {}): Journal {
    return new Journal(file, { maxBatch: 512, ...options });
  }

  /** Bytes in the file now. */
  size(): number {
    return fstatSync(this.fd).size;
  }

  /** Appends one line per item (each without a newline of its own); resolves once they are on disk. */
  append(lines: readonly string[]): Promise<void> {
    if (this.closed) return Promise.reject(new JournalWriteError(`${this.file} is closed`));
    const text = lines.map((l) => `${l}\n`).join("");
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ text, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let the appends of this turn of the event loop join the batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      try {
        await writeAsync(this.fd, Buffer.from(batch.map((p) => p.text).join(""), "utf8"));
        await syncAsync(this.fd);
        for (const p of batch) p.resolve();
      } catch (error) {
        const failure = new JournalWriteError(`${this.file} cannot be written: ${(error as Error).message}`);
        for (const p of batch) p.reject(failure);
      }
    }
    this.flushing = false;
  }

  /** Resolves when every append made so far is settled. */
  async drain(): Promise<void> {
    while (this.flushing || this.pending.length > 0) await new Promise((r) => setTimeout(r, 1));
  }

  /** True when the path now names another file (compacted by another process): reopen to read it. */
  replaced(): boolean {
    try {
      return statSync(this.file).ino !== fstatSync(this.fd).ino;
    } catch {
      return false;
    }
  }

  /** Complete lines from byte `offset` on (within `maxBytes`), and the offset after the last complete line. */
  readFrom(offset: number, maxBytes = Number.MAX_SAFE_INTEGER): { lines: string[]; end: number } {
    const size = Math.min(this.size(), offset + maxBytes);
    if (size <= offset) return { lines: [], end: offset };
    const buffer = Buffer.alloc(size - offset);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(this.fd, buffer, read, buffer.length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    const last = buffer.lastIndexOf(0x0a, read - 1);
    if (last < 0) return { lines: [], end: offset };
    const lines = buffer.subarray(0, last).toString("utf8").split("\n");
    return { lines, end: offset + last + 1 };
  }

  async close(): Promise<void> {
    await this.drain();
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
