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
import type { ServiceStore } from "../../store/index.ts";
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
    for (const [k, v] of Object.entries(value)) out[k] = k === "idNumber" && typeof v === "string" ? maskIdNumber(v) : maskIdentity(v, depth + 1);
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

  async run(name: string, input: unknown, actor: Actor) {
    const catalogue = await this.catalogue();
    const at = new Date();
    const started = performance.now();
    let def: QueryDefinition | undefined;
    try {
      def = await catalogue.require(name);
      const params = bindParameters(def, input, "json", "body.params");
      const result = await runQuery(this.graph, def, params, this.settings, { keyId: actor.keyId });
      await this.record(
        { query: name, version: def.version ?? 1, source: def.source, params: this.paramsText(def, input, "json"), rows: result.rowCount, truncated: result.truncated, ms: result.ms, status: "ok", error: null, format: "json" },
        actor,
        at,
      );
      const mapRow = this.rowMapper(actor);
      return { name, version: def.version ?? 1, ...result, rows: result.rows.map(mapRow) };
    } catch (error) {
      if (def && kindOf(error) !== "unavailable") {
        await this.record(
          { query: name, version: def.version ?? 1, source: def.source, params: this.paramsText(def, input, "json"), rows: 0, truncated: false, ms: Math.round(performance.now() - started), status: statusOf(error), error: (error as Error).message.slice(0, 2000), format: "json" },
          actor,
          at,
        ).catch(() => undefined);
      }
      throw error;
    }
  }

  /**
   * Streams the CSV of a run into `sink`. `open` is called before the first byte (to send headers);
   * errors before it become problems, errors after it abort the stream.
   */
  async export(name: string, input: unknown, source: ParamSource, actor: Actor, sink: CsvSink): Promise<{ rowCount: number; truncated: boolean; ms: number }> {
    const catalogue = await this.catalogue();
    const at = new Date();
    const started = performance.now();
    let def: QueryDefinition | undefined;
    try {
      def = await catalogue.require(name);
      const params = bindParameters(def, input, source, source === "query" ? "query" : "body.params");
      const result = await exportCsv(this.graph, def, params, sink, { ...this.settings, maxRows: this.settings.exportMaxRows }, { metadata: { keyId: actor.keyId }, mapRow: this.rowMapper(actor) });
      await this.record(
        { query: name, version: def.version ?? 1, source: def.source, params: this.paramsText(def, input, source), rows: result.rowCount, truncated: result.truncated, ms: result.ms, status: "ok", error: null, format: "csv" },
        actor,
        at,
      );
      return result;
    } catch (error) {
      if (def && kindOf(error) !== "unavailable") {
        await this.record(
          { query: name, version: def.version ?? 1, source: def.source, params: this.paramsText(def, input, source), rows: 0, truncated: false, ms: Math.round(performance.now() - started), status: statusOf(error), error: (error as Error).message.slice(0, 2000), format: "csv" },
          actor,
          at,
        ).catch(() => undefined);
      }
      throw error;
    }
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
