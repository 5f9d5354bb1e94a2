// The audit log: events are buffered and written in batches off the request path, every
// `flushMs` or as soon as `batchSize` are waiting, and on close.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Graph } from "../../graph/index.ts";
import { type AuditEvent, AuditRepository } from "./repository.ts";

export type { AuditEvent } from "./repository.ts";

/** Past this many unwritten events (Neo4j down), the oldest are dropped and the loss logged. */
const MAX_BUFFERED = 50_000;

export class AuditLog {
  private readonly repo: AuditRepository;
  private buffer: AuditEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    graph: Graph,
    private readonly logger: Logger,
    private readonly options: { flushMs: number; batchSize: number },
  ) {
    this.repo = new AuditRepository(graph);
  }

  record(event: Omit<AuditEvent, "id">): void {
    this.buffer.push({ id: randomUUID(), ...event });
    if (this.buffer.length > MAX_BUFFERED) {
      const lost = this.buffer.length - MAX_BUFFERED;
      this.buffer.splice(0, lost);
      this.logger.error({ lost }, "audit buffer full: oldest events dropped");
    }
    if (this.buffer.length >= this.options.batchSize) void this.flush();
    else if (!this.timer && !this.closed) {
      this.timer = setTimeout(() => void this.flush(), this.options.flushMs);
      this.timer.unref();
    }
  }

  /** Writes every buffered event; resolves when they (and any earlier flush) are written or logged as failed. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.flushing = this.flushing.then(() => this.drain());
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.options.batchSize);
      try {
        await this.repo.append(batch);
      } catch (error) {
        // Put them back for the next flush; give up on this round.
        this.buffer.unshift(...batch);
        this.logger.error({ err: error, pending: this.buffer.length }, "audit write failed; will retry");
        if (!this.closed && !this.timer) {
          this.timer = setTimeout(() => void this.flush(), this.options.flushMs);
          this.timer.unref();
        }
        return;
      }
    }
  }

  /** Flushes and stops the timer; events recorded later are still written by a final flush(). */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  list(...args: Parameters<AuditRepository["list"]>): ReturnType<AuditRepository["list"]> {
    return this.repo.list(...args);
  }
}
