// Saved queries for analysts and investigators: list, read, run (rows + graph), export (CSV),
// save new versions, delete, history, and the record of every run. The catalogue's and runner's
// errors pass through: services/api/problem.ts maps them by kind.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { kindOf } from "../../errors.ts";
import type { Graph } from "../../graph/index.ts";
import {
  bindParameters,
  type CsvSink,
  exportCsv,
  type ParamSource,
  plainParameters,
  QueryCatalogue,
  type QueryDefinition,
  type QueryRunRecord,
  RUN_DEFAULTS,
  runQuery,
  type RunSettings,
} from "../../queries/index.ts";
import { type Actor, maskIdNumber, seesIdentityNumbers } from "../auth/roles.ts";
import { isToken, type ServiceStore } from "../../store/index.ts";
import { parseJson } from "../json.ts";

export interface QueriesSettings extends RunSettings {
  /** Rows an export streams at most (the query's own `limit` bounds it too). */
  exportMaxRows: number;
}

export const QUERIES_DEFAULTS: QueriesSettings = { ...RUN_DEFAULTS, exportMaxRows: 100_000 };

export interface QuerySummary {
  name: string;
  title: string;
  title_zh: string;
  description: string;
  schemes: string[];
  graph: boolean;
  source: "builtin" | "saved";
  parameters: QueryDefinition["parameters"];
  version: number | null;
  author: string | null;
  updatedAt: string | null;
}

const ID_NUMBER = /^\d{17}[\dXx]$/;

/** Identity numbers masked (1401**********1234) in any value: `idNumber` keys and strings shaped like one. */
export function maskIdentity(value: unknown, depth = 0): unknown {
  if (depth > 10) return value;
  if (typeof value === "string") return ID_NUMBER.test(value) ? maskIdNumber(value) : value;
  if (Array.isArray(value)) return value.map((v) => maskIdentity(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === "idNumber" && typeof v === "string" && !isToken(v) ? maskIdNumber(v) : maskIdentity(v, depth + 1);
    return out;
  }
  return value;
}

function summary(def: QueryDefinition): QuerySummary {
  return {
    name: def.name,
    title: def.title,
    title_zh: def.title_zh,
    description: def.description,
    schemes: def.schemes,
    graph: def.graph,
    source: def.source,
    parameters: def.parameters,
    version: def.version ?? (def.source === "builtin" ? 1 : null),
    author: def.author ?? (def.source === "builtin" ? "built-in" : null),
    updatedAt: def.updatedAt ?? null,
  };
}

/** The outcome a failed run is recorded with (/query-runs `status`). */
function statusOf(error: unknown): string {
  const kind = kindOf(error);
  return kind === "refused" || kind === "invalid" || kind === "timeout" ? kind : "failed";
}

export class QueryService {
  private opening: Promise<QueryCatalogue> | undefined;
  readonly settings: QueriesSettings;

  constructor(
    private readonly graph: Graph,
    private readonly store: ServiceStore,
    private readonly logger: Logger | undefined,
    settings: Partial<QueriesSettings> = {},
    catalogue?: QueryCatalogue,
  ) {
    this.settings = { ...QUERIES_DEFAULTS, ...settings };
    if (catalogue) this.opening = Promise.resolve(catalogue);
  }

  /** Opens the catalogue (built-ins EXPLAINed) once; retried on the next call when Neo4j was down. */
  catalogue(): Promise<QueryCatalogue> {
    if (!this.opening) {
      const opening = QueryCatalogue.open(this.graph, this.store);
      this.opening = opening;
      opening.catch((error: unknown) => {
        // Neo4j down or too busy to plan: try again on the next request; a refused built-in stays refused.
        if ((kindOf(error) === "unavailable" || kindOf(error) === "timeout") && this.opening === opening) this.opening = undefined;
        this.logger?.error({ err: error }, "saved-query catalogue failed to open");
      });
    }
    return this.opening;
  }

  async list(): Promise<{ items: QuerySummary[] }> {
    const catalogue = await this.catalogue();
    return { items: (await catalogue.list()).map(summary) };
  }

  async get(name: string, version?: number): Promise<QuerySummary & { text: string; cypher: string }> {
    const catalogue = await this.catalogue();
    const def = await catalogue.require(name, version);
    return { ...summary(def), text: def.text, cypher: def.cypher };
  }

  private async record(run: Omit<QueryRunRecord, "id" | "at" | "keyId" | "keyName" | "role">, actor: Actor, at: Date): Promise<void> {
    try {
      const catalogue = await this.catalogue();
      await catalogue.store.recordRun({ id: randomUUID(), at: at.toISOString(), keyId: actor.keyId, keyName: actor.name, role: actor.role, ...run });
    } catch (error) {
      // The request's own audit event is still written by the audit middleware.
      this.logger?.error({ err: error, query: run.query }, "could not record a saved-query run");
      throw error;
    }
  }

  private paramsText(def: QueryDefinition | undefined, input: unknown, source: ParamSource): string {
    const text = JSON.stringify(def ? plainParameters(def, input, source) : (input ?? {}));
    return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
  }

  private rowMapper(actor: Actor): (row: Record<string, unknown>) => Record<string, unknown> {
    return seesIdentityNumbers(actor.role) ? (row) => row : (row) => maskIdentity(row) as Record<string, unknown>;
  }

  /**
   * Binds `input` to the named query, runs `work` and records the run: ok with its counts, or the
   * outcome that stopped it (refused, invalid, timeout, failed). A run is not recorded when Neo4j
   * was unavailable (the record could not be written either) or the query does not exist.
   */
  private async recorded<T extends { rowCount: number; truncated: boolean; ms: number }>(
    name: string,
    input: unknown,
    source: ParamSource,
    format: "json" | "csv",
    actor: Actor,
    work: (def: QueryDefinition, params: Record<string, unknown>) => Promise<T>,
  ): Promise<{ def: QueryDefinition; result: T }> {
    const catalogue = await this.catalogue();
    const at = new Date();
    const started = performance.now();
    const record = (def: QueryDefinition, outcome: Pick<QueryRunRecord, "rows" | "truncated" | "ms" | "status" | "error">) =>
      this.record({ query: name, version: def.version ?? 1, source: def.source, params: this.paramsText(def, input, source), format, ...outcome }, actor, at);
    let def: QueryDefinition | undefined;
    try {
      def = await catalogue.require(name);
      const result = await work(def, bindParameters(def, input, source, source === "query" ? "query" : "body.params"));
      await record(def, { rows: result.rowCount, truncated: result.truncated, ms: result.ms, status: "ok", error: null });
      return { def, result };
    } catch (error) {
      if (def && kindOf(error) !== "unavailable") {
        const failed = { rows: 0, truncated: false, ms: Math.round(performance.now() - started), status: statusOf(error), error: (error as Error).message.slice(0, 2000) };
        await record(def, failed).catch(() => undefined);
      }
      throw error;
    }
  }

  async run(name: string, input: unknown, actor: Actor) {
    const { def, result } = await this.recorded(name, input, "json", "json", actor, (def, params) => runQuery(this.graph, def, params, this.settings, { keyId: actor.keyId }));
    const mapRow = this.rowMapper(actor);
    return { name, version: def.version ?? 1, ...result, rows: result.rows.map(mapRow) };
  }

  /**
   * Streams the CSV of a run into `sink`. The route sends its headers with the first chunk, so an
   * error before it is still a problem document and one after it breaks the stream
   * (services/api/route.ts, mountStream).
   */
  async export(name: string, input: unknown, source: ParamSource, actor: Actor, sink: CsvSink): Promise<{ rowCount: number; truncated: boolean; ms: number }> {
    const settings = { ...this.settings, maxRows: this.settings.exportMaxRows };
    const { result } = await this.recorded(name, input, source, "csv", actor, (def, params) =>
      exportCsv(this.graph, def, params, sink, settings, { metadata: { keyId: actor.keyId }, mapRow: this.rowMapper(actor) }),
    );
    return result;
  }

  async save(name: string, body: { text: string; baseVersion?: number; comment?: string }, actor: Actor) {
    const catalogue = await this.catalogue();
    const { definition, created } = await catalogue.save(name, body.text, {
      author: actor.keyId,
      authorName: actor.name,
      comment: body.comment ?? null,
      baseVersion: body.baseVersion ?? null,
    });
    return { created, query: { ...summary(definition), text: definition.text, cypher: definition.cypher } };
  }

  async delete(name: string, actor: Actor) {
    const catalogue = await this.catalogue();
    const row = await catalogue.delete(name, actor.keyId);
    return { name: row.name, version: row.version, deleted: true as const, deletedAt: row.deletedAt };
  }

  async versions(name: string) {
    const catalogue = await this.catalogue();
    return { items: await catalogue.versions(name) };
  }

  async runs(q: { query?: string; actor?: string; limit: number }) {
    const catalogue = await this.catalogue();
    const rows = await catalogue.store.runs({ query: q.query ?? null, actor: q.actor ?? null, limit: q.limit });
    return { items: rows.map((r) => ({ ...r, params: parseJson(r.params) })) };
  }
}
