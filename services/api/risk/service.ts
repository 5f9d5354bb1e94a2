// Risk for consumers and the explorer: score, grade, money at stake and the hits that explain it.
// Answers come from the in-memory risk view (./model.ts, ./view.ts) while it is current, else from
// Neo4j (./repository.ts); the two give the same answers (tests/integration/api/risk-view.test.ts).
import { page } from "../cursor.ts";
import { NotFoundError } from "../../errors.ts";
import { flagTitle } from "../flags.ts";
import { JsonText } from "../route.ts";
import type { RiskReadModel } from "./model.ts";
import type { BatchItem, RankItem, RiskRepository, RiskRow } from "./repository.ts";

/** `community:12` → 12; anything else → null. */
export function communityNumber(id: string): number | null {
  const m = /^community:(\d{1,15})$/.exec(id);
  return m?.[1] ? Number(m[1]) : null;
}

const LABELS = { person: "Person", company: "Company", region: "Region" } as const;

export type RankType = keyof typeof LABELS | "community";

export type RiskExplanation = Omit<RiskRow, "hits"> & { hits: (RiskRow["hits"][number] & { title: string })[] };

export interface RiskServiceOptions {
  /** Most hits listed in an explanation read from Neo4j. */
  maxHits: number;
  /** The in-memory view; none: every answer from Neo4j. */
  model?: RiskReadModel;
}

export const RISK_SERVICE_DEFAULTS: RiskServiceOptions = { maxHits: 100 };

export class RiskService {
  private readonly options: RiskServiceOptions;

  constructor(
    private readonly repo: RiskRepository,
    options: Partial<RiskServiceOptions> = {},
  ) {
    this.options = { ...RISK_SERVICE_DEFAULTS, ...options };
  }

  /** The answer to GET /entities/:id/risk: JSON text ready to send from the view, else read from Neo4j. */
  async answer(id: string): Promise<JsonText | RiskExplanation> {
    const text = this.options.model?.current()?.answer(id);
    return text === undefined ? this.read(id) : new JsonText(text);
  }

  /** The explanation as an object (for answers that embed it). */
  async explain(id: string): Promise<RiskExplanation> {
    const text = this.options.model?.current()?.answer(id);
    return text === undefined ? this.read(id) : (JSON.parse(text) as RiskExplanation);
  }

  private async read(id: string): Promise<RiskExplanation> {
    const row = await this.repo.entity(id, communityNumber(id), this.options.maxHits);
    if (!row) throw new NotFoundError(`no entity ${id}`);
    return { ...row, hits: row.hits.map((h) => ({ ...h, title: flagTitle(h.flag) })) };
  }

  async ranking(q: {
    type?: RankType;
    region?: string;
    flag?: string;
    minScore: number;
    limit: number;
    cursor?: [number, string | number];
  }): Promise<{ items: Omit<RankItem, "key">[]; nextCursor: string | null }> {
    const community = q.type === "community";
    const query = {
      label: q.type && q.type !== "community" ? LABELS[q.type] : null,
      community,
      region: q.region ?? null,
      flag: q.flag ?? null,
      minScore: q.minScore,
      after: q.cursor ? { score: q.cursor[0], id: q.cursor[1] } : null,
      limit: q.limit + 1,
    };
    const rows = this.options.model?.current()?.ranking(query) ?? (await this.repo.ranking(query));
    const { items, nextCursor } = page(rows, q.limit, (last) => [last.score, community ? (last.key ?? 0) : last.id]);
    return { items: items.map(({ key: _key, ...item }) => item), nextCursor };
  }

  async batch(ids: string[]): Promise<{ items: BatchItem[]; missing: string[] }> {
    const unique = [...new Set(ids)];
    const fromView = this.options.model?.current()?.batch(unique);
    const items = fromView?.items ?? [];
    const communities: { key: string; id: number }[] = [];
    const entities: string[] = [];
    for (const id of fromView?.unknown ?? unique) {
      const n = communityNumber(id);
      if (n === null) entities.push(id);
      else communities.push({ key: id, id: n });
    }
    if (entities.length > 0 || communities.length > 0) items.push(...(await this.repo.batch(entities, communities)));
    const found = new Set(items.map((i) => i.id));
    const order = new Map(unique.map((id, i) => [id, i]));
    items.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return { items, missing: unique.filter((id) => !found.has(id)) };
  }
}
