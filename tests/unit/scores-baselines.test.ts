// County baselines: quantiles and spread, the reference degree of shared identifiers, and the tender
// threshold learned from how the county awards (with splits just under it and a few exceptions).
import { describe, expect, it } from "vitest";
import {
  coefficientOfVariation,
  learnTenderThreshold,
  quantile,
  roundBetween,
  shareAtOrBelow,
  summariseDegrees,
} from "../../services/analytics/scores/baseline-math.ts";
import { learnedParameters } from "../../services/analytics/scores/baselines.ts";
import { emptyBaseline } from "../../services/analytics/scores/index.ts";
import { loadFlags } from "../../services/analytics/flags/registry.ts";
import { flagParameters } from "../../services/analytics/flags/run.ts";

describe("baseline statistics", () => {
  it("computes quantiles, smoothed shares and the coefficient of variation", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([], 0.5)).toBeUndefined();
    expect(shareAtOrBelow([1, 2, 3], 2)).toBeCloseTo(2.5 / 4);
    expect(shareAtOrBelow([1, 2, 3], 0)).toBeCloseTo(0.5 / 4);
    expect(coefficientOfVariation([100, 100])).toBe(0);
    expect(coefficientOfVariation([90, 110])).toBeCloseTo(0.1);
    expect(coefficientOfVariation([5])).toBeUndefined();
  });

  it("summarises identifier degrees: shared ones only, the median as the reference (at least 2)", () => {
    const d = summariseDegrees(new Map([[1, 5000], [2, 600], [3, 300], [4, 80], [12, 2]]));
    expect(d).toMatchObject({ shared: 982, median: 2, p90: 3, max: 12, reference: 2 });
    expect(summariseDegrees(new Map([[3, 10], [4, 5]])).reference).toBe(3);
    expect(summariseDegrees(new Map()).reference).toBe(2);
  });
});

describe("the tender threshold the county practises", () => {
  const direct = (amount: number) => ({ amount, direct: true });
  const competed = (amount: number) => ({ amount, direct: false });

  it("puts the roundest amount between the largest direct award and the smallest tender", () => {
    const awards = [
      ...Array.from({ length: 40 }, (_, i) => direct(5_000 + i * 1_000)),
      // Split pieces of 40–49k are direct awards too.
      direct(41_000), direct(45_500), direct(49_800),
      ...Array.from({ length: 30 }, (_, i) => competed(100_000 + i * 20_000)),
    ];
    const t = learnTenderThreshold(awards)!;
    expect(t.value).toBe(50_000);
    expect(t).toMatchObject({ maxDirectBelow: 49_800, minCompetedFrom: 100_000, exceptions: 0, direct: 43, competed: 30 });
  });

  it("is not moved by a few large direct awards (the schemes it should catch)", () => {
    const awards = [
      ...Array.from({ length: 60 }, (_, i) => direct(1_000 + i * 700)),
      direct(480_000), direct(520_000),
      ...Array.from({ length: 40 }, (_, i) => competed(60_000 + i * 15_000)),
    ];
    const t = learnTenderThreshold(awards)!;
    expect(t.value).toBe(50_000);
    expect(t.exceptions).toBe(2);
  });

  it("learns nothing from a county with too few of either kind", () => {
    expect(learnTenderThreshold([direct(10_000), competed(500_000)])).toBeUndefined();
  });

  it("prefers 1, 2 or 5 times a power of ten, else one significant digit, else a half step", () => {
    expect(roundBetween(49_800, 100_000)).toBe(50_000);
    expect(roundBetween(30_000, 60_000)).toBe(50_000);
    expect(roundBetween(310_000, 450_000)).toBe(400_000);
    expect(roundBetween(120_000, 180_000)).toBe(150_000);
    // No round amount in the gap: the caller keeps the smallest award above it.
    expect(roundBetween(121_000, 124_000)).toBeUndefined();
  });

  it("places the threshold above the largest direct award, however many small projects the county tenders", () => {
    const awards = [
      ...Array.from({ length: 30 }, (_, i) => direct(5_000 + i * 6_000)),
      // Direct awards up to 193k, split pieces just under 200k, and many voluntary tenders from 60k.
      direct(186_000), direct(193_500),
      ...Array.from({ length: 60 }, (_, i) => competed(60_000 + i * 8_000)),
      // A large job handed out directly: the scheme SINGLE_BID should catch.
      direct(420_000),
    ];
    const t = learnTenderThreshold(awards)!;
    expect(t.value).toBe(200_000);
    expect(t.maxDirectBelow).toBe(193_500);
  });
});

describe("learned detector parameters", () => {
  it("fit the detectors' declarations, so a county whose programs pay several times a year is analysed", () => {
    const b = {
      ...emptyBaseline(),
      usualPayments: { PG3: 4, PG9: 2 },
      tenderThreshold: { value: 200_000, maxDirectBelow: 180_000, minCompetedFrom: 210_000, exceptions: 1, direct: 40, competed: 60 },
      independentCv: 0.02,
    };
    const learned = learnedParameters(b);
    expect(learned.usualPayments).toEqual(["PG3=4", "PG9=2"]);
    for (const flag of loadFlags()) {
      const params = flagParameters(flag, {}, undefined, learned);
      for (const [name, spec] of Object.entries(flag.parameters)) {
        if (spec.learned !== undefined && learned[spec.learned] !== undefined) expect(params[name], `${flag.id}.${name}`).toEqual(learned[spec.learned]);
      }
    }
  });
});
