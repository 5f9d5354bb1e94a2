// The risk score's arithmetic: alerts become log likelihood ratios, alerts repeating one decision
// pattern (a group) count with diminishing returns, groups add up (groups of one flag with a decay),
// and the total evidence is shown on 0–100 by a monotone map that never saturates.
import { GRADES, type Grade } from "../grades.ts";
import type { ScoreSettings } from "./defaults.ts";

export const logit = (p: number) => Math.log(p / (1 - p));

/**
 * The evidence (nats) of a flag's alert at full confidence: the log-odds its precision gives an
 * entity over the prior ones, logit(precision) − logit(prior), never negative.
 */
export function flagLlr(precision: number, prior: number): number {
  const p = Math.min(0.999, Math.max(0.001, precision));
  return Math.max(0, logit(p) - logit(prior));
}

export type Verdict = "new" | "investigating" | "confirmed" | "dismissed" | string;

/**
 * One alert's evidence: the flag's evidence × the detector's confidence × the county discount. A
 * confirmed alert counts as a finding (full evidence); a dismissed one counts nothing.
 */
export function alertLlr(flag: number, confidence: number, discount: number, status: Verdict): number {
  if (status === "dismissed") return 0;
  if (status === "confirmed") return flag;
  return flag * Math.max(0, Math.min(1, confidence)) * Math.max(0, Math.min(1, discount));
}

export interface EvidenceItem {
  id: string;
  flag: string;
  group: string;
  llr: number;
}

export interface GroupEvidence {
  group: string;
  flag: string;
  /** The alerts of the group with evidence, strongest first. */
  alerts: string[];
  /** Evidence of the group alone: strongest × (1 + repeat × ln k). */
  llr: number;
  /** What it adds to the total after the decay for other groups of its flag. */
  counted: number;
}

/** Groups the items by decision pattern and weighs repetition and same-flag groups; strongest first. */
export function groupEvidence(items: readonly EvidenceItem[], s: Pick<ScoreSettings, "repeat" | "sameFlagDecay">): GroupEvidence[] {
  const byGroup = new Map<string, EvidenceItem[]>();
  for (const item of items) {
    if (!(item.llr > 0)) continue;
    const list = byGroup.get(item.group);
    if (list) list.push(item);
    else byGroup.set(item.group, [item]);
  }
  const groups: GroupEvidence[] = [];
  for (const [group, list] of byGroup) {
    list.sort((a, b) => b.llr - a.llr || (a.id < b.id ? -1 : 1));
    const strongest = list[0]!.llr;
    groups.push({ group, flag: list[0]!.flag, alerts: list.map((x) => x.id), llr: strongest * (1 + s.repeat * Math.log(list.length)), counted: 0 });
  }
  groups.sort((a, b) => b.llr - a.llr || (a.group < b.group ? -1 : 1));
  const seen = new Map<string, number>();
  for (const g of groups) {
    const i = seen.get(g.flag) ?? 0;
    g.counted = g.llr * s.sameFlagDecay ** i;
    seen.set(g.flag, i + 1);
  }
  return groups;
}

export function gradeOf(amount: number): Grade {
  return GRADES.find((g) => amount >= g.min)?.grade ?? "discipline";
}

export interface Evidence {
  groups: GroupEvidence[];
  /** Sum of the groups' counted evidence plus the money term (nats). */
  evidence: number;
  /** prior log-odds + evidence. */
  logOdds: number;
  score: number;
  amount: number;
  grade: Grade;
}

/**
 * The evidence of one entity (or region, or community) from the alerts it answers for, and the
 * amount at stake (each alert's money × its county discount).
 */
export function combine(items: readonly (EvidenceItem & { amount: number; discount: number })[], s: ScoreSettings): Evidence {
  const groups = groupEvidence(items, s);
  let amount = 0;
  for (const item of items) if (item.llr > 0) amount += item.amount * Math.min(1, item.discount);
  amount = Math.round(amount * 100) / 100;
  const grade = gradeOf(amount);
  const base = groups.reduce((sum, g) => sum + g.counted, 0);
  const evidence = base > 0 ? base + moneyEvidence(amount, base, s) : 0;
  return { groups, evidence, logOdds: logit(s.prior) + evidence, score: displayScore(evidence, s.halfScore), amount, grade };
}

/**
 * Evidence (nats) the money at stake adds: each grade's term at the grade's lower bound, log-linear
 * in the amount between bounds (from nothing at 1,000 yuan), so more money always weighs more; and
 * in proportion to the entity's own evidence up to settings.moneyFullEvidence, so money makes a
 * case more serious but never makes a weak case strong (a busy firm's turnover is no evidence).
 */
export function moneyEvidence(amount: number, base: number, s: Pick<ScoreSettings, "moneyTerm" | "moneyFullEvidence">): number {
  const points = [{ min: 1000, term: 0 }, ...[...GRADES].reverse().filter((g) => g.min > 1000).map((g) => ({ min: g.min, term: s.moneyTerm[g.grade] }))];
  let term = 0;
  if (amount >= points.at(-1)!.min) term = points.at(-1)!.term;
  else {
    for (let i = 1; i < points.length; i++) {
      const lo = points[i - 1]!;
      const hi = points[i]!;
      if (amount >= lo.min && amount < hi.min) term = lo.term + ((hi.term - lo.term) * Math.log(amount / lo.min)) / Math.log(hi.min / lo.min);
    }
  }
  return term * Math.min(1, Math.max(0, base) / s.moneyFullEvidence);
}

/** 0–100, monotone in the evidence and never 100: 100 × E / (E + half). */
export function displayScore(evidence: number, half: number): number {
  return evidence <= 0 ? 0 : (100 * evidence) / (evidence + half);
}
