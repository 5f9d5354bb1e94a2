// Communities for the explorer: the ranked list, and one community with its members, the subgraph
// among them (capped) and the alerts that explain its score.
import { page } from "../cursor.ts";
import type { EntityRepository } from "../entities/repository.ts";
import { NotFoundError } from "../../errors.ts";
import type { RiskService } from "../risk/service.ts";
import type { GraphEdgeT, GraphNodeT } from "../shapes.ts";
import type { CommunityListItem, CommunityRepository, CommunitySummary } from "./repository.ts";

export class CommunityService {
  constructor(
    private readonly repo: CommunityRepository,
    private readonly entities: EntityRepository,
    private readonly risk: RiskService,
    private readonly caps = { members: 300, identifiers: 100, edges: 3000 },
  ) {}

  async list(q: { minScore: number; limit: number; cursor?: [number, number] }): Promise<{ items: CommunityListItem[]; nextCursor: string | null }> {
    const rows = await this.repo.list({ minScore: q.minScore, after: q.cursor ? { score: q.cursor[0], id: q.cursor[1] } : null, limit: q.limit + 1 });
    return page(rows, q.limit, (c) => [c.score, c.id]);
  }

  async get(id: number): Promise<
    CommunitySummary & {
      memberCount: number;
      members: GraphNodeT[];
      subgraph: { nodes: GraphNodeT[]; edges: GraphEdgeT[]; truncated: boolean };
      explanation: Awaited<ReturnType<RiskService["explain"]>>["hits"];
    }
  > {
    const row = await this.repo.get(id, this.caps.members);
    if (!row) throw new NotFoundError(`no community ${id}`);
    const memberIds = row.members.map((m) => m.elementId);
    const identifiers = memberIds.length > 1 ? await this.repo.sharedIdentifiers(memberIds, this.caps.identifiers) : [];
    const all = [...memberIds, ...identifiers.map((i) => i.elementId)];
    const edges = all.length > 1 ? await this.entities.edgesAmong(all, null, this.caps.edges) : [];
    const explanation = await this.risk.explain(`community:${id}`);
    return {
      ...row.community,
      members: row.members.map((m) => m.node),
      subgraph: {
        nodes: [...row.members.map((m) => m.node), ...identifiers.map((i) => i.node)],
        edges,
        truncated: row.community.memberCount > row.members.length || edges.length >= this.caps.edges,
      },
      explanation: explanation.hits,
    };
  }
}
