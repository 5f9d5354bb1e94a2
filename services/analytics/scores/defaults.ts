// Risk-score settings: how alerts become evidence (log likelihood ratios), how evidence adds up,
// and how the log-odds are shown on 0–100. See SCORING.md beside DESIGN.md for the method.
import type { Grade } from "../grades.ts";

export interface ScoreSettings {
  /** Share of culprits among a county's persons and companies assumed before any evidence (the
   *  prior); it shifts every log-odds alike, so it changes the calibration, not the order. */
  prior: number;
  /** Within one group (alerts repeating one decision pattern): the strongest alert's evidence times
   *  1 + repeat × ln(alerts in the group). */
  repeat: number;
  /** Across groups of one flag on one entity (the same kind of scheme again, with another relative,
   *  firm or account): the i-th strongest group counts sameFlagDecay^i; different flags add fully. */
  sameFlagDecay: number;
  /** Evidence (nats) added by the discounted amount at stake at the lower bound of each money grade
   *  (log-linear in the amount between bounds; only to an entity with evidence, see moneyFullEvidence). */
  moneyTerm: Record<Grade, number>;
  /** The money term counts fully for an entity with this much evidence (nats) of its own, and in
   *  proportion below it: money at stake makes a case more serious, never a weak one strong. */
  moneyFullEvidence: number;
  /** The evidence (nats) shown as 50 on the 0–100 scale: score = 100 × E / (E + halfScore), which
   *  never reaches 100, so strong entities keep their order. */
  halfScore: number;
  /** Share of an alert's evidence a minor subject takes (a signer who did not profit, a firm's
   *  nominal legal representative). */
  minorShare: number;
  /** Least factor any one county discount may apply (a discount never erases an alert). */
  floor: number;
  /** Coverage of a program in a village and year at and below which a relative's grant counts
   *  fully; above it the evidence falls as ln(1 / coverage). */
  rareCoverage: number;
  /** Share of a township's bid spreads at or below a project's from which close bids count fully
   *  (smaller shares count fully, larger ones fall as ln(1 / share)). */
  rareSpread: number;
  /** Factor for a relation declared to the supervisor where the cadre did not sign (recused, 回避). */
  recusedFactor: number;
  /** Beta prior strength (pseudo-verdicts) of each flag's precision: a few verdicts move it a little. */
  verdictPriorStrength: number;
  /** The posterior precision stays within [prior × lower, prior + (1 − prior) × upper]. */
  verdictBounds: { lower: number; upper: number };
  /** Most hits kept in a stored explanation (the strongest). */
  maxHits: number;
}

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  prior: 0.01,
  repeat: 0.15,
  sameFlagDecay: 0.5,
  moneyTerm: { discipline: 0, relief_funds: 0.25, large: 0.5, huge: 0.75, especially_huge: 1 },
  moneyFullEvidence: 3,
  halfScore: 10,
  minorShare: 0.5,
  floor: 0.02,
  rareCoverage: 0.05,
  rareSpread: 0.02,
  recusedFactor: 0.25,
  verdictPriorStrength: 20,
  verdictBounds: { lower: 0.5, upper: 0.5 },
  maxHits: 100,
};
