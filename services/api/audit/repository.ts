// Audit events in the graph: (:AuditEvent {id, at, keyId, keyName, role, method, route, path, params, status, ms, ip}).
import { cypher, type Graph, typedParams } from "../../graph/index.ts";

export interface AuditEvent {
  id: string;
  at: string;
  keyId: string | null;
  keyName: string | null;
  role: string | null;
  method: string;
  /** The route pattern (`/api/v1/entities/:id`), null when no route matched. */
  route: string | null;
  path: string;
  /** Query, path parameters and body with secrets removed, as JSON text. */
  params: string;
  status: number;
  ms: number;
  ip: string | null;
}

export interface AuditQuery {
  from: string | null;
  to: string | null;
  actor: string | null;
  after: { at: string; id: string } | null;
  limit: number;
}

export class AuditRepository {
  constructor(private readonly graph: Graph) {}

  async append(events: AuditEvent[]): Promise<void> {
    await this.graph.write(cypher("api/audit-write.cypher"), { events }, { metadata: { app: "audit" } });
  }

  async list(q: AuditQuery): Promise<AuditEvent[]> {
    const rows = await this.graph.read<{ event: AuditEvent }>(
      cypher("api/audit-list.cypher"),
      typedParams(
        { from: q.from, to: q.to, actor: q.actor, afterAt: q.after?.at ?? null, afterId: q.after?.id ?? null, limit: q.limit },
        { limit: "integer" },
      ),
    );
    return rows.map((r) => r.event);
  }
}
