// Calibration: what a score means, measured. Isotonic regression (pool adjacent violators) fits the
// share of culprits as a non-decreasing function of the score over every ranked entity of the
// evaluation counties; the table gives, per score band, the entities, the culprits among them, the
// observed share and the fitted one.

export interface Point {
  score: number;
  positive: boolean;
}

/** Non-decreasing least-squares fit of positive (0/1) on score: one fitted value per point, in input order. */
export function isotonic(points: readonly Point[]): number[] {
  const order = points.map((p, i) => i).sort((a, b) => points[a]!.score - points[b]!.score);
  // Blocks of [sum, count, firstIndexInOrder]; ties in score start in one block.
  const blocks: { sum: number; n: number; start: number }[] = [];
  let i = 0;
  while (i < order.length) {
    let j = i;
    let sum = 0;
    while (j < order.length && points[order[j]!]!.score === points[order[i]!]!.score) {
      sum += points[order[j]!]!.positive ? 1 : 0;
      j += 1;
    }
    blocks.push({ sum, n: j - i, start: i });
    while (blocks.length > 1 && blocks.at(-2)!.sum / blocks.at(-2)!.n > blocks.at(-1)!.sum / blocks.at(-1)!.n) {
      const last = blocks.pop()!;
      const prev = blocks.at(-1)!;
      prev.sum += last.sum;
      prev.n += last.n;
    }
    i = j;
  }
  const fitted = new Array<number>(points.length);
  for (const b of blocks) for (let t = b.start; t < b.start + b.n; t++) fitted[order[t]!] = b.sum / b.n;
  return fitted;
}

export interface Band {
  from: number;
  to: number;
  entities: number;
  culprits: number;
  observed: number | null;
  fitted: number | null;
}

export const BAND_EDGES = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/** The calibration table over score bands [from, to) (the last band includes 100). */
export function calibrate(points: readonly Point[], edges: readonly number[] = BAND_EDGES): Band[] {
  const fitted = isotonic(points);
  const bands: Band[] = [];
  for (let b = 0; b + 1 < edges.length; b++) {
    const from = edges[b]!;
    const to = edges[b + 1]!;
    const last = b + 2 === edges.length;
    let entities = 0;
    let culprits = 0;
    let fit = 0;
    points.forEach((p, i) => {
      if (p.score >= from && (p.score < to || (last && p.score <= to))) {
        entities += 1;
        culprits += p.positive ? 1 : 0;
        fit += fitted[i]!;
      }
    });
    bands.push({ from, to, entities, culprits, observed: entities ? culprits / entities : null, fitted: entities ? fit / entities : null });
  }
  return bands;
}
