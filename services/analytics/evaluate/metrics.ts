// Ranking and clustering metrics for the evaluation against planted ground truth.

/** Fraction of the first k ranked ids that are positives. */
export function precisionAtK(ranked: readonly string[], positives: ReadonlySet<string>, k: number): number {
  const top = ranked.slice(0, k);
  if (top.length === 0) return 0;
  return top.filter((id) => positives.has(id)).length / top.length;
}

/** Fraction of positives found within the first `fraction` of the ranking. */
export function recallWithin(ranked: readonly string[], positives: ReadonlySet<string>, fraction: number): number {
  if (positives.size === 0) return 0;
  const cut = Math.ceil(ranked.length * fraction);
  let found = 0;
  for (const id of ranked.slice(0, cut)) if (positives.has(id)) found += 1;
  return found / positives.size;
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
