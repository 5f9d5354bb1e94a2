// The audit log of the API: each request becomes one chained record on disk (trail.ts) before its
// answer leaves; the auditor's reads and exports come from the same file.
import type { Logger } from "pino";
import type { AuditEntry, AuditRecord } from "./chain.ts";
import { type AuditFilter, AuditTrail } from "./trail.ts";

export type { AuditEntry, AuditRecord } from "./chain.ts";
export type { AuditFilter } from "./trail.ts";

export class AuditLog {
  readonly trail: AuditTrail;

  constructor(
    dir: string,
    readonly logger: Logger,
    options: { batchSize: number; trailFile?: string },
  ) {
    this.trail = new AuditTrail(dir, { maxBatch: options.batchSize, trailFile: options.trailFile });
  }

  /** Writes the record; resolves when it is on disk, rejects when it cannot be written. */
  commit(entry: AuditEntry): Promise<AuditRecord> {
    return this.trail.commit(entry);
  }

  /** Resolves once every record so far is on disk. */
  flush(): Promise<void> {
    return this.trail.flush();
  }

  close(): Promise<void> {
    return this.trail.close();
  }

  list(filter: AuditFilter, limit: number, beforeSeq: number | null): AuditRecord[] {
    return this.trail.list(filter, limit, beforeSeq);
  }

  export(filter: AuditFilter, visit: (line: string) => Promise<void>): Promise<number> {
    return this.trail.export(filter, visit);
  }
}
