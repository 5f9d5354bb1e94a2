// Keeps the API's in-memory risk view (./view.ts) current. Every `refreshMs` one small query reads
// the data's generation (cypher/api/risk-generation.cypher: the newest finished run and import, the
// triage decisions, a checksum of the scores); when it moved, a new view is built in the background
// and swapped in. Until then, and whenever the view is not current (at start, right after an
// analysis run in this process), answers come from Neo4j as before, so none is ever older than
// one refresh interval plus a build. A triage through this process shows in the view at once.
import type { Logger } from "pino";
import type { RiskRepository } from "./repository.ts";
import { RiskView } from "./view.ts";

export interface RiskModelOptions {
  /** How often the generation is read, in ms; 0: no view, every answer from Neo4j. */
  refreshMs: number;
  /** Largest directory of persons and companies held in memory (beyond it those without a score come from Neo4j). */
  directoryMax: number;
}

export const RISK_MODEL_DEFAULTS: RiskModelOptions = { refreshMs: 1000, directoryMax: 2_000_000 };

export interface RiskModelStats {
  /** Answers given from the view, and from Neo4j. */
  fromView: number;
  fromNeo4j: number;
  generation: string | null;
  builds: number;
  /** Seconds the newest build took. */
  buildSeconds: number | null;
  entries: number;
  explained: number;
  directory: number;
}

export class RiskReadModel {
  private readonly options: RiskModelOptions;
  private view: RiskView | undefined;
  /** The newest generation read from Neo4j. */
  private latest: string | undefined;
  /** Set when this process changed the data: the view is not used until one built after it. */
  private stale = false;
  private building: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private counts = { fromView: 0, fromNeo4j: 0, builds: 0, buildSeconds: null as number | null };

  constructor(
    private readonly repo: RiskRepository,
    private readonly logger: Logger,
    options: Partial<RiskModelOptions> = {},
  ) {
    this.options = { ...RISK_MODEL_DEFAULTS, ...options };
  }

  /** Starts reading the generation (at once, then every refreshMs); a no-op when refreshMs is 0. */
  start(): void {
    if (this.options.refreshMs <= 0 || this.timer || this.closed) return;
    const tick = () => {
      void this.check().finally(() => {
        if (this.closed) return;
        this.timer = setTimeout(tick, this.options.refreshMs);
        this.timer.unref();
      });
    };
    tick();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** The view when it is current, else undefined (ask Neo4j); counts which it was. */
  current(): RiskView | undefined {
    const view = this.view && !this.stale && this.view.generation === this.latest ? this.view : undefined;
    if (view) this.counts.fromView += 1;
    else this.counts.fromNeo4j += 1;
    return view;
  }

  /** This process changed what the answers depend on (an analysis run finished): Neo4j answers until a new view is built. */
  invalidate(): void {
    if (this.options.refreshMs <= 0) return;
    this.stale = true;
    void this.check(true);
  }

  /** A triage through this process: the view shows it at once (the next generation read rebuilds it anyway). */
  triaged(alertId: string, status: string): void {
    this.view?.triaged(alertId, status);
  }

  stats(): RiskModelStats {
    const view = this.view?.stats();
    return { ...this.counts, generation: this.view?.generation ?? null, entries: view?.entries ?? 0, explained: view?.explained ?? 0, directory: view?.directory ?? 0 };
  }

  /** Builds a view of the data as it is now and resolves once it is in place (tests, the benchmark's warm-up). */
  async ready(): Promise<void> {
    if (this.options.refreshMs <= 0) return;
    await this.check(true);
  }

  /** Reads the generation and starts a build when it moved (or when `force`). Never throws. */
  private async check(force = false): Promise<void> {
    if (this.building) {
      if (force) await this.building.catch(() => {});
      else return;
    }
    try {
      const generation = await this.repo.generation();
      this.latest = generation;
      if (!force && this.view?.generation === generation && !this.stale) return;
      this.building = this.build(generation).finally(() => (this.building = undefined));
      await this.building;
    } catch (error) {
      this.logger.warn({ err: error }, "risk view: could not read or build it; answering from Neo4j");
    }
  }

  private async build(generation: string): Promise<void> {
    const started = performance.now();
    const staleBefore = this.stale;
    const [rows, directory] = await Promise.all([this.repo.viewEntries(), this.repo.directory(this.options.directoryMax)]);
    const alertIds = [...new Set(rows.flatMap((r) => (r.explanation === null ? [] : r.alertIds)))];
    const statuses = await this.repo.alertStatuses(alertIds);
    const view = new RiskView(generation, rows, statuses, directory);
    if (this.closed) return;
    this.view = view;
    // A view read after this process's change is current again; one begun before it is not.
    if (staleBefore) this.stale = false;
    this.counts.builds += 1;
    this.counts.buildSeconds = (performance.now() - started) / 1000;
    this.logger.debug({ generation, seconds: this.counts.buildSeconds, ...view.stats() }, "risk view built");
  }
}
