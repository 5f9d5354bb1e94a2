// Analysts' saved queries with their history, and the record of every run, in the service store
// (services/store, `<DATA_DIR>/service/`), never in the graph that saved queries read:
//   saved-queries.jsonl          {name, author, createdAt, version, title, deleted, …} by name
//   saved-query-versions.jsonl   {name, version, text, header, author, at, comment} by name@version
//   query-runs.jsonl             one line per run: who, which query and version, parameters, outcome
import { AppError } from "../errors.ts";
import type { SavedQueryRecord, SavedQueryVersionRecord, ServiceStore } from "../store/index.ts";

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
  /** May publish a version of a query someone else wrote (admins). */
  override?: boolean;
}

/** A new version of someone else's query: only its author or an admin may publish one; others copy it. */
export class QueryOwnershipError extends AppError {
  override name = "QueryOwnershipError";
  constructor(
    readonly queryName: string,
    readonly owner: string,
  ) {
    super("forbidden", `${queryName} belongs to ${owner}: only its author or an admin may publish a new version or delete it; save a copy under another name`);
  }
}

const versionKey = (name: string, version: number) => `${name}@${version}`;

function stored(q: SavedQueryRecord, v: SavedQueryVersionRecord): StoredQuery {
  return {
    name: q.name,
    author: q.author,
    createdAt: q.createdAt,
    currentVersion: q.version,
    deleted: q.deleted,
    deletedAt: q.deletedAt,
    deletedBy: q.deletedBy,
    version: v.version,
    text: v.text,
    header: v.header,
    versionAuthor: v.author,
    at: v.at,
  };
}

export class SavedQueryStore {
  constructor(private readonly store: ServiceStore) {}

  /**
   * The new version and its time; undefined when `baseVersion` no longer matches. Throws
   * QueryOwnershipError when the query exists, is live, and belongs to someone else.
   */
  async save(input: SaveInput): Promise<{ version: number; at: string } | undefined> {
    // The version is counted under the queries' lock and its text stored before the query points at it.
    return this.store.queries.change(async (get) => {
      const existing = get(input.name);
      if (input.baseVersion !== null && (existing?.version ?? 0) !== input.baseVersion) return undefined;
      if (existing && !existing.deleted && existing.author !== input.author && !input.override) throw new QueryOwnershipError(input.name, existing.authorName ?? existing.author);
      const at = new Date().toISOString();
      const version = (existing?.version ?? 0) + 1;
      await this.store.queryVersions.put(versionKey(input.name, version), {
        name: input.name,
        version,
        text: input.text,
        header: input.header,
        author: input.author,
        authorName: input.authorName,
        at,
        comment: input.comment,
      });
      const live = existing && !existing.deleted;
      const record: SavedQueryRecord = {
        name: input.name,
        author: live ? existing.author : input.author,
        authorName: live ? existing.authorName : input.authorName,
        createdAt: existing?.createdAt ?? at,
        version,
        title: input.title,
        deleted: false,
        deletedAt: null,
        deletedBy: null,
        updatedAt: at,
      };
      return { writes: { [input.name]: record }, result: { version, at } };
    });
  }

  async get(name: string, version?: number): Promise<StoredQuery | undefined> {
    const q = this.store.queries.get(name);
    if (!q) return undefined;
    const v = this.store.queryVersions.get(versionKey(name, version ?? q.version));
    return v ? stored(q, v) : undefined;
  }

  async list(includeDeleted = false, limit = 10_000): Promise<StoredQuery[]> {
    const out: StoredQuery[] = [];
    for (const q of this.store.queries.values().sort((a, b) => a.name.localeCompare(b.name))) {
      if (q.deleted && !includeDeleted) continue;
      const v = this.store.queryVersions.get(versionKey(q.name, q.version));
      if (v) out.push(stored(q, v));
      if (out.length >= limit) break;
    }
    return out;
  }

  async versions(name: string, limit = 1000): Promise<StoredVersion[]> {
    const q = this.store.queries.get(name);
    if (!q) return [];
    const out: StoredVersion[] = [];
    for (let version = q.version; version >= 1 && out.length < limit; version--) {
      const v = this.store.queryVersions.get(versionKey(name, version));
      if (v) out.push({ version, author: v.author, authorName: v.authorName, at: v.at, comment: v.comment, text: v.text, current: version === q.version });
    }
    return out;
  }

  /** Marks the query deleted (history kept); undefined when there is no live query of that name. */
  async delete(name: string, by: string, override = false): Promise<{ name: string; version: number; deletedAt: string } | undefined> {
    return this.store.queries.change((get) => {
      const q = get(name);
      if (!q || q.deleted) return undefined;
      if (q.author !== by && !override) throw new QueryOwnershipError(name, q.authorName ?? q.author);
      const deletedAt = new Date().toISOString();
      return { writes: { [name]: { ...q, deleted: true, deletedAt, deletedBy: by } }, result: { name, version: q.version, deletedAt } };
    });
  }

  async recordRun(run: QueryRunRecord): Promise<void> {
    await this.store.queryRuns.append([JSON.stringify(run)]);
  }

  async runs(q: { query: string | null; actor: string | null; limit: number }): Promise<QueryRunRecord[]> {
    const { lines } = this.store.queryRuns.readFrom(0);
    const out: QueryRunRecord[] = [];
    for (let i = lines.length - 1; i >= 0 && out.length < q.limit; i--) {
      let run: QueryRunRecord;
      try {
        run = JSON.parse(lines[i] as string) as QueryRunRecord;
      } catch {
        continue;
      }
      if (q.query !== null && run.query !== q.query) continue;
      if (q.actor !== null && run.keyId !== q.actor && run.keyName !== q.actor) continue;
      out.push(run);
    }
    return out;
  }

  /** Records taken over from an older installation (graph nodes); names already present are kept. */
  async importAll(queries: SavedQueryRecord[], versions: SavedQueryVersionRecord[], runs: QueryRunRecord[]): Promise<void> {
    const taken = await this.store.queries.change((get) => {
      const fresh = queries.filter((q) => get(q.name) === undefined);
      return { writes: Object.fromEntries(fresh.map((q) => [q.name, q])), result: new Set(fresh.map((q) => q.name)) };
    });
    const mine = versions.filter((v) => taken?.has(v.name));
    if (mine.length > 0) await this.store.queryVersions.change(() => ({ writes: Object.fromEntries(mine.map((v) => [versionKey(v.name, v.version), v])), result: undefined }));
    if (runs.length > 0) await this.store.queryRuns.append(runs.sort((a, b) => a.at.localeCompare(b.at)).map((r) => JSON.stringify(r)));
  }
}
