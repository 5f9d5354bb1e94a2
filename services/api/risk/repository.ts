// Risk reads: one entity's score with its explanation, the ranking, and batch lookups. Each is
// one indexed query.
import type { Grade } from "../../analytics/grades.ts";
import type { ExplainedHit, Explanation } from "../../analytics/scores/explain.ts";
import { cypher, type Graph, typedParams } from "../../graph/index.ts";
import { withEvidence } from "../evidence.ts";
import type { AlertFieldsT, EvidenceT } from "../shapes.ts";
import type { Directory, ViewEntry } from "./view.ts";

/** A hit as the risk endpoint answers it: stored by the scores stage, or read live (then without the
 *  county discounts and group evidence of a run). */
export type HitRow = AlertFieldsT &
  Partial<Pick<ExplainedHit, "discount" | "discounts" | "llr" | "group" | "share" | "parties">> & { alertId: string; evidence: EvidenceT };

export type RiskRow = Omit<Explanation, "hits" | "evidence" | "logOdds" | "groups" | "asParty" | "grade"> &
  Partial<Pick<Explanation, "evidence" | "logOdds" | "groups" | "asParty">> & { grade: Grade | null; hits: HitRow[] };

export interface RankItem {
  id: string;
  type: string;
  name: string;
  score: number;
  amount: number;
  grade: Grade | null;
  /** Communities: the numeric id, for the keyset. */
  key?: number;
}

export interface RankingQuery {
  label: string | null;
  community: boolean;
  region: string | null;
  flag: string | null;
  minScore: number;
  after: { score: number; id: string | number } | null;
  limit: number;
}

export interface BatchItem {
  id: string;
  type: string;
  score: number;
  grade: Grade | null;
  amount: number;
}

export class RiskRepository {
  constructor(private readonly graph: Graph) {}

  /** The stored explanation (with the current status of its alerts) when an analysis run wrote one, else read live. */
  async entity(id: string, communityId: number | null, maxHits: number): Promise<RiskRow | undefined> {
    const [row] = await this.graph.read<{ risk: RiskRow; stored: string | null; statuses: [string, string][] }>(
      withEvidence("api/risk-entity.cypher"),
      typedParams({ id, communityId, maxHits }, { maxHits: "integer" }),
    );
    if (!row) return undefined;
    if (row.stored === null) return row.risk;
    const stored = JSON.parse(row.stored) as RiskRow;
    const status = new Map(row.statuses);
    return {
      ...stored,
      id: row.risk.id,
      type: row.risk.type,
      name: row.risk.name,
      hits: stored.hits.slice(0, maxHits).map((h) => ({ ...h, status: status.get(h.alertId) ?? h.status })),
      asParty: (stored.asParty ?? []).map((p) => ({ ...p, status: status.get(p.alertId) ?? p.status })),
    };
  }

  async ranking(q: RankingQuery): Promise<RankItem[]> {
    const file = q.community ? "api/risk-ranking-communities.cypher" : "api/risk-ranking.cypher";
    const rows = await this.graph.read<{ item: RankItem }>(
      cypher(file),
      typedParams(
        {
          label: q.label,
          region: q.region,
          flag: q.flag,
          minScore: q.minScore,
          maxScore: q.after?.score ?? 1e9,
          afterScore: q.after?.score ?? null,
          afterId: q.after?.id ?? null,
          limit: q.limit,
        },
        { limit: "integer" },
      ),
    );
    return rows.map((r) => r.item);
  }

  /** The data's generation for the in-memory view (cypher/api/risk-generation.cypher), as one token. */
  async generation(): Promise<string> {
    const [row] = await this.graph.read<{ parts: string[] }>(cypher("api/risk-generation.cypher"), {}, { metadata: { app: "risk-view" } });
    return (row?.parts ?? []).join("|");
  }

  /** Every scored or explained entity and every community, for the in-memory view. */
  async viewEntries(): Promise<ViewEntry[]> {
    const rows = await this.graph.read<{ entry: ViewEntry }>(cypher("api/risk-view.cypher"), {}, { metadata: { app: "risk-view" } });
    return rows.map((r) => r.entry);
  }

  /** Persons and companies by id with type and name, unless there are more than `max`. */
  async directory(max: number): Promise<Directory | undefined> {
    const [size] = await this.graph.read<{ size: number }>(cypher("api/risk-directory-size.cypher"));
    if ((size?.size ?? 0) > max) return undefined;
    const [row] = await this.graph.read<Directory & Record<string, unknown>>(cypher("api/risk-directory.cypher"), {}, { metadata: { app: "risk-view" } });
    return row ? { ids: row.ids, types: row.types, names: row.names } : { ids: [], types: [], names: [] };
  }

  /** The current triage status of the alerts `ids`. */
  async alertStatuses(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const [row] = await this.graph.read<{ ids: string[]; statuses: string[] }>(cypher("api/risk-alert-statuses.cypher"), { ids }, { metadata: { app: "risk-view" } });
    return new Map((row?.ids ?? []).map((id, i) => [id, row!.statuses[i]!]));
  }

  async batch(ids: string[], communities: { key: string; id: number }[]): Promise<BatchItem[]> {
    const rows = await this.graph.read<{ item: BatchItem }>(cypher("api/risk-batch.cypher"), { ids, communities });
    return rows.map((r) => r.item);
  }
}
