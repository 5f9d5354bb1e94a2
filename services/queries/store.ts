// Analysts' saved queries in Neo4j, with their history, and the record of every run:
//   (:SavedQuery {name, author, createdAt, version, deleted})-[:VERSION]->(:SavedQueryVersion {version, text, header, author, at})
//   (:QueryRun {id, at, keyId, keyName, role, query, version, source, params, rows, truncated, ms, status, error})
// All Cypher lives in cypher/queries/; the constraints and indexes are in cypher/schema.cypher
// (applied by services/graph/migrate.ts at start-up, like the rest of the schema).
import { cypher, type Graph, typedParams } from "../graph/index.ts";

export interface StoredQuery {
  name: string;
  author: string | null;
  createdAt: string | null;
  currentVersion: number;
  deleted: boolean;
  deletedAt: string | null;
  deletedBy: string | null;
  /** The version these fields describe (the current one unless asked otherwise). */
  version: number;
  text: string;
  /** The parsed header as JSON text. */
  header: string;
  versionAuthor: string | null;
  at: string | null;
}

export interface StoredVersion {
  version: number;
  author: string | null;
  authorName: string | null;
  at: string;
  comment: string | null;
  text: string;
  current: boolean;
}

export interface QueryRunRecord {
  id: string;
  /** ISO instant. */
  at: string;
  keyId: string | null;
  keyName: string | null;
  role: string | null;
  query: string;
  version: number | null;
  source: string;
  /** Parameter values as JSON text. */
  params: string;
  rows: number;
  truncated: boolean;
  ms: number;
  /** ok, refused, invalid, timeout, failed. */
  status: string;
  error: string | null;
  /** json or csv. */
  format: string;
}

export interface SaveInput {
  name: string;
  text: string;
  header: string;
  title: string;
  author: string;
  authorName: string | null;
  comment: string | null;
  /** The version the author edited; 0 when creating; null to overwrite whatever is current. */
  baseVersion: number | null;
}

export class SavedQueryStore {
  constructor(private readonly graph: Graph) {}

  /** The new version and its time; undefined when `baseVersion` no longer matches. */
  async save(input: SaveInput): Promise<{ version: number; at: string } | undefined> {
    const [row] = await this.graph.write<{ version: number; at: string }>(
      cypher("queries/save.cypher"),
      typedParams({ ...input }, { baseVersion: "integer" }),
    );
    return row;
  }

  async get(name: string, version?: number): Promise<StoredQuery | undefined> {
    const [row] = await this.graph.read<StoredQuery & Record<string, unknown>>(
      cypher("queries/get.cypher"),
      typedParams({ name, version: version ?? null }, { version: "integer" }),
    );
    return row;
  }

  async list(includeDeleted = false, limit = 10_000): Promise<StoredQuery[]> {
    return this.graph.read<StoredQuery & Record<string, unknown>>(cypher("queries/list.cypher"), typedParams({ includeDeleted, limit }, { limit: "integer" }));
  }

  async versions(name: string, limit = 1000): Promise<StoredVersion[]> {
    return this.graph.read<StoredVersion & Record<string, unknown>>(cypher("queries/versions.cypher"), typedParams({ name, limit }, { limit: "integer" }));
  }

  /** Marks the query deleted (history kept); undefined when there is no live query of that name. */
  async delete(name: string, by: string): Promise<{ name: string; version: number; deletedAt: string } | undefined> {
    const [row] = await this.graph.write<{ name: string; version: number; deletedAt: string }>(cypher("queries/delete.cypher"), { name, by });
    return row;
  }

  async recordRun(run: QueryRunRecord): Promise<void> {
    await this.graph.write(cypher("queries/run-record.cypher"), { run: typedParams({ ...run }, { rows: "integer", version: "integer" }) }, { metadata: { app: "saved-queries", audit: true } });
  }

  async runs(q: { query: string | null; actor: string | null; limit: number }): Promise<QueryRunRecord[]> {
    const rows = await this.graph.read<{ run: QueryRunRecord }>(cypher("queries/runs-list.cypher"), typedParams({ ...q }, { limit: "integer" }));
    return rows.map((r) => r.run);
  }
}
