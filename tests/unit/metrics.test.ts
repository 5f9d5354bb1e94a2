// Evaluation metrics on hand-computed cases.
import { describe, expect, it } from "vitest";
import { nmi, precisionAtK, recallWithin, rocAuc, shareWithin } from "../../services/analytics/evaluate/metrics.ts";

describe("metrics", () => {
  const scores = new Map(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map((id, i) => [id, 10 - i]));
  const positives = new Set(["a", "c", "j"]);

  it("precision@k counts positives among the first k", () => {
    expect(precisionAtK(scores, positives, 2)).toBe(0.5);
    expect(precisionAtK(scores, positives, 10)).toBeCloseTo(0.3);
  });

  it("recall within a fraction of the ranking", () => {
    expect(recallWithin(scores, positives, 0.3)).toBeCloseTo(2 / 3);
    expect(recallWithin(scores, positives, 1)).toBe(1);
  });

  it("shares the places at the cut among tied scores instead of ordering ties by id", () => {
    // One scored positive, then eight unscored entities (two positives) for three remaining places.
    const tied = new Map<string, number>([["p1", 5], ["A", 0], ["B", 0], ["C", 0], ["D", 0], ["p2", 0], ["p3", 0], ["x", 0], ["y", 0]]);
    expect(shareWithin(tied, 4).get("A")).toBeCloseTo(3 / 8);
    expect(shareWithin(tied, 4).get("p1")).toBe(1);
    expect(recallWithin(tied, new Set(["p1", "p2", "p3"]), 4 / 9)).toBeCloseTo((1 + 2 * (3 / 8)) / 3);
    expect(precisionAtK(tied, new Set(["p2", "p3"]), 4)).toBeCloseTo((2 * 3) / 8 / 4);
    // Only the scored entity is ranked: unscored positives are never found, whatever the cut.
    expect(recallWithin(new Map([["p1", 5]]), new Set(["p1", "p2", "p3"]), 4 / 9, 9)).toBeCloseTo(1 / 3);
  });

  it("ROC AUC is 1 for a perfect ranking, 0.5 for all ties, and handles a mixed case", () => {
    expect(rocAuc(new Map([["p", 2], ["n", 1]]), new Set(["p"]))).toBe(1);
    expect(rocAuc(new Map([["p", 1], ["n", 1]]), new Set(["p"]))).toBe(0.5);
    // positives at scores 3 and 1, negatives at 2 and 0: 3 of 4 pairs ordered right.
    expect(rocAuc(new Map([["p1", 3], ["n1", 2], ["p2", 1], ["n2", 0]]), new Set(["p1", "p2"]))).toBe(0.75);
  });

  it("NMI is 1 for identical partitions up to renaming and 0 for independent ones", () => {
    expect(nmi([1, 1, 2, 2], ["x", "x", "y", "y"])).toBeCloseTo(1);
    expect(nmi([1, 1, 2, 2], ["x", "y", "x", "y"])).toBeCloseTo(0);
  });
});
