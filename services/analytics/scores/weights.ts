// Verdicts feed back: each flag's weight is its precision, a Beta prior centred on the detector's
// header weight and updated by the triage verdicts on its alerts (confirmed: a true alert, dismissed:
// a false one). The prior's strength and the bounds keep a few verdicts from silencing a flag; the
// weight is derived again from the current verdicts at every run, so changing a verdict back undoes
// its effect.
import type { ScoreSettings } from "./defaults.ts";

export type VerdictRow = {
  flag: string;
  alert: string;
  status: "confirmed" | "dismissed";
  at: string | null;
};

export interface FlagWeight {
  flag: string;
  /** The detector's header weight: the prior mean precision. */
  prior: number;
  /** The posterior mean precision, within the bounds. */
  weight: number;
  confirmed: number;
  dismissed: number;
  /** True when the bounds held the weight back. */
  bounded: boolean;
  /** The change in words: from what to what, by which verdicts. */
  note: string;
  /** The most recent verdicts behind it (alert id and status), newest first, at most ten. */
  verdicts: { alert: string; status: string; at: string | null }[];
}

export function flagWeight(flag: string, prior: number, verdicts: readonly VerdictRow[], s: Pick<ScoreSettings, "verdictPriorStrength" | "verdictBounds">): FlagWeight {
  const mine = verdicts.filter((v) => v.flag === flag);
  const confirmed = mine.filter((v) => v.status === "confirmed").length;
  const dismissed = mine.length - confirmed;
  const n0 = s.verdictPriorStrength;
  const posterior = (n0 * prior + confirmed) / (n0 + confirmed + dismissed);
  const lo = prior * s.verdictBounds.lower;
  const hi = prior + (1 - prior) * s.verdictBounds.upper;
  const weight = Math.min(hi, Math.max(lo, posterior));
  const bounded = weight !== posterior;
  const note =
    mine.length === 0
      ? `no verdicts: the detector's weight ${prior}`
      : `${confirmed} confirmed and ${dismissed} dismissed alerts moved the weight from ${prior} to ${weight.toFixed(3)}` +
        (bounded ? ` (held at the bound; unbounded ${posterior.toFixed(3)})` : "") +
        ` (Beta prior of ${n0} pseudo-verdicts)`;
  return { flag, prior, weight, confirmed, dismissed, bounded, note, verdicts: mine.slice(0, 10).map(({ alert, status, at }) => ({ alert, status, at })) };
}
