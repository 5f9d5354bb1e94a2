// One spelling per typology: a flag's `typology:` header, the generator's scheme labels and the
// evaluation's join (labels.typology = alerts.flag) all use the detector id.
import { describe, expect, it } from "vitest";
import { loadFlags } from "../../services/analytics/flags/registry.ts";
import { TYPOLOGIES } from "../../seed/contract.ts";

describe("typology spelling", () => {
  it("names every flag's typology by its detector id", () => {
    const mismatched = loadFlags().filter((f) => f.typology !== f.id).map((f) => `${f.id}: ${f.typology}`);
    expect(mismatched).toEqual([]);
  });

  it("plants only typologies a flag detects", () => {
    const ids = new Set(loadFlags().map((f) => f.id));
    expect(TYPOLOGIES.filter((t) => !ids.has(t))).toEqual([]);
  });
});
