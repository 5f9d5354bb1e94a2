// Moves the service's own records out of the investigation graph, once: API keys, audit events,
// saved queries with their versions and the record of their runs, as an older version kept them
// there (where any saved query could read them). Each kind is written to the service store or the
// audit trail and on disk before its nodes are deleted; with none left, this does nothing.
import { cypher, type Graph, typedParams } from "../graph/index.ts";
import { type QueryRunRecord, SavedQueryStore } from "../queries/store.ts";
import type { KeyRecord, SavedQueryRecord, SavedQueryVersionRecord, ServiceStore } from "../store/index.ts";
import type { AuditEntry } from "./audit/chain.ts";
import type { AuditLog } from "./audit/log.ts";
import { KeyRepository } from "./auth/repository.ts";
import { parseJson } from "./json.ts";

export interface MoveResult {
  keys: number;
  auditEvents: number;
  queries: number;
  runs: number;
}

/** An audit event as the graph held it: parameters as JSON text, no chain, entities or outcome. */
type OldEvent = Omit<AuditEntry, "params" | "outcome" | "entities" | "count" | "migrated"> & { params: string | null };

type OldQuery = Omit<SavedQueryRecord, "deletedAt"> & { deletedAt: string | null; versions: SavedQueryVersionRecord[] };

function entryOf(e: OldEvent): AuditEntry {
  const params = e.params === null ? {} : parseJson(e.params);
  const id = (params as { path?: { id?: unknown } })?.path?.id;
  return {
    id: e.id,
    at: new Date(e.at).toISOString(),
    keyId: e.keyId,
    keyName: e.keyName,
    role: e.role,
    method: e.method,
    route: e.route,
    path: e.path,
    params,
    status: e.status,
    outcome: e.status >= 500 ? "failed" : e.status >= 400 ? "refused" : "ok",
    ms: e.ms,
    ip: e.ip,
    entities: typeof id === "string" ? [id] : [],
    count: null,
    migrated: true,
  };
}

export async function moveRecordsOutOfGraph(graph: Graph, store: ServiceStore, audit: AuditLog): Promise<MoveResult> {
  const result: MoveResult = { keys: 0, auditEvents: 0, queries: 0, runs: 0 };
  const keys = (await graph.read<{ key: KeyRecord }>(cypher("records/keys.cypher"))).map((r) => r.key);
  if (keys.length > 0) result.keys = await new KeyRepository(store).importAll(keys);

  const page = 10_000;
  for (let skip = 0; ; skip += page) {
    const rows = await graph.read<{ event: OldEvent }>(cypher("records/audit.cypher"), typedParams({ skip, limit: page }, { skip: "integer", limit: "integer" }));
    if (rows.length === 0) break;
    result.auditEvents += await audit.trail.commitAll(rows.map((r) => entryOf(r.event)));
    if (rows.length < page) break;
  }

  const queries = (await graph.read<{ query: OldQuery }>(cypher("records/queries.cypher"))).map((r) => r.query);
  const runs = (await graph.read<{ run: QueryRunRecord }>(cypher("records/runs.cypher"))).map((r) => r.run);
  if (queries.length > 0 || runs.length > 0) {
    await new SavedQueryStore(store).importAll(
      queries.map(({ versions: _v, ...q }) => q),
      queries.flatMap((q) => q.versions),
      runs,
    );
    result.queries = queries.length;
    result.runs = runs.length;
  }
  if (keys.length + result.auditEvents + queries.length + runs.length > 0) await graph.autoCommit(cypher("records/delete.cypher"));
  return result;
}
