// A keyed collection of records kept as an append-only journal of puts and deletes
// (`{"k": key, "v": value}`, `v: null` deletes), replayed into memory. Changes go through one
// lock shared by every process on the folder, so a check-then-write (a version guard) holds across
// them; what other processes wrote is read in before each change and at most `refreshMs` late.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, writeFileSync } from "node:fs";
import { Journal } from "./journal.ts";
import { withFileLock } from "./lock.ts";

interface Entry<T> {
  k: string;
  v: T | null;
}

/** What a change writes (a value puts, null deletes) and returns; undefined writes nothing. */
export type Outcome<T, R> = { writes: Record<string, T | null>; result: R } | undefined;

export interface CollectionOptions {
  /** How stale a read may be with respect to other processes' writes. */
  refreshMs: number;
}

export class Collection<T> {
  private readonly map = new Map<string, T>();
  private offset = 0;
  private lines = 0;
  private checked = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private journal: Journal;

  constructor(
    readonly file: string,
    private readonly options: CollectionOptions = { refreshMs: 1000 },
  ) {
    this.journal = Journal.open(file);
    this.refresh();
  }

  /** Reads what was appended since the last look (by this or another process). */
  refresh(): void {
    if (this.journal.replaced()) this.reopen();
    const { lines, end } = this.journal.readFrom(this.offset);
    for (const line of lines) {
      if (line.length === 0) continue;
      let entry: Entry<T>;
      try {
        entry = JSON.parse(line) as Entry<T>;
      } catch {
        continue; // a torn last line of a crashed writer: the change was never acknowledged
      }
      if (entry.v === null) this.map.delete(entry.k);
      else this.map.set(entry.k, entry.v);
      this.lines += 1;
    }
    this.offset = end;
    this.checked = Date.now();
  }

  private fresh(): void {
    if (Date.now() - this.checked >= this.options.refreshMs) this.refresh();
  }

  get(key: string): T | undefined {
    this.fresh();
    return this.map.get(key);
  }

  values(): T[] {
    this.fresh();
    return [...this.map.values()];
  }

  /**
   * Changes records under the lock, after reading in every other process's writes: `change` sees
   * the current state and returns the records to put (a value) or delete (null), or undefined
   * to write nothing. Resolves with `change`'s result once the writes are on disk.
   */
  async change<R>(
    change: (get: (key: string) => T | undefined) => Outcome<T, R> | Promise<Outcome<T, R>>,
  ): Promise<R | undefined> {
    const run = async (): Promise<R | undefined> =>
      withFileLock(`${this.file}.lock`, async () => {
        this.refresh();
        const outcome = await change((key) => this.map.get(key));
        if (!outcome) return undefined;
        const entries = Object.entries(outcome.writes).map(([k, v]) => JSON.stringify({ k, v } satisfies Entry<T>));
        if (entries.length > 0) {
          await this.journal.append(entries);
          this.refresh();
          await this.compactIfWasteful();
        }
        return outcome.result;
      });
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  async put(key: string, value: T): Promise<void> {
    await this.change(() => ({ writes: { [key]: value }, result: undefined }));
  }

  /** Rewrites the file with the live records when most of its lines are superseded (under the lock). */
  private async compactIfWasteful(): Promise<void> {
    if (this.lines < 1000 || this.lines < 4 * this.map.size) return;
    await this.journal.close();
    const temp = `${this.file}.compact`;
    const text = [...this.map].map(([k, v]) => `${JSON.stringify({ k, v })}\n`).join("");
    writeFileSync(temp, text, { mode: 0o600 });
    const fd = openSync(temp, "r+");
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, this.file);
    this.reopen();
    this.refresh();
  }

  private reopen(): void {
    void this.journal.close();
    this.journal = Journal.open(this.file);
    this.map.clear();
    this.offset = 0;
    this.lines = 0;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.journal.close();
  }

  static exists(file: string): boolean {
    return existsSync(file);
  }
}
