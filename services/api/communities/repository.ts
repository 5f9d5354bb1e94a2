// Community reads: the ranked list with summaries, one community's members, and the shared
// identifiers that tie its members together.
import type { Grade } from "../../analytics/grades.ts";
import { cypher, type Graph, typedParams } from "../../graph/index.ts";
import type { GraphNodeT } from "../shapes.ts";

export interface CommunitySummary {
  id: number;
  name: string;
  size: number | null;
  modularity: number | null;
  persons: number | null;
  cadres: number | null;
  companies: number | null;
  score: number;
  amount: number;
  grade: Grade | null;
  hits: number;
}

export interface CommunityListItem extends CommunitySummary {
  topMembers: { id: string; type: string; name: string; riskScore: number | null }[];
  flags: { flag: string; count: number }[];
}

export interface Member {
  elementId: string;
  node: GraphNodeT;
}

export class CommunityRepository {
  constructor(private readonly graph: Graph) {}

  async list(q: { minScore: number; after: { score: number; id: number } | null; limit: number }): Promise<CommunityListItem[]> {
    const rows = await this.graph.read<{ community: CommunityListItem }>(
      cypher("api/communities-list.cypher"),
      typedParams({ minScore: q.minScore, afterScore: q.after?.score ?? null, afterId: q.after?.id ?? null, limit: q.limit }, { limit: "integer" }),
    );
    return rows.map((r) => r.community);
  }

  async get(id: number, memberLimit: number): Promise<{ community: CommunitySummary & { memberCount: number }; members: Member[] } | undefined> {
    const [row] = await this.graph.read<{ community: CommunitySummary & { memberCount: number }; members: Member[] }>(
      cypher("api/community-get.cypher"),
      typedParams({ id, memberLimit }, { memberLimit: "integer" }),
    );
    return row;
  }

  async sharedIdentifiers(memberElementIds: string[], limit: number): Promise<Member[]> {
    return this.graph.read<Member & Record<string, unknown>>(
      cypher("api/community-identifiers.cypher"),
      typedParams({ ids: memberElementIds, limit }, { limit: "integer" }),
    );
  }
}
