// The service's own records, kept apart from the investigation graph so that no saved query can
// read them: API keys, browser sessions, analysts' saved queries with their versions, and the
// record of every saved-query run. Each is a JSON Lines journal under `<DATA_DIR>/service/`
// (mode 0700), appended and fsync'ed, shared by the server and the CLIs through a file lock.
import path from "node:path";
import { Collection } from "./collection.ts";
import { Journal } from "./journal.ts";

export { Collection } from "./collection.ts";
export { Journal, JournalWriteError } from "./journal.ts";
export { LockTimeoutError, withFileLock } from "./lock.ts";
export { IdentifierVault, isToken, TOKEN, TOKEN_PREFIXES, type TokenKind, type VaultSealer } from "./vault.ts";

export interface KeyRecord {
  id: string;
  name: string;
  role: string;
  /** sha256 of the key, hex. */
  hash: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface SessionRecord {
  /** sha256 of the session token, hex (the token itself is only in the browser's cookie). */
  id: string;
  keyId: string;
  /** The CSRF token the page sends back in X-CSRF-Token on changes. */
  csrf: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface SavedQueryRecord {
  name: string;
  author: string;
  authorName: string | null;
  createdAt: string;
  version: number;
  title: string;
  deleted: boolean;
  deletedAt: string | null;
  deletedBy: string | null;
  updatedAt: string;
}

export interface SavedQueryVersionRecord {
  name: string;
  version: number;
  text: string;
  header: string;
  author: string;
  authorName: string | null;
  at: string;
  comment: string | null;
}

export class ServiceStore {
  readonly keys: Collection<KeyRecord>;
  readonly sessions: Collection<SessionRecord>;
  readonly queries: Collection<SavedQueryRecord>;
  readonly queryVersions: Collection<SavedQueryVersionRecord>;
  /** One line per saved-query run (services/queries/store.ts reads them newest first). */
  readonly queryRuns: Journal;

  constructor(readonly dir: string) {
    this.keys = new Collection(path.join(dir, "keys.jsonl"));
    this.sessions = new Collection(path.join(dir, "sessions.jsonl"));
    this.queries = new Collection(path.join(dir, "saved-queries.jsonl"));
    this.queryVersions = new Collection(path.join(dir, "saved-query-versions.jsonl"));
    this.queryRuns = Journal.open(path.join(dir, "query-runs.jsonl"));
  }

  async close(): Promise<void> {
    await Promise.all([this.keys.close(), this.sessions.close(), this.queries.close(), this.queryVersions.close(), this.queryRuns.close()]);
  }
}

/** Where the service keeps its records for a data folder. */
export function serviceDir(dataDir: string): string {
  return path.join(dataDir, "service");
}
