// Risk reads: one entity's score with its explanation, the ranking, and batch lookups. Each is
// one indexed query.
import type { Grade } from "../../analytics/grades.ts";
import { cypher, type Graph, typedParams } from "../../graph/index.ts";
import { withEvidence } from "../evidence.ts";
import type { AlertFieldsT, EvidenceT } from "../shapes.ts";

export interface HitRow extends AlertFieldsT {
  alertId: string;
  evidence: EvidenceT;
}

export interface RiskRow {
  id: string;
  type: string;
  name: string;
  score: number;
  grade: Grade | null;
  amount: number;
  hitCount: number;
  hits: HitRow[];
}

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

  async entity(id: string, communityId: number | null, maxHits: number): Promise<RiskRow | undefined> {
    const [row] = await this.graph.read<{ risk: RiskRow }>(
      withEvidence("api/risk-entity.cypher"),
      typedParams({ id, communityId, maxHits }, { maxHits: "integer" }),
    );
    return row?.risk;
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
