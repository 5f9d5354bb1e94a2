// Scores one analysed county against its planted ground truth: labels.csv (the culprits: who organised
// a scheme or knowingly profited), parties.csv (victims and other parties, who are not culprits) and
// lookalikes.csv (innocent patterns that resemble a scheme).
import { existsSync } from "node:fs";
import path from "node:path";
import { cypher, type Graph } from "../../graph/index.ts";
import { readCsv } from "../../ingest/index.ts";
import { nmi, precisionAtK, recallWithin, rocAuc, shareWithin } from "./metrics.ts";

export interface EvaluationOptions {
  /** The k of precision@k. */
  k: number;
  /** The share of the ranking within which recall is measured. */
  topFraction: number;
}

export const EVALUATION_DEFAULTS: EvaluationOptions = { k: 100, topFraction: 0.05 };

export interface TypologyResult {
  typology: string;
  instances: number;
  entities: number;
  /** Share of the typology's labelled entities ranked within the top fraction. */
  recall: number;
  /** Share of instances with at least one entity in the top fraction. */
  instanceRecall: number;
  /** Share of the matching flag's alerts whose subjects include an entity labelled with it. */
  flagPrecision: number | null;
  alerts: number;
}

export interface Evaluation {
  entities: number;
  positives: number;
  precisionAtK: number;
  recall: number;
  /** The best recall the top fraction allows: below 1 when there are more positives than places. */
  recallCeiling: number;
  /** Share of planted scheme instances with at least one entity within the top fraction. */
  schemeRecall: number;
  auc: number;
  lookalikes: number;
  /** Innocent look-alikes (not culprits) ranked within the top fraction: expected count and share. */
  lookalikesInTop: number;
  lookalikeFpr: number;
  /** Parties that are not culprits (victims, competitors, unwitting signers): how many, and the
   *  expected number within the top fraction and within the first k. */
  parties: number;
  partiesInTop: number;
  partiesInK: number;
  /** Entities among the first k whose score another ranked entity with other evidence shares. */
  tiesInK: number;
  /** NMI between the communities and the planted rings, over the rings' members. */
  ringNmi: number;
  typologies: TypologyResult[];
  /** Every ranked person and company: score and whether it is a culprit (for calibration). */
  scored: { id: string; score: number; positive: boolean }[];
}

interface Label {
  scheme: string;
  typology: string;
  entity: string;
  role: string;
}

async function readRows(file: string): Promise<Record<string, string | undefined>[]> {
  const rows: Record<string, string | undefined>[] = [];
  for await (const record of readCsv(file)) rows.push(record.fields);
  return rows;
}

/**
 * Roles our generator labelled before victims stopped being culprits: a county generated then has no
 * parties.csv, and these rows are its victims.
 */
const LEGACY_VICTIMS = new Set(["DECEASED_PAYEE:deceased", "SKIMMING:beneficiary", "DIVERTED_PAYMENT:beneficiary"]);

/** Culprits, parties (not culprits) and look-alikes of a county folder. */
export async function groundTruth(folder: string, known: (id: string) => boolean) {
  const all: Label[] = (await readRows(path.join(folder, "labels.csv")))
    .map((r) => ({ scheme: r.scheme_id ?? "", typology: r.typology ?? "", entity: r.entity_id ?? "", role: r.role ?? "" }))
    .filter((l) => known(l.entity));
  const partiesFile = path.join(folder, "parties.csv");
  const hasParties = existsSync(partiesFile);
  const labels = hasParties ? all : all.filter((l) => !LEGACY_VICTIMS.has(`${l.typology}:${l.role}`));
  const positives = new Set(labels.map((l) => l.entity));
  const partyIds = hasParties
    ? (await readRows(partiesFile)).map((r) => r.entity_id ?? "")
    : all.filter((l) => LEGACY_VICTIMS.has(`${l.typology}:${l.role}`)).map((l) => l.entity);
  const parties = new Set(partyIds.filter((id) => known(id) && !positives.has(id)));
  const lookalikes = new Set((await readRows(path.join(folder, "lookalikes.csv"))).map((r) => r.entity_id ?? "").filter((id) => known(id) && !positives.has(id)));
  return { labels, positives, parties, lookalikes };
}

export type RankedEntity = {
  id: string;
  score: number;
  scored: boolean;
  community: number | null;
  alerts: string[];
};

export async function evaluate(graph: Graph, folder: string, options: Partial<EvaluationOptions> = {}): Promise<Evaluation> {
  const ranking = await graph.read<RankedEntity>(cypher("evaluate/ranking.cypher"));
  const alerts = await graph.read<{ flag: string; alert: string; subjects: string[] }>(cypher("evaluate/flag-hits.cypher"));
  return evaluateRanking(ranking, alerts, folder, options);
}

/** The evaluation of a ranking of every person and company, given the active alerts' subjects. */
export async function evaluateRanking(
  ranking: RankedEntity[],
  alerts: readonly { flag: string; alert: string; subjects: string[] }[],
  folder: string,
  options: Partial<EvaluationOptions> = {},
): Promise<Evaluation> {
  const o = { ...EVALUATION_DEFAULTS, ...options };
  ranking.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const ranked = ranking.map((r) => r.id);
  const known = new Set(ranked);
  const scores = new Map(ranking.map((r) => [r.id, r.score]));
  // The risk ranking lists scored entities only: an entity without an alert is never within the top
  // fraction, however the places left after the last scored entity are counted.
  const rankedScores = new Map(ranking.filter((r) => r.scored).map((r) => [r.id, r.score]));
  const community = new Map(ranking.map((r) => [r.id, r.community]));

  const { labels, positives, parties, lookalikes } = await groundTruth(folder, (id) => known.has(id));
  const cut = Math.ceil(ranked.length * o.topFraction);
  // Chance of each entity to rank within the top fraction (or the first k), ties at the cut shared out evenly.
  const within = shareWithin(rankedScores, cut);
  const withinK = shareWithin(rankedScores, o.k);
  const inTop = (id: string) => within.get(id) ?? 0;
  const sumIn = (ids: Iterable<string>) => [...ids].reduce((s, id) => s + inTop(id), 0);
  /** Chance that at least one of the ids ranks within the top fraction. */
  const anyIn = (ids: readonly string[]) => 1 - [...new Set(ids)].reduce((p, id) => p * (1 - inTop(id)), 1);

  const typologies = [...new Set(labels.map((l) => l.typology))].sort().map((typology): TypologyResult => {
    const mine = labels.filter((l) => l.typology === typology);
    const entities = new Set(mine.map((l) => l.entity));
    const instances = new Map<string, string[]>();
    for (const l of mine) instances.set(l.scheme, [...(instances.get(l.scheme) ?? []), l.entity]);
    const flagged = alerts.filter((a) => a.flag === typology);
    return {
      typology,
      instances: instances.size,
      entities: entities.size,
      recall: sumIn(entities) / entities.size,
      instanceRecall: [...instances.values()].reduce((s, members) => s + anyIn(members), 0) / instances.size,
      flagPrecision: flagged.length === 0 ? null : flagged.filter((a) => a.subjects.some((s) => entities.has(s))).length / flagged.length,
      alerts: flagged.length,
    };
  });

  const schemes = new Map<string, string[]>();
  for (const l of labels) schemes.set(l.scheme, [...(schemes.get(l.scheme) ?? []), l.entity]);

  const ringMembers = labels.filter((l) => l.typology === "COLLUSION_RING");
  const uniqueMembers = [...new Map(ringMembers.map((l) => [l.entity, l])).values()];
  const ringNmi = nmi(
    uniqueMembers.map((l) => l.scheme),
    uniqueMembers.map((l) => String(community.get(l.entity) ?? `none:${l.entity}`)),
  );

  const top = ranking.filter((r) => r.scored).slice(0, o.k);
  const evidenceAt = new Map<number, Set<string>>();
  for (const r of ranking) {
    if (!r.scored) continue;
    const set = evidenceAt.get(r.score) ?? new Set<string>();
    set.add([...r.alerts].sort().join(","));
    evidenceAt.set(r.score, set);
  }

  return {
    entities: ranked.length,
    positives: positives.size,
    precisionAtK: precisionAtK(rankedScores, positives, o.k),
    recall: recallWithin(rankedScores, positives, o.topFraction, ranked.length),
    recallCeiling: positives.size === 0 ? 1 : Math.min(1, cut / positives.size),
    schemeRecall: schemes.size === 0 ? 0 : [...schemes.values()].reduce((s, members) => s + anyIn(members), 0) / schemes.size,
    auc: rocAuc(scores, positives),
    lookalikes: lookalikes.size,
    lookalikesInTop: sumIn(lookalikes),
    lookalikeFpr: lookalikes.size === 0 ? 0 : sumIn(lookalikes) / lookalikes.size,
    parties: parties.size,
    partiesInTop: sumIn(parties),
    partiesInK: [...parties].reduce((s, id) => s + (withinK.get(id) ?? 0), 0),
    tiesInK: top.filter((r) => (evidenceAt.get(r.score)?.size ?? 0) > 1).length,
    ringNmi,
    typologies,
    scored: ranking.map((r) => ({ id: r.id, score: r.score, positive: positives.has(r.id) })),
  };
}
