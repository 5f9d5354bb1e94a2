// Evaluation metrics on hand-computed cases.
import { describe, expect, it } from "vitest";
import { nmi, precisionAtK, recallWithin, rocAuc } from "../../services/analytics/evaluate/metrics.ts";

describe("metrics", () => {
  const ranked = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
  const positives = new Set(["a", "c", "j"]);

  it("precision@k counts positives among the first k", () => {
    expect(precisionAtK(ranked, positives, 2)).toBe(0.5);
    expect(precisionAtK(ranked, positives, 10)).toBeCloseTo(0.3);
  });

  it("recall within a fraction of the ranking", () => {
    expect(recallWithin(ranked, positives, 0.3)).toBeCloseTo(2 / 3);
    expect(recallWithin(ranked, positives, 1)).toBe(1);
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
