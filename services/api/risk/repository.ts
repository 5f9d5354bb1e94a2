// Risk reads: one entity's score with its explanation, the ranking, and batch lookups. Each is
// one indexed query.
import type { Grade } from "../../analytics/money.ts";
import type { ExplainedHit, Explanation } from "../../analytics/scores/explain.ts";
import { cypher, type Graph, typedParams } from "../../graph/index.ts";
import type { EvidenceT } from "../schemas.ts";

/** A hit as the risk endpoint answers it: stored by the scores stage, or read live (then without the
 *  county discounts and group evidence of a run). */
export type HitRow = Omit<ExplainedHit, "discount" | "discounts" | "llr" | "group" | "grade" | "evidence"> &
  Partial<Pick<ExplainedHit, "discount" | "discounts" | "llr" | "group">> & { grade: Grade | null; evidence: EvidenceT };

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
      cypher("api/risk-entity.cypher"),
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

  async batch(ids: string[], communities: { key: string; id: number }[]): Promise<BatchItem[]> {
    const rows = await this.graph.read<{ item: BatchItem }>(cypher("api/risk-batch.cypher"), { ids, communities });
    return rows.map((r) => r.item);
  }
}
