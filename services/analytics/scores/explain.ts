// From weighed alerts to scores and the explanations the risk endpoint returns as they are: for each
// person and company the alerts it answers for (as a subject), grouped by decision pattern, with
// each hit's weight, confidence, county discounts, evidence and parties; the alerts naming it as a
// party (a victim takes no risk from them); and for regions and communities the same over the
// alerts of those who live there or belong to them.
import { type Discount, type DiscountContext, discountsOf } from "./discounts.ts";
import type { CountyBaseline } from "./baselines.ts";
import type { ScoreSettings } from "./defaults.ts";
import { alertLlr, combine, type Evidence, flagLlr, gradeOf } from "./model.ts";
import type { FlagWeight } from "./weights.ts";
import type { Grade } from "../grades.ts";

export interface AlertInput {
  id: string;
  flag: string;
  group: string;
  confidence: number;
  amount: number;
  summary: string | null;
  status: string;
  facts: Record<string, string>;
  subjects: string[];
  /** Subjects whose part is secondary: they take settings.minorShare of the evidence. */
  minor: string[];
  parties: { id: string; part: string }[];
}

export interface WeighedAlert extends AlertInput {
  /** The flag's precision after verdicts. */
  weight: number;
  discount: number;
  discounts: Discount[];
  /** Evidence of this alert alone (nats). */
  llr: number;
}

/** Parses `name=value` fact strings. */
export function parseFacts(facts: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of facts) {
    const i = f.indexOf("=");
    if (i > 0) out[f.slice(0, i)] = f.slice(i + 1);
  }
  return out;
}

/** Relatives each cadre is flagged for under KIN_BENEFIT, by `cadre|program|year`. */
export function kinBenefitIndex(alerts: readonly AlertInput[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const a of alerts) {
    const f = a.facts;
    if (a.flag !== "KIN_BENEFIT" || !f.cadre || !f.beneficiary || f.self === "true" || a.status === "dismissed") continue;
    const key = `${f.cadre}|${f.program}|${f.year}`;
    let set = index.get(key);
    if (!set) index.set(key, (set = new Set()));
    set.add(f.beneficiary);
  }
  return index;
}

export function weighAlerts(alerts: readonly AlertInput[], weights: ReadonlyMap<string, FlagWeight>, baseline: CountyBaseline, s: ScoreSettings): WeighedAlert[] {
  const ctx: DiscountContext = { baseline, settings: s, kinBenefits: kinBenefitIndex(alerts) };
  return alerts.map((a) => {
    const weight = weights.get(a.flag)?.weight ?? 0.5;
    const { factor, discounts } = discountsOf(a, ctx);
    return { ...a, weight, discount: factor, discounts, llr: alertLlr(flagLlr(weight, s.prior), a.confidence, factor, a.status) };
  });
}

export type EntityInfo = {
  id: string;
  type: string;
  name: string;
  community: number | null;
  regions: string[];
};

export type EvidenceGraph = {
  nodes: { id: string; type: string; name: string }[];
  relationships: { id: string; type: string; source: string; target: string; label: string }[];
};

export interface ExplainedHit {
  alertId: string;
  flag: string;
  weight: number;
  confidence: number;
  discount: number;
  discounts: Discount[];
  llr: number;
  /** weight × confidence × discount, 0–1. */
  score: number;
  amount: number;
  grade: Grade;
  summary: string | null;
  status: string;
  group: string;
  /** The entity's share of the hit's evidence: 1, or settings.minorShare for a minor subject. */
  share: number;
  parties: { id: string; type: string; name: string; part: string }[];
  evidence: EvidenceGraph;
}

export interface Explanation {
  id: string;
  type: string;
  name: string;
  /** 0–100, monotone in the evidence; null for an entity only named as a party. */
  score: number;
  grade: Grade | null;
  amount: number;
  hitCount: number;
  /** Total evidence (nats) and the log-odds it gives over the county prior. */
  evidence: number;
  logOdds: number;
  groups: { group: string; flag: string; alerts: number; llr: number; counted: number; strongest: string }[];
  hits: ExplainedHit[];
  /** Alerts naming the entity as a party (a victim, a competitor): shown, not scored. */
  asParty: { alertId: string; flag: string; part: string; summary: string | null; status: string }[];
}

export interface Scored {
  id: string | number;
  score: number | null;
  amount: number | null;
  grade: Grade | null;
  hits: number | null;
  evidence: number | null;
  explanation: string;
  alertIds: string[];
}

/** An alert as one entity (or region, community) answers for it: its share of the evidence. */
export interface Answered {
  alert: WeighedAlert;
  share: number;
}

function hitOf({ alert: a, share }: Answered, info: ReadonlyMap<string, EntityInfo>, evidence: ReadonlyMap<string, EvidenceGraph>): ExplainedHit {
  return {
    alertId: a.id,
    flag: a.flag,
    weight: a.weight,
    confidence: a.confidence,
    discount: a.discount,
    discounts: a.discounts,
    llr: a.llr * share,
    score: a.weight * a.confidence * a.discount,
    amount: a.amount,
    grade: gradeOf(a.amount),
    summary: a.summary,
    status: a.status,
    group: a.group,
    share,
    parties: a.parties.map((p) => ({ id: p.id, type: info.get(p.id)?.type ?? "entity", name: info.get(p.id)?.name ?? p.id, part: p.part })),
    evidence: evidence.get(a.id) ?? { nodes: [], relationships: [] },
  };
}

function explain(
  head: { id: string; type: string; name: string },
  alerts: readonly Answered[],
  asParty: readonly { alert: WeighedAlert; part: string }[],
  info: ReadonlyMap<string, EntityInfo>,
  evidence: ReadonlyMap<string, EvidenceGraph>,
  s: ScoreSettings,
): { e: Evidence; explanation: Explanation; shown: Answered[] } {
  const e = combine(
    alerts.map(({ alert, share }) => ({ ...alert, llr: alert.llr * share })),
    s,
  );
  const weight = (x: Answered) => x.alert.llr * x.share;
  const shown = [...alerts]
    .sort((a, b) => weight(b) - weight(a) || b.alert.amount - a.alert.amount || (a.alert.id < b.alert.id ? -1 : 1))
    .slice(0, s.maxHits);
  const explanation: Explanation = {
    ...head,
    score: e.score,
    grade: alerts.length ? e.grade : null,
    amount: e.amount,
    hitCount: alerts.length,
    evidence: e.evidence,
    logOdds: e.logOdds,
    groups: e.groups.map((g) => ({ group: g.group, flag: g.flag, alerts: g.alerts.length, llr: g.llr, counted: g.counted, strongest: g.alerts[0]! })),
    hits: shown.map((a) => hitOf(a, info, evidence)),
    asParty: asParty.slice(0, s.maxHits).map(({ alert, part }) => ({ alertId: alert.id, flag: alert.flag, part, summary: alert.summary, status: alert.status })),
  };
  return { e, explanation, shown };
}

export interface ScoreSet {
  entities: Scored[];
  regions: Scored[];
  communities: Scored[];
}

/** Scores and explanations of every person and company named in an alert, and of the regions and
 *  communities they belong to. `derived`: flags built on other alerts (a ring), whose money is the
 *  sum of those alerts' money; it is the community's at stake, not each member's. */
export function scoreAll(
  alerts: readonly WeighedAlert[],
  info: ReadonlyMap<string, EntityInfo>,
  evidence: ReadonlyMap<string, EvidenceGraph>,
  s: ScoreSettings,
  derived: ReadonlySet<string> = new Set(),
): ScoreSet {
  const asSubject = new Map<string, Answered[]>();
  const asParty = new Map<string, { alert: WeighedAlert; part: string }[]>();
  const inRegion = new Map<string, Set<WeighedAlert>>();
  const inCommunity = new Map<number, Set<WeighedAlert>>();
  const add = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const addSet = <K, V>(m: Map<K, Set<V>>, k: K, v: V) => {
    const set = m.get(k);
    if (set) set.add(v);
    else m.set(k, new Set([v]));
  };
  for (const a of alerts) {
    const own = derived.has(a.flag) ? { ...a, amount: 0 } : a;
    for (const id of a.subjects) {
      add(asSubject, id, { alert: own, share: a.minor.includes(id) ? s.minorShare : 1 });
      const e = info.get(id);
      for (const r of e?.regions ?? []) addSet(inRegion, r, a);
      if (e?.community !== null && e?.community !== undefined) addSet(inCommunity, e.community, a);
    }
    for (const p of a.parties) {
      add(asParty, p.id, { alert: a, part: p.part });
      // A village answers for what happened there, whoever carried it out.
      for (const r of info.get(p.id)?.regions ?? []) addSet(inRegion, r, a);
    }
  }
  const row = (id: string | number, x: ReturnType<typeof explain>, scored: boolean): Scored => ({
    id,
    score: scored ? x.e.score : null,
    amount: scored ? x.e.amount : null,
    grade: scored ? x.e.grade : null,
    hits: scored ? x.explanation.hitCount : null,
    evidence: scored ? x.e.evidence : null,
    explanation: JSON.stringify(x.explanation),
    alertIds: [...new Set([...x.shown.map((a) => a.alert.id), ...x.explanation.asParty.map((p) => p.alertId)])],
  });

  const entities: Scored[] = [];
  for (const id of new Set([...asSubject.keys(), ...asParty.keys()])) {
    const e = info.get(id);
    if (!e || (e.type !== "person" && e.type !== "company")) continue;
    const mine = asSubject.get(id) ?? [];
    const x = explain({ id, type: e.type, name: e.name }, mine, asParty.get(id) ?? [], info, evidence, s);
    entities.push(row(id, x, mine.length > 0));
  }
  const regions: Scored[] = [];
  for (const [id, set] of inRegion) {
    const r = info.get(id);
    const x = explain({ id, type: "region", name: r?.name ?? id }, [...set].map((alert) => ({ alert, share: 1 })), [], info, evidence, s);
    regions.push(row(id, x, true));
  }
  const communities: Scored[] = [];
  for (const [id, set] of inCommunity) {
    const x = explain({ id: `community:${id}`, type: "community", name: `community ${id}` }, [...set].map((alert) => ({ alert, share: 1 })), [], info, evidence, s);
    communities.push(row(id, x, true));
  }
  return { entities, regions, communities };
}
