// API keys in the graph: (:ApiKey {id, name, role, hash, createdAt, revokedAt}).
import { cypher, type Graph } from "../../graph/index.ts";
import type { Actor, Role } from "./roles.ts";

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export class KeyRepository {
  constructor(private readonly graph: Graph) {}

  async create(key: { id: string; name: string; role: Role; hash: string }): Promise<ApiKeyRecord> {
    const [row] = await this.graph.write<{ key: ApiKeyRecord }>(cypher("api/key-create.cypher"), key);
    return row!.key;
  }

  async findByHash(hash: string): Promise<Actor | undefined> {
    const [row] = await this.graph.read<{ actor: Actor }>(cypher("api/key-find.cypher"), { hash });
    return row?.actor;
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (await this.graph.read<{ key: ApiKeyRecord }>(cypher("api/key-list.cypher"))).map((r) => r.key);
  }

  async revoke(id: string): Promise<{ key: ApiKeyRecord; hash: string } | undefined> {
    const [row] = await this.graph.write<{ key: ApiKeyRecord; hash: string }>(cypher("api/key-revoke.cypher"), { id });
    return row;
  }

  async adminExists(): Promise<boolean> {
    const [row] = await this.graph.read<{ exists: boolean }>(cypher("api/key-admin-exists.cypher"));
    return row?.exists === true;
  }
}
