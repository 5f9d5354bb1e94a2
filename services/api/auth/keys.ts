// The API-key service: issues keys (shown once), verifies them by their sha256 hash with a short
// cache, revokes them, and creates the first admin key of a fresh installation. Keys live in the
// service store (services/store), out of reach of saved queries.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ServiceStore } from "../../store/index.ts";
import { type ApiKeyRecord, KeyRepository } from "./repository.ts";
import { type Actor, ROLES, type Role } from "./roles.ts";

export type { ApiKeyRecord } from "./repository.ts";

const KEY_PREFIX = "cg_";
/** `cg_` and 43 base64url characters (32 random bytes). */
const KEY_SHAPE = /^cg_[A-Za-z0-9_-]{43}$/;

export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function newKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

export class ApiKeys {
  private readonly repo: KeyRepository;
  private readonly cache = new Map<string, { actor: Actor; until: number }>();

  /** `cacheMs`: how long a verified key is trusted without reading the store again (0 = always read). */
  constructor(store: ServiceStore, private readonly cacheMs = 30_000) {
    this.repo = new KeyRepository(store);
  }

  /** Issues a key; the plain key is returned here once and stored nowhere. */
  async create(name: string, role: Role): Promise<{ key: string; record: ApiKeyRecord }> {
    const key = newKey();
    const record = await this.repo.create({ id: `key-${randomUUID().slice(0, 8)}`, name, role, hash: hashKey(key) });
    return { key, record };
  }

  /** The actor holding `key`, or undefined when the key is malformed, unknown or revoked. */
  async verify(key: string): Promise<Actor | undefined> {
    if (!KEY_SHAPE.test(key)) return undefined;
    const hash = hashKey(key);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.until > now) return hit.actor;
    const actor = await this.repo.findByHash(hash);
    if (actor && this.cacheMs > 0) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hash, { actor, until: now + this.cacheMs });
    } else this.cache.delete(hash);
    return actor;
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.repo.list();
  }

  /** Revokes the key `id`; effective at once in this process, within the cache time in others. */
  async revoke(id: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.repo.revoke(id);
    if (row) this.cache.delete(row.hash);
    return row?.key;
  }

  adminExists(): Promise<boolean> {
    return this.repo.adminExists();
  }

  /** The live key `id` as an actor, read from the store (sessions are checked against it on each request). */
  actor(id: string): Actor | undefined {
    return this.repo.actor(id);
  }

  importAll(...args: Parameters<KeyRepository["importAll"]>): ReturnType<KeyRepository["importAll"]> {
    return this.repo.importAll(...args);
  }
}

export interface BootstrapResult {
  /** True when a key was created (and written to `file`). */
  created: boolean;
  file: string;
  keyId?: string;
}

/**
 * When no live admin key exists, creates one named "bootstrap" and writes it to `file` (mode 0600,
 * in a 0700 folder). Logs the file's path through `log`, never the key.
 */
export async function ensureBootstrapKey(store: ServiceStore, file: string, log: (line: string) => void = () => {}): Promise<BootstrapResult> {
  const keys = new ApiKeys(store, 0);
  if (await keys.adminExists()) return { created: false, file };
  const { key, record } = await keys.create("bootstrap", "admin");
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  log(`created admin API key ${record.id}; the key is in ${file} (readable by this user only)`);
  return { created: true, file, keyId: record.id };
}

/**
 * One key per role for the demo, kept in `<dir>/demo-<role>.key` (0600) and reused while it is
 * valid, so that `npm start` can print them and a newcomer can try every role at once.
 */
export async function demoKeys(store: ServiceStore, dir: string): Promise<{ role: Role; key: string; created: boolean }[]> {
  const keys = new ApiKeys(store, 0);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const out: { role: Role; key: string; created: boolean }[] = [];
  for (const role of ROLES) {
    const file = path.join(dir, `demo-${role}.key`);
    const kept = await readFile(file, "utf8").then((t) => t.trim(), () => "");
    if (kept && (await keys.verify(kept))?.role === role) {
      out.push({ role, key: kept, created: false });
      continue;
    }
    const { key } = await keys.create(`demo ${role}`, role);
    await writeFile(file, `${key}\n`, { mode: 0o600 });
    out.push({ role, key, created: true });
  }
  return out;
}

/** Where the demo keeps the bootstrap admin key. */
export function bootstrapKeyFile(dataDir: string): string {
  return path.join(dataDir, "keys", "admin.key");
}
