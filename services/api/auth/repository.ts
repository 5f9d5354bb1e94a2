// API keys in the service store (services/store: `<DATA_DIR>/service/keys.jsonl`), never in the
// investigation graph, which saved queries can read: {id, name, role, hash, createdAt, revokedAt}.
import type { KeyRecord, ServiceStore } from "../../store/index.ts";
import type { Actor, Role } from "./roles.ts";

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

function publicRecord(k: KeyRecord): ApiKeyRecord {
  return { id: k.id, name: k.name, role: k.role as Role, createdAt: k.createdAt, revokedAt: k.revokedAt };
}

export class KeyRepository {
  constructor(private readonly store: ServiceStore) {}

  async create(key: { id: string; name: string; role: Role; hash: string }): Promise<ApiKeyRecord> {
    const record: KeyRecord = { ...key, createdAt: new Date().toISOString(), revokedAt: null };
    await this.store.keys.put(key.id, record);
    return publicRecord(record);
  }

  async findByHash(hash: string): Promise<Actor | undefined> {
    const k = this.store.keys.values().find((r) => r.hash === hash && r.revokedAt === null);
    return k ? { keyId: k.id, name: k.name, role: k.role as Role } : undefined;
  }

  /** The live key `id` as an actor (for sessions), or undefined when it is unknown or revoked. */
  actor(id: string): Actor | undefined {
    const k = this.store.keys.get(id);
    return k && k.revokedAt === null ? { keyId: k.id, name: k.name, role: k.role as Role } : undefined;
  }

  async list(): Promise<ApiKeyRecord[]> {
    return this.store.keys
      .values()
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map(publicRecord);
  }

  async revoke(id: string): Promise<{ key: ApiKeyRecord; hash: string } | undefined> {
    return this.store.keys.change((get) => {
      const k = get(id);
      if (!k) return undefined;
      const revoked = k.revokedAt ? k : { ...k, revokedAt: new Date().toISOString() };
      return { writes: { [id]: revoked }, result: { key: publicRecord(revoked), hash: k.hash } };
    });
  }

  async adminExists(): Promise<boolean> {
    return this.store.keys.values().some((k) => k.role === "admin" && k.revokedAt === null);
  }

  /** Keys taken over from an older installation (graph nodes), written as they were; existing ids are kept. */
  async importAll(records: KeyRecord[]): Promise<number> {
    return (
      (await this.store.keys.change((get) => {
        const fresh = records.filter((r) => get(r.id) === undefined);
        return { writes: Object.fromEntries(fresh.map((r) => [r.id, r])), result: fresh.length };
      })) ?? 0
    );
  }
}
