// Ranking and clustering metrics for the evaluation against planted ground truth.

/**
 * For each id, the chance that it lies within the first `cut` places when tied scores are ordered at
 * random: 1 above the tie group the cut falls in, 0 below it, and the share of the group's places
 * inside the cut for its members. (Ordering ties by id instead would count, at county scale, every
 * unscored company as ranked "within the top 5%" because `C…` sorts before `P…`.)
 */
export function shareWithin(scores: ReadonlyMap<string, number>, cut: number): Map<string, number> {
  const items = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const share = new Map<string, number>();
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j + 1 < items.length && items[j + 1]![1] === items[i]![1]) j += 1;
    const inside = Math.min(Math.max(cut - i, 0), j - i + 1) / (j - i + 1);
    for (let t = i; t <= j; t++) share.set(items[t]![0], inside);
    i = j + 1;
  }
  return share;
}

function expectedHits(scores: ReadonlyMap<string, number>, ids: Iterable<string>, cut: number): number {
  const share = shareWithin(scores, cut);
  let hits = 0;
  for (const id of ids) hits += share.get(id) ?? 0;
  return hits;
}

/** Fraction of the first k places that positives hold (ties at the k-th place shared out evenly). */
export function precisionAtK(scores: ReadonlyMap<string, number>, positives: ReadonlySet<string>, k: number): number {
  const places = Math.min(k, scores.size);
  if (places === 0) return 0;
  return expectedHits(scores, positives, places) / places;
}

/**
 * Fraction of positives found within the first `fraction` of `total` entities (ties at the cut shared
 * out evenly). `scores` may hold only the ranked entities: the others never count as found.
 */
export function recallWithin(scores: ReadonlyMap<string, number>, positives: ReadonlySet<string>, fraction: number, total = scores.size): number {
  if (positives.size === 0) return 0;
  return expectedHits(scores, positives, Math.ceil(total * fraction)) / positives.size;
}

/** ROC AUC by the Mann–Whitney statistic; tied scores count one half. */
export function rocAuc(scores: ReadonlyMap<string, number>, positives: ReadonlySet<string>): number {
  const items = [...scores.entries()].sort((a, b) => a[1] - b[1]);
  let rankSum = 0;
  let pos = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j + 1 < items.length && items[j + 1]![1] === items[i]![1]) j += 1;
    const averageRank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) {
      if (positives.has(items[t]![0])) {
        rankSum += averageRank;
        pos += 1;
      }
    }
    i = j + 1;
  }
  const neg = items.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Normalised mutual information (arithmetic mean normalisation) between two labelings of the same items. */
export function nmi(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) throw new RangeError("labelings differ in length");
  const n = a.length;
  if (n === 0) return 0;
  const count = (xs: readonly (string | number)[]) => {
    const m = new Map<string | number, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const joint = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const entropy = (m: Map<string | number, number>) => [...m.values()].reduce((h, c) => h - (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [key, c] of joint) {
    const [x, y] = key.split("\u0000");
    const px = ca.get(typeof a[0] === "number" ? Number(x) : x!)! / n;
    const py = cb.get(typeof b[0] === "number" ? Number(y) : y!)! / n;
    mi += (c / n) * Math.log(c / n / (px * py));
  }
  const ha = entropy(ca);
  const hb = entropy(cb);
  if (ha + hb === 0) return 1;
  return (2 * mi) / (ha + hb);
}
