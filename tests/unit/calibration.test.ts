// Calibration: isotonic regression never decreases with the score, and the bands count culprits.
import { describe, expect, it } from "vitest";
import { calibrate, isotonic } from "../../services/analytics/evaluate/calibration.ts";

describe("isotonic regression", () => {
  it("pools adjacent violators into a non-decreasing fit", () => {
    const points = [
      { score: 1, positive: false },
      { score: 2, positive: true },
      { score: 3, positive: false },
      { score: 4, positive: true },
    ];
    expect(isotonic(points)).toEqual([0, 0.5, 0.5, 1]);
  });

  it("keeps tied scores in one block", () => {
    expect(isotonic([
      { score: 5, positive: true },
      { score: 5, positive: false },
    ])).toEqual([0.5, 0.5]);
  });
});

describe("calibration bands", () => {
  it("counts entities and culprits per band, the last band including 100", () => {
    const points = [
      { score: 5, positive: false },
      { score: 15, positive: false },
      { score: 15, positive: true },
      { score: 100, positive: true },
    ];
    const bands = calibrate(points, [0, 10, 20, 100]);
    expect(bands.map((b) => [b.entities, b.culprits])).toEqual([[1, 0], [2, 1], [1, 1]]);
    expect(bands[1]!.observed).toBe(0.5);
    expect(bands[2]!.fitted).toBe(1);
  });
});
