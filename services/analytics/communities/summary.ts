// Community summaries for ranking and the API: members by type, active alerts on members by flag,
// money at stake and top members. The communities' risk score is computed elsewhere.
import { cypher, type Graph, typedParams } from "../../graph/index.ts";
import { CommunityOptionError } from "./errors.ts";

export interface SummaryOptions {
  /** Only these communities (all when absent). */
  ids?: readonly number[];
  /** Communities smaller than this are left out. */
  minSize: number;
  /** Members listed per community. */
  top: number;
  /** A page of communities in id order. */
  skip: number;
  limit: number;
  timeoutMs?: number;
}

export const DEFAULT_SUMMARY: Readonly<SummaryOptions> = { minSize: 2, top: 5, skip: 0, limit: 10_000 };

export interface FlagCount {
  flag: string;
  /** Active alerts of this flag on the community's members, each alert once. */
  alerts: number;
  amount: number;
}

export interface TopMember {
  id: string;
  name: string | null;
  type: "person" | "cadre" | "company" | "other";
  /** Active alerts on this member. */
  alerts: number;
  amount: number;
  riskScore: number | null;
}

export interface CommunitySummary {
  id: number;
  size: number;
  /** Persons include cadres. */
  persons: number;
  cadres: number;
  companies: number;
  /** This community's share of the run's modularity (null when the engine did not report it). */
  modularity: number | null;
  runId: string;
  /** Active alerts on members, each alert once however many members it names. */
  alerts: number;
  /** Money at stake: the sum of those alerts' amounts (two flags on one payment count it twice). */
  amount: number;
  /** By alert count, most first. */
  flags: FlagCount[];
  /** By risk score when scored, then alerts, then amount. */
  top: TopMember[];
}

export async function communitySummaries(graph: Graph, input: Partial<SummaryOptions> = {}): Promise<CommunitySummary[]> {
  const options = { ...DEFAULT_SUMMARY, ...input };
  for (const name of ["minSize", "top", "skip", "limit"] as const) {
    if (!Number.isSafeInteger(options[name]) || options[name] < 0) throw new CommunityOptionError(`${name} must be an integer ≥ 0, not ${options[name]}`);
  }
  const params = typedParams(
    { ids: options.ids ? [...options.ids] : null, minSize: options.minSize, top: options.top, skip: options.skip, limit: options.limit },
    { minSize: "integer", top: "integer", skip: "integer", limit: "integer" },
  );
  return graph.read<CommunitySummary & Record<string, unknown>>(cypher("communities/summary.cypher"), params, {
    timeoutMs: options.timeoutMs,
    metadata: { stage: "communities.summary" },
  });
}

/** One community's summary, or undefined when there is no community with that id. */
export async function communitySummary(graph: Graph, id: number, input: Partial<Omit<SummaryOptions, "ids">> = {}): Promise<CommunitySummary | undefined> {
  const [summary] = await communitySummaries(graph, { ...input, ids: [id], minSize: 0, skip: 0, limit: 1 });
  return summary;
}
