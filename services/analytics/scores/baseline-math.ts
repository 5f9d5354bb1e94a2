// Pure statistics behind the county baselines: quantiles, the spread of a set of bids, the
// reference degree of shared identifiers, and the tender threshold learned from how the county
// awards its projects.

/** The q-quantile (0–1) of sorted values by linear interpolation; undefined for none. */
export function quantile(sorted: readonly number[], q: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Share of sorted values at or below x, smoothed so that it is never 0 or 1: (count + 0.5) / (n + 1). */
export function shareAtOrBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return (lo + 0.5) / (sorted.length + 1);
}

/** Coefficient of variation (population standard deviation over the mean); undefined below two values. */
export function coefficientOfVariation(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  if (!(mean > 0)) return undefined;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

/** A histogram of identifier degrees: degree → number of identifiers held by that many. */
export type DegreeHistogram = ReadonlyMap<number, number>;

export interface DegreeSummary {
  /** Identifiers held by two or more persons and companies. */
  shared: number;
  /** Median and 90th percentile degree of the shared ones, and the largest. */
  median: number;
  p90: number;
  max: number;
  /** The degree a private tie usually has in this county (the median shared degree, at least 2):
   *  ties through identifiers held by more count less (see discounts.ts). */
  reference: number;
}

export function summariseDegrees(histogram: DegreeHistogram): DegreeSummary {
  const shared = [...histogram.entries()].filter(([d]) => d >= 2).sort((a, b) => a[0] - b[0]);
  const n = shared.reduce((s, [, c]) => s + c, 0);
  /** The degree below which a share q of the shared identifiers lie. */
  const at = (q: number) => {
    let seen = 0;
    for (const [d, c] of shared) {
      seen += c;
      if (seen >= q * n) return d;
    }
    return shared.at(-1)?.[0] ?? 2;
  };
  const median = n === 0 ? 2 : at(0.5);
  return { shared: n, median, p90: n === 0 ? 2 : at(0.9), max: shared.at(-1)?.[0] ?? 0, reference: Math.max(2, median) };
}

export interface Award {
  amount: number;
  /** Handed out without competition (direct award, single source). */
  direct: boolean;
}

export interface LearnedThreshold {
  /** The amount from which the county competes its projects (yuan). */
  value: number;
  /** The largest direct award below it and the smallest competed award from it. */
  maxDirectBelow: number | null;
  minCompetedFrom: number | null;
  /** Awards on the wrong side: direct awards from the threshold up, competed ones below it. */
  exceptions: number;
  direct: number;
  competed: number;
}

/** The smallest "round" amount above `lo` and at most `hi`: 1, 2 or 5 times a power of ten first; else
 *  one significant digit; else a half step (1.5, 2.5, … times a power of ten); undefined when none. */
export function roundBetween(lo: number, hi: number): number | undefined {
  const tiers = [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9], [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]];
  for (const tier of tiers) {
    const candidates: number[] = [];
    for (let e = 0; e <= 12; e++) for (const m of tier) candidates.push(m * 10 ** e);
    const found = candidates.sort((a, b) => a - b).find((x) => x > lo && x <= hi);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The tender threshold as the county practises it: the amount from which its projects stop being
 * awarded directly. The cut leaves the fewest direct awards above it, a tender below it costing only
 * `competedBelowCost` of one (a county may tender small projects too; it may not hand out large ones),
 * and sits on the roundest amount above the largest direct award below it, at most `headroom` times
 * that award and below the next direct award (thresholds are round; split purchases sit just under
 * them). Undefined when the county has too few of either kind to tell.
 */
export function learnTenderThreshold(awards: readonly Award[], minEach = 5, competedBelowCost = 0.25, headroom = 1.25): LearnedThreshold | undefined {
  const items = awards.filter((a) => Number.isFinite(a.amount) && a.amount > 0).sort((a, b) => a.amount - b.amount);
  const direct = items.filter((a) => a.direct).length;
  const competed = items.length - direct;
  if (direct < minEach || competed < minEach) return undefined;
  // errors(i) with the cut just before items[i]: competed below + direct from i on.
  let competedBelow = 0;
  let directFrom = direct;
  let best = { errors: Number.POSITIVE_INFINITY, cost: Number.POSITIVE_INFINITY, i: 0 };
  for (let i = 0; i <= items.length; i++) {
    // A cut only between distinct amounts.
    if (i === 0 || i === items.length || items[i]!.amount !== items[i - 1]!.amount) {
      const errors = competedBelowCost * competedBelow + directFrom;
      if (errors < best.cost) best = { errors: competedBelow + directFrom, cost: errors, i };
    }
    if (i < items.length) {
      if (items[i]!.direct) directFrom -= 1;
      else competedBelow += 1;
    }
  }
  const below = items.slice(0, best.i);
  const from = items.slice(best.i);
  const maxDirectBelow = below.filter((a) => a.direct).at(-1)?.amount ?? null;
  const minCompetedFrom = from.find((a) => !a.direct)?.amount ?? null;
  const lo = below.at(-1)?.amount ?? 0;
  const hi = from[0]?.amount ?? lo * 2;
  const nextDirect = from.find((a) => a.direct)?.amount ?? Number.POSITIVE_INFINITY;
  const value = roundBetween(lo, Math.min(nextDirect, Math.max(hi, lo * headroom))) ?? roundBetween(lo, hi) ?? hi;
  return { value, maxDirectBelow, minCompetedFrom, exceptions: best.errors, direct, competed };
}
