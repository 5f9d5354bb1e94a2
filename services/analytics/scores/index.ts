// The scores stage: flag weights from triage verdicts, each active alert weighed against the county
// baselines, evidence combined per person, company, region and community, and each one's
// explanation stored ready to send.
import { cypher, type Graph } from "../../graph/index.ts";
import { loadFlags } from "../flags/registry.ts";
import { type CountyBaseline, readBaselines } from "./baselines.ts";
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from "./defaults.ts";
import { type AlertInput, type EntityInfo, type EvidenceGraph, parseFacts, type Scored, scoreAll, type WeighedAlert, weighAlerts } from "./explain.ts";
import { flagWeight, type FlagWeight, type VerdictRow } from "./weights.ts";

export { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from "./defaults.ts";

export interface ScoreOptions {
  runId?: string;
  settings?: Partial<ScoreSettings>;
  /** The run's baselines; by default the stored ones (none: no county discounts). */
  baseline?: CountyBaseline;
}

export interface ScoreResult {
  alerts: number;
  entities: number;
  regions: number;
  communities: number;
  /** Flags whose weight verdicts moved: flag → weight. */
  weights: Record<string, number>;
}

/** Baselines of an empty county: every discount stays 1. */
export function emptyBaseline(): CountyBaseline {
  const none = { shared: 0, median: 2, p90: 2, max: 0, reference: 2 };
  return {
    identifiers: { phone: none, address: none, account: none },
    coverage: {},
    households: {},
    programs: {},
    usualPayments: {},
    preparers: {},
    depositAccounts: {},
    kin: {},
    kinPerCadre: { median: 0, p90: 0, cadres: 0 },
    bidSpread: { "*": [] },
    lowestWins: { projects: 0, lowest: 0, share: 0 },
    tenderThreshold: null,
    independentCv: null,
    declared: { relations: 0, declared: 0, share: 0 },
  };
}

const BATCH = 1000;

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** Flags built on the other alerts (the community stage): their money is not each member's. */
export function derivedFlags(): Set<string> {
  return new Set(loadFlags().filter((f) => f.stage === "after_communities").map((f) => f.id));
}

export async function flagWeights(graph: Graph, s: ScoreSettings): Promise<Map<string, FlagWeight>> {
  const verdicts = await graph.read<VerdictRow>(cypher("scores/verdicts.cypher"));
  return new Map(loadFlags().map((f) => [f.id, flagWeight(f.id, f.weight, verdicts, s)]));
}

/**
 * Weighs every active alert (flag weight after verdicts, county discounts, evidence) and stores it on
 * the alert: the scores stage starts with it, and the community-stage detectors read the weighed
 * score of the alerts they build on.
 */
export async function weighStoredAlerts(graph: Graph, options: ScoreOptions = {}): Promise<{ alerts: WeighedAlert[]; weights: Map<string, FlagWeight> }> {
  const s: ScoreSettings = { ...DEFAULT_SCORE_SETTINGS, ...options.settings };
  const runId = options.runId ?? `scores-${new Date().toISOString()}`;
  const baseline = options.baseline ?? (await readBaselines(graph)) ?? emptyBaseline();
  const weights = await flagWeights(graph, s);
  await graph.write(cypher("scores/weights-write.cypher"), {
    runId,
    rows: [...weights.values()].map((w) => ({ ...w, verdicts: JSON.stringify(w.verdicts) })),
  });

  const raw = await graph.read<Omit<AlertInput, "facts"> & { facts: string[] }>(cypher("scores/alerts-read.cypher"));
  const alerts = weighAlerts(
    raw.map((a) => ({ ...a, facts: parseFacts(a.facts) })),
    weights,
    baseline,
    s,
  );
  await inBatches(alerts, (batch) =>
    graph.write(cypher("scores/alerts-weigh.cypher"), {
      rows: batch.map((a) => ({ id: a.id, weight: a.weight, discount: a.discount, llr: a.llr, score: a.weight * a.confidence * a.discount, discounts: JSON.stringify(a.discounts) })),
    }),
  );
  return { alerts, weights };
}

export async function computeScores(graph: Graph, options: ScoreOptions = {}): Promise<ScoreResult> {
  const s: ScoreSettings = { ...DEFAULT_SCORE_SETTINGS, ...options.settings };
  const runId = options.runId ?? `scores-${new Date().toISOString()}`;
  const { alerts, weights } = await weighStoredAlerts(graph, { ...options, runId });

  const named = [...new Set(alerts.flatMap((a) => [...a.subjects, ...a.parties.map((p) => p.id)]))];
  const info = new Map<string, EntityInfo>();
  const readInfo = async (ids: string[]) => {
    for (let i = 0; i < ids.length; i += BATCH) {
      for (const e of await graph.read<EntityInfo>(cypher("scores/context.cypher"), { ids: ids.slice(i, i + BATCH) })) info.set(e.id, e);
    }
  };
  await readInfo(named);
  await readInfo([...new Set([...info.values()].flatMap((e) => e.regions))].filter((id) => !info.has(id)));
  const evidence = new Map<string, EvidenceGraph>();
  for (const r of await graph.read<{ id: string } & EvidenceGraph>(cypher("scores/evidence.cypher"))) {
    evidence.set(r.id, { nodes: r.nodes, relationships: r.relationships });
  }

  const scored = scoreAll(alerts, info, evidence, s, derivedFlags());
  const write = (rows: Scored[]) => inBatches(rows, (batch) => graph.write(cypher("scores/entities-write.cypher"), { runId, rows: batch }));
  await write(scored.entities);
  await write(scored.regions);
  await graph.write(cypher("scores/entities-clear.cypher"), { runId });
  await graph.write(cypher("scores/communities-write.cypher"), { rows: scored.communities });

  const moved = Object.fromEntries([...weights.values()].filter((w) => w.confirmed + w.dismissed > 0).map((w) => [w.flag, w.weight]));
  return {
    alerts: alerts.length,
    entities: scored.entities.filter((e) => e.score !== null).length,
    regions: scored.regions.length,
    communities: scored.communities.length,
    weights: moved,
  };
}
