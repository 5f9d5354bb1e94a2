// Each confounder discount follows the county's own figures: identifier degree, an officer serving
// many firms, program coverage,
// relatives per cadre, bid spread, lowest-bid wins, a declared and recused relation, and the learned
// tender threshold (shown, not discounted).
import { describe, expect, it } from "vitest";
import type { CountyBaseline } from "../../services/analytics/scores/baselines.ts";
import { DEFAULT_SCORE_SETTINGS as S } from "../../services/analytics/scores/defaults.ts";
import { type DiscountContext, discountsOf, identifierDegreeFactor } from "../../services/analytics/scores/discounts.ts";
import { kinBenefitIndex } from "../../services/analytics/scores/explain.ts";
import { emptyBaseline } from "../../services/analytics/scores/index.ts";

function county(over: Partial<CountyBaseline> = {}): CountyBaseline {
  return { ...emptyBaseline(), ...over };
}

const ctx = (b: CountyBaseline, kinBenefits = new Map<string, Set<string>>()): DiscountContext => ({ baseline: b, settings: S, kinBenefits });

describe("identifier degree", () => {
  const b = county({ identifiers: { ...emptyBaseline().identifiers, address: { shared: 900, median: 3, p90: 5, max: 14, reference: 3 } } });

  it("counts a tie through an identifier held by the county's usual number fully, and one held by a dozen hardly", () => {
    expect(identifierDegreeFactor(2, 3)).toBe(1);
    expect(identifierDegreeFactor(3, 3)).toBe(1);
    expect(identifierDegreeFactor(4, 3)).toBeCloseTo(6 / 12);
    expect(identifierDegreeFactor(12, 3)).toBeCloseTo(6 / 132);
  });

  it("discounts a HIDDEN_TIE through an agent's address, with the county's figures in the note", () => {
    const hit = discountsOf({ flag: "HIDDEN_TIE", confidence: 0.7, facts: { idKind: "address", idDegree: "12" } }, ctx(b));
    expect(hit.factor).toBeCloseTo(6 / 132);
    expect(hit.discounts[0]).toMatchObject({ kind: "identifier_degree", figures: { degree: 12, reference: 3 } });
    expect(hit.discounts[0]!.note).toContain("12 holders");
    const private_ = discountsOf({ flag: "HIDDEN_TIE", confidence: 0.7, facts: { idKind: "address", idDegree: "2" } }, ctx(b));
    expect(private_.factor).toBe(1);
  });

  it("weighs bidders tied through an agent's address, agency or deposit account by how many firms it serves", () => {
    const facts = { signId: "0.7", idKind: "address", idDegree: "12", idShared: "2", signTie: "0", signPrice: "0" };
    const agent = discountsOf({ flag: "BID_RIGGING", confidence: 0.7, facts }, ctx(b));
    // 2 of 12 firms: 1 pair of 66, below the floor.
    expect(agent.factor).toBe(S.floor);
    expect(agent.discounts[0]!.note).toContain("used by 12 firms");
    expect(discountsOf({ flag: "BID_RIGGING", confidence: 0.7, facts: { ...facts, idDegree: "2" } }, ctx(b)).factor).toBe(1);
    const agency = county({ preparers: { 王会计: 15, 李文: 3 } });
    const prep = (preparer: string, shared: string) => ({ signPreparer: "0.95", preparer, preparerShared: shared, signTie: "0" });
    expect(discountsOf({ flag: "BID_RIGGING", confidence: 0.95, facts: prep("王会计", "2") }, ctx(agency)).factor).toBe(S.floor);
    expect(discountsOf({ flag: "BID_RIGGING", confidence: 0.95, facts: prep("李文", "2") }, ctx(agency)).factor).toBeCloseTo(2 / 6);
    // A ring of three firms whose one preparer serves no one else counts fully.
    expect(discountsOf({ flag: "BID_RIGGING", confidence: 0.95, facts: prep("李文", "3") }, ctx(agency)).factor).toBe(1);
  });

  it("weighs bidders sharing an officer by how many firms the officer serves", () => {
    const officer = (firms: string, shared = "2") => ({ signOfficer: "0.9", officer: "P9", officerShared: shared, officerFirms: firms, signTie: "0", signPrice: "0" });
    // A bookkeeper on the books of seven firms, two of which bid here: 1 pair of 21.
    const bookkeeper = discountsOf({ flag: "BID_RIGGING", confidence: 0.9, facts: officer("7") }, ctx(b));
    expect(bookkeeper.factor).toBeCloseTo(Math.max(S.floor, 2 / 42));
    expect(bookkeeper.discounts[0]).toMatchObject({ kind: "shared_officer", figures: { shared: 2, holders: 7 } });
    // An owner of the two bidders (and of one firm more) answers fully.
    expect(discountsOf({ flag: "BID_RIGGING", confidence: 0.9, facts: officer("3") }, ctx(b)).factor).toBe(1);
    expect(discountsOf({ flag: "BID_RIGGING", confidence: 0.9, facts: officer("4", "4") }, ctx(b)).factor).toBe(1);
  });

  it("keeps a BID_RIGGING alert whose other signs need no shared identifier", () => {
    const facts = { signId: "0.7", idKind: "address", idDegree: "12", idShared: "2", signTie: "0.9", signPrice: "0" };
    expect(discountsOf({ flag: "BID_RIGGING", confidence: 0.9, facts }, ctx(b)).factor).toBe(1);
  });
});

describe("program coverage and relatives in the region", () => {
  const b = county({
    coverage: { "PG1|V1|2019": 0.9, "PG2|V1|2019": 0.04, "PG2|V2|2019": 0.04 },
    programs: { PG1: { name: "耕地地力保护补贴", meansTested: false }, PG2: { name: "低保", meansTested: true } },
    households: { V1: 300, V2: 250 },
    kin: { C1: { V1: 6 }, CLAN: { V1: 60 } },
    kinPerCadre: { median: 5, p90: 20, cadres: 2 },
  });
  const facts = (program: string, cadre = "C1", beneficiary = "K1") => ({ program, region: "V1", year: "2019", cadre, beneficiary, form: "in_post", self: "false" });

  it("makes a relative's universal subsidy almost no evidence, a means-tested grant full evidence", () => {
    const universal = discountsOf({ flag: "KIN_BENEFIT", confidence: 0.7, facts: facts("PG1") }, ctx(b));
    expect(universal.discounts.find((d) => d.kind === "program_coverage")!.factor).toBeCloseTo(Math.log(1 / 0.9) / Math.log(1 / S.rareCoverage));
    expect(universal.factor).toBeLessThan(0.05);
    const dibao = discountsOf({ flag: "KIN_BENEFIT", confidence: 0.7, facts: facts("PG2") }, ctx(b));
    expect(dibao.discounts.find((d) => d.kind === "program_coverage")!.factor).toBe(1);
  });

  it("expects some of a clan cadre's many relatives on any program, and counts only those beyond", () => {
    const alerts = ["K1", "K2"].map((k) => ({ flag: "KIN_BENEFIT", status: "new", facts: facts("PG2", "CLAN", k) }));
    const index = kinBenefitIndex(alerts as never);
    const clan = discountsOf({ flag: "KIN_BENEFIT", confidence: 0.7, facts: facts("PG2", "CLAN") }, ctx(b, index));
    const r = clan.discounts.find((d) => d.kind === "relatives_in_region")!;
    // 60 relatives × 4% = 2.4 expected; 2 observed: nothing beyond chance.
    expect(r.figures).toMatchObject({ relatives: 60, observed: 2 });
    expect(r.factor).toBe(S.floor);
    const few = discountsOf({ flag: "KIN_BENEFIT", confidence: 0.7, facts: facts("PG2", "C1") }, ctx(b, kinBenefitIndex([{ flag: "KIN_BENEFIT", status: "new", facts: facts("PG2", "C1") }] as never)));
    // 6 × 4% = 0.24 expected, 1 observed.
    expect(few.discounts.find((d) => d.kind === "relatives_in_region")!.factor).toBeCloseTo(0.76);
  });

  it("does not expect relatives for a cadre's grant to himself", () => {
    const self = discountsOf({ flag: "KIN_BENEFIT", confidence: 1, facts: { ...facts("PG2"), beneficiary: "C1", self: "true", form: "approved" } }, ctx(b));
    expect(self.discounts.map((d) => d.kind)).toEqual(["program_coverage"]);
  });
});

describe("bid spread", () => {
  const tight = Array.from({ length: 40 }, (_, i) => 0.002 + i * 0.0002);
  const wide = Array.from({ length: 40 }, (_, i) => 0.03 + i * 0.002);
  const b = county({ bidSpread: { "*": [...tight, ...wide].sort((x, y) => x - y), T1: tight, T2: wide } });
  const facts = (township: string) => ({ signPrice: "0.85", signTie: "0", signId: "0", cv: "0.004", township });

  it("counts close bids fully where bids are usually spread, and little where they are always close", () => {
    expect(discountsOf({ flag: "BID_RIGGING", confidence: 0.85, facts: facts("T2") }, ctx(b)).factor).toBe(1);
    const usual = discountsOf({ flag: "BID_RIGGING", confidence: 0.85, facts: facts("T1") }, ctx(b));
    expect(usual.factor).toBeLessThan(0.5);
    expect(usual.discounts[0]).toMatchObject({ kind: "bid_spread", figures: { township: "T1", projects: 40 } });
  });

  it("falls back to the county when the township has too few projects", () => {
    const d = discountsOf({ flag: "BID_RIGGING", confidence: 0.85, facts: facts("T9") }, ctx(b));
    expect(d.discounts[0]!.figures.township).toBe("*");
  });
});

describe("busy honest firms", () => {
  const b = county({ lowestWins: { projects: 200, lowest: 170, share: 0.85 } });

  it("discounts dominance won with the lowest of several independent bids", () => {
    const honest = discountsOf({ flag: "DOMINANT_WINNER", confidence: 0.8, facts: { wins: "6", lowestWins: "6" } }, ctx(b));
    expect(honest.factor).toBe(S.floor);
    expect(honest.discounts[0]!.note).toContain("85.0%");
    const captured = discountsOf({ flag: "DOMINANT_WINNER", confidence: 0.8, facts: { wins: "6", lowestWins: "0" } }, ctx(b));
    expect(captured.factor).toBe(1);
    expect(discountsOf({ flag: "DOMINANT_WINNER", confidence: 0.8, facts: { wins: "4", lowestWins: "1" } }, ctx(b)).factor).toBeCloseTo(0.75);
  });

  it("discounts a 'cover bidder' whose losses went to the lowest of several independent bids", () => {
    const honest = discountsOf({ flag: "BID_RIGGING", confidence: 0.6, facts: { form: "cover", lost: "8", independentLosses: "6" } }, ctx(b));
    expect(honest.factor).toBeCloseTo(0.25);
    expect(honest.discounts[0]!.kind).toBe("independent_losses");
    expect(discountsOf({ flag: "BID_RIGGING", confidence: 0.85, facts: { form: "cover", lost: "5", independentLosses: "0" } }, ctx(b)).factor).toBe(1);
  });
});

describe("declared and recused relations", () => {
  const b = county({ declared: { relations: 400, declared: 40, share: 0.1 } });

  it("discounts a declared relation where the cadre did not sign, not one where he did", () => {
    const recused = discountsOf({ flag: "KIN_CONTRACT", confidence: 0.28, facts: { declared: "true", form: "in_post" } }, ctx(b));
    expect(recused.factor).toBe(S.recusedFactor);
    expect(recused.discounts[0]!.note).toContain("40 of 400");
    expect(discountsOf({ flag: "KIN_CONTRACT", confidence: 0.4, facts: { declared: "true", form: "approved" } }, ctx(b)).factor).toBe(1);
    expect(discountsOf({ flag: "KIN_CONTRACT", confidence: 0.7, facts: { declared: "false", form: "in_post" } }, ctx(b)).factor).toBe(1);
  });
});

describe("learned tender threshold", () => {
  it("is shown on split purchases and large direct awards without discounting them", () => {
    const b = county({ tenderThreshold: { value: 50_000, maxDirectBelow: 49_800, minCompetedFrom: 100_000, exceptions: 5, direct: 300, competed: 120 } });
    const d = discountsOf({ flag: "SPLIT_PURCHASE", confidence: 1, facts: {} }, ctx(b));
    expect(d.factor).toBe(1);
    expect(d.discounts[0]).toMatchObject({ kind: "learned_threshold", factor: 1, figures: { threshold: 50_000 } });
    expect(discountsOf({ flag: "SINGLE_BID", confidence: 1, facts: { form: "tender" } }, ctx(b)).discounts).toEqual([]);
  });
});
