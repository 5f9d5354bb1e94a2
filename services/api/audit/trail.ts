// The audit trail on disk: `<dir>/audit.jsonl`, one chained record a line (chain.ts), appended and
// fdatasync'ed in small batches before the answer it describes leaves (the group commit of
// services/store/journal.ts: requests that finish together share one flush), and `<dir>/audit.head`
// with the newest {seq, hash}, rewritten after each flush. The auditor reads the same file: newest
// first with filters, or every match in order as JSON Lines.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Journal } from "../../store/index.ts";
import { type AuditEntry, type AuditHead, type AuditRecord, chain, GENESIS } from "./chain.ts";

export interface AuditFilter {
  from: string | null;
  to: string | null;
  /** Key id or key name. */
  actor: string | null;
  /** An entity id the request named or its answer returned. */
  entity: string | null;
  /** A route pattern (`/api/v1/entities/:id`) or a path prefix (`/api/v1/entities`). */
  route: string | null;
}

export function trailFiles(dir: string): { trail: string; head: string } {
  return { trail: path.join(dir, "audit.jsonl"), head: path.join(dir, "audit.head") };
}

export function readHead(file: string): AuditHead | null {
  if (!existsSync(file)) return null;
  try {
    const head = JSON.parse(readFileSync(file, "utf8")) as AuditHead;
    return typeof head.seq === "number" && typeof head.hash === "string" ? head : null;
  } catch {
    return null;
  }
}

/** The last complete line of `file` (read from the end), or undefined for an empty file. */
function lastLine(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const size = statSync(file).size;
  const fd = openSync(file, "r");
  try {
    let chunk = 64 * 1024;
    for (;;) {
      const start = Math.max(0, size - chunk);
      const buffer = Buffer.alloc(size - start);
      readSync(fd, buffer, 0, buffer.length, start);
      const text = buffer.toString("utf8").replace(/\n+$/, "");
      const nl = text.lastIndexOf("\n");
      if (nl >= 0 || start === 0) return text.slice(nl + 1) || undefined;
      chunk *= 4;
    }
  } finally {
    closeSync(fd);
  }
}

/** Calls `visit` with each line of `file` from the last to the first until it returns false. */
export function readBackwards(file: string, visit: (line: string) => boolean): void {
  if (!existsSync(file)) return;
  const fd = openSync(file, "r");
  try {
    let position = statSync(file).size;
    let carry = Buffer.alloc(0);
    while (position > 0) {
      const size = Math.min(256 * 1024, position);
      position -= size;
      const buffer = Buffer.alloc(size);
      readSync(fd, buffer, 0, size, position);
      let data = Buffer.concat([buffer, carry]);
      let nl = data.lastIndexOf(0x0a, data.length - 1);
      let end = data.length;
      while (nl >= 0) {
        const line = data.subarray(nl + 1, end).toString("utf8");
        if (line.length > 0 && !visit(line)) return;
        end = nl;
        nl = nl === 0 ? -1 : data.lastIndexOf(0x0a, nl - 1);
      }
      carry = data.subarray(0, end);
      data = Buffer.alloc(0);
    }
    if (carry.length > 0) visit(carry.toString("utf8"));
  } finally {
    closeSync(fd);
  }
}

export function matches(record: AuditRecord, f: AuditFilter): boolean {
  if (f.from !== null && record.at < f.from) return false;
  if (f.to !== null && record.at >= f.to) return false;
  if (f.actor !== null && record.keyId !== f.actor && record.keyName !== f.actor) return false;
  if (f.entity !== null && !record.entities.includes(f.entity)) return false;
  if (f.route !== null && record.route !== f.route && !record.path.startsWith(f.route)) return false;
  return true;
}

/** Instants in the filter as the trail writes them (UTC, milliseconds), so text order is time order. */
export function normaliseFilter(f: AuditFilter): AuditFilter {
  const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());
  return { ...f, from: iso(f.from), to: iso(f.to) };
}

export class AuditTrail {
  private readonly journal: Journal;
  private head: AuditHead;
  private committed: AuditHead;
  private headWrite: NodeJS.Immediate | undefined;
  readonly files: { trail: string; head: string };

  constructor(
    readonly dir: string,
    options: { maxBatch?: number; trailFile?: string } = {},
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.files = { ...trailFiles(dir), ...(options.trailFile ? { trail: options.trailFile } : {}) };
    this.journal = Journal.open(this.files.trail, { maxBatch: options.maxBatch ?? 256 });
    const last = lastLine(this.files.trail);
    let head: AuditHead = { seq: 0, hash: GENESIS };
    if (last) {
      try {
        const r = JSON.parse(last) as AuditRecord;
        head = { seq: r.seq, hash: r.hash };
      } catch {
        // A torn last line (a crash mid-write, never acknowledged): chain after the head file's record.
        head = readHead(this.files.head) ?? head;
      }
    }
    this.head = head;
    this.committed = head;
  }

  /** Chains `entry` and resolves once it is on disk; rejects (JournalWriteError) when it cannot be written. */
  async commit(entry: AuditEntry): Promise<AuditRecord> {
    const record = chain(entry, this.head);
    this.head = { seq: record.seq, hash: record.hash };
    await this.journal.append([JSON.stringify(record)]);
    if (record.seq > this.committed.seq) this.committed = { seq: record.seq, hash: record.hash };
    this.scheduleHead();
    return record;
  }

  /** Chains and writes many (the move of older records); resolves when they are on disk. */
  async commitAll(entries: AuditEntry[]): Promise<number> {
    const lines: string[] = [];
    for (const entry of entries) {
      const record = chain(entry, this.head);
      this.head = { seq: record.seq, hash: record.hash };
      lines.push(JSON.stringify(record));
    }
    if (lines.length > 0) await this.journal.append(lines);
    this.committed = this.head;
    this.writeHead();
    return lines.length;
  }

  private scheduleHead(): void {
    this.headWrite ??= setImmediate(() => {
      this.headWrite = undefined;
      this.writeHead();
    });
  }

  private writeHead(): void {
    const temp = `${this.files.head}.tmp`;
    try {
      writeFileSync(temp, `${JSON.stringify(this.committed)}\n`, { mode: 0o600 });
      renameSync(temp, this.files.head);
    } catch {
      // The trail itself is durable; the head catches up with the next flush.
    }
  }

  /** Records newest first that pass `filter`, below `beforeSeq` when given, at most `limit`. */
  list(filter: AuditFilter, limit: number, beforeSeq: number | null = null): AuditRecord[] {
    const f = normaliseFilter(filter);
    const out: AuditRecord[] = [];
    readBackwards(this.files.trail, (line) => {
      let record: AuditRecord;
      try {
        record = JSON.parse(line) as AuditRecord;
      } catch {
        return true;
      }
      if (beforeSeq !== null && record.seq >= beforeSeq) return true;
      if (matches(record, f)) out.push(record);
      return out.length < limit;
    });
    return out;
  }

  /** Every record that passes `filter`, oldest first, handed to `visit` line by line (JSON Lines export). */
  async export(filter: AuditFilter, visit: (line: string) => Promise<void>): Promise<number> {
    const f = normaliseFilter(filter);
    const stop = this.journal.size();
    let offset = 0;
    let count = 0;
    // One pass over what the file held when the export started, 4 MiB at a time.
    while (offset < stop) {
      const { lines, end } = this.journal.readFrom(offset, 4 * 1024 * 1024);
      if (end === offset) break; // a single line over 4 MiB cannot be written by this service
      for (const line of lines) {
        let record: AuditRecord;
        try {
          record = JSON.parse(line) as AuditRecord;
        } catch {
          continue;
        }
        if (!matches(record, f)) continue;
        await visit(line);
        count += 1;
      }
      offset = end;
    }
    return count;
  }

  /** Resolves once every commit so far is on disk and the head file names the newest. */
  async flush(): Promise<void> {
    await this.journal.drain();
    if (this.headWrite) {
      clearImmediate(this.headWrite);
      this.headWrite = undefined;
    }
    this.writeHead();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.journal.close();
  }
}
