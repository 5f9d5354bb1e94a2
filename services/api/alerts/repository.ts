// Alerts in the graph: list, detail with evidence and history, and triage decisions.
import type { Discount } from "../../analytics/scores/discounts.ts";
import { cypher, type Graph, typedParams } from "../../graph/index.ts";
import { withEvidence } from "../evidence.ts";
import type { AlertFieldsT, EvidenceT } from "../shapes.ts";

export const TRIAGE_STATUSES = ["new", "investigating", "confirmed", "dismissed"] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export interface AlertRow extends AlertFieldsT {
  id: string;
  typology: string | null;
  status: TriageStatus;
  active: boolean;
  runId: string | null;
  createdAt: string | null;
  triagedAt: string | null;
  subjects: { id: string; type: string; name: string }[];
  /** The decision pattern, the county discount and the evidence (nats) the last scores stage gave it. */
  group: string | null;
  discount: number | null;
  llr: number | null;
  discounts: Discount[];
  parties: { id: string; type: string; name: string; part: string }[];
}

type StoredAlert<T> = Omit<T, "discounts"> & { discounts: string | null };

/** The alert as stored (discounts as JSON) → as answered. */
function parsed<T extends AlertRow>(a: StoredAlert<T>): T {
  return { ...a, discounts: a.discounts ? (JSON.parse(a.discounts) as Discount[]) : [] } as unknown as T;
}

export interface AlertDetailRow extends AlertRow {
  evidence: EvidenceT;
  history: { status: TriageStatus; previous: string | null; note: string | null; by: string; byName: string | null; at: string }[];
}

export interface AlertQuery {
  flag: string | null;
  status: string | null;
  active: boolean | null;
  entity: string | null;
  minScore: number;
  after: { score: number; id: string } | null;
  limit: number;
}

export class AlertRepository {
  constructor(private readonly graph: Graph) {}

  async list(q: AlertQuery): Promise<AlertRow[]> {
    const rows = await this.graph.read<{ alert: StoredAlert<AlertRow> }>(
      cypher("api/alerts-list.cypher"),
      typedParams(
        { flag: q.flag, status: q.status, active: q.active, entity: q.entity, minScore: q.minScore, afterScore: q.after?.score ?? null, afterId: q.after?.id ?? null, limit: q.limit },
        { limit: "integer" },
      ),
    );
    return rows.map((r) => parsed(r.alert));
  }

  async get(id: string): Promise<AlertDetailRow | undefined> {
    const [row] = await this.graph.read<{ alert: StoredAlert<AlertDetailRow> }>(withEvidence("api/alert-get.cypher"), { id });
    return row ? parsed<AlertDetailRow>(row.alert) : undefined;
  }

  /** Returns false when there is no such alert. */
  async triage(id: string, decision: { status: string; note: string | null; by: string; byName: string }): Promise<boolean> {
    const rows = await this.graph.write(cypher("api/alert-triage.cypher"), { id, ...decision });
    return rows.length > 0;
  }
}
