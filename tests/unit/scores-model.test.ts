// The risk score's aggregation: repetition of one decision pattern saturates slowly, independent
// schemes combine, a victim takes no risk, verdicts weigh alerts, and the 0–100 map keeps the order.
import { describe, expect, it } from "vitest";
import { DEFAULT_SCORE_SETTINGS as S } from "../../services/analytics/scores/defaults.ts";
import { emptyBaseline } from "../../services/analytics/scores/index.ts";
import { type AlertInput, scoreAll, weighAlerts } from "../../services/analytics/scores/explain.ts";
import { alertLlr, combine, displayScore, type EvidenceItem, flagLlr, groupEvidence, moneyEvidence } from "../../services/analytics/scores/model.ts";
import { flagWeight } from "../../services/analytics/scores/weights.ts";

const item = (id: string, flag: string, group: string, llr: number, amount = 0) => ({ id, flag, group, llr, amount, discount: 1 });

describe("flag and alert evidence", () => {
  it("turns a flag's precision into log-odds over the prior, and scales them by confidence and discount", () => {
    expect(flagLlr(0.7, 0.01)).toBeCloseTo(Math.log(0.7 / 0.3) - Math.log(0.01 / 0.99));
    expect(flagLlr(0.005, 0.01)).toBe(0);
    expect(alertLlr(5, 0.5, 0.4, "new")).toBeCloseTo(1);
    expect(alertLlr(5, 0.5, 0.4, "confirmed")).toBe(5);
    expect(alertLlr(5, 0.5, 0.4, "dismissed")).toBe(0);
  });
});

describe("aggregation", () => {
  it("saturates slowly when one decision pattern repeats", () => {
    const once = combine([item("a1", "KIN_BENEFIT", "KIN_BENEFIT:C1:K1", 4)], S).evidence;
    const twelve = combine(
      Array.from({ length: 12 }, (_, i) => item(`a${i}`, "KIN_BENEFIT", "KIN_BENEFIT:C1:K1", 4)),
      S,
    ).evidence;
    // Twelve years of one grant to one relative weigh less than one and a half independent alerts.
    expect(twelve).toBeGreaterThan(once);
    expect(twelve).toBeLessThan(1.5 * once);
    expect(twelve).toBeCloseTo(4 * (1 + S.repeat * Math.log(12)));
  });

  it("adds independent schemes, and counts further groups of one flag with a decay", () => {
    const one = combine([item("a", "KICKBACK", "KICKBACK:g1", 5)], S).evidence;
    const two = combine([item("a", "KICKBACK", "KICKBACK:g1", 5), item("b", "KIN_CONTRACT", "KIN_CONTRACT:g1", 5)], S).evidence;
    const sameFlag = combine([item("a", "KICKBACK", "KICKBACK:g1", 5), item("b", "KICKBACK", "KICKBACK:g2", 5)], S).evidence;
    expect(two).toBeCloseTo(2 * one);
    expect(sameFlag).toBeCloseTo(one * (1 + S.sameFlagDecay));
    // Two schemes outrank any repetition of one.
    const repeated = combine(Array.from({ length: 50 }, (_, i) => item(`r${i}`, "KICKBACK", "KICKBACK:g1", 5)), S).evidence;
    expect(two).toBeGreaterThan(repeated);
  });

  it("groups and orders the evidence, strongest group first, ignoring alerts without evidence", () => {
    const items: EvidenceItem[] = [
      { id: "x", flag: "A", group: "A:1", llr: 1 },
      { id: "y", flag: "B", group: "B:1", llr: 3 },
      { id: "z", flag: "A", group: "A:2", llr: 0 },
    ];
    const groups = groupEvidence(items, S);
    expect(groups.map((g) => g.group)).toEqual(["B:1", "A:1"]);
    expect(groups[0]).toMatchObject({ flag: "B", alerts: ["y"], llr: 3, counted: 3 });
  });

  it("adds money at stake only to an entity with evidence, from the discounted amount, more for more money", () => {
    const poor = combine([{ ...item("a", "A", "A:1", 3, 500_000), discount: 0.01 }], S);
    expect(poor.amount).toBe(5000);
    expect(poor.grade).toBe("discipline");
    const rich = combine([item("a", "A", "A:1", 3, 500_000)], S);
    expect(rich.grade).toBe("huge");
    expect(rich.evidence).toBeGreaterThan(3 + S.moneyTerm.huge);
    expect(rich.evidence).toBeLessThan(3 + S.moneyTerm.especially_huge);
    expect(combine([item("a", "A", "A:1", 0, 500_000)], S).evidence).toBe(0);
    // At each grade's lower bound the grade's term; in between, more money always weighs more.
    expect(moneyEvidence(200_000, 3, S)).toBeCloseTo(S.moneyTerm.huge);
    expect(moneyEvidence(30_000, 3, S)).toBeCloseTo(S.moneyTerm.large);
    expect(moneyEvidence(500, 3, S)).toBe(0);
    const amounts = [2000, 9000, 10_000, 50_000, 199_999, 1_000_000, 2_999_999];
    for (let i = 1; i < amounts.length; i++) expect(moneyEvidence(amounts[i]!, 3, S)).toBeGreaterThan(moneyEvidence(amounts[i - 1]!, 3, S));
  });

  it("lets money make a case more serious, never a weak case strong", () => {
    // A busy firm's turnover on a barely evidenced alert adds in proportion to that evidence.
    const weak = combine([item("a", "A", "A:1", 0.1, 5_000_000)], S).evidence;
    expect(weak).toBeCloseTo(0.1 * (1 + S.moneyTerm.especially_huge / S.moneyFullEvidence));
    expect(moneyEvidence(5_000_000, 2 * S.moneyFullEvidence, S)).toBe(S.moneyTerm.especially_huge);
  });

  it("maps evidence to 0–100 monotonically, without reaching 100", () => {
    const xs = [0, 0.5, 2, 10, 40, 200, 1000];
    const ys = xs.map((x) => displayScore(x, S.halfScore));
    expect(ys[0]).toBe(0);
    expect(displayScore(S.halfScore, S.halfScore)).toBe(50);
    for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]!);
    expect(ys.at(-1)!).toBeLessThan(100);
  });
});

const alert = (over: Partial<AlertInput> & { id: string; flag: string }): AlertInput => ({
  group: `${over.flag}:${over.id}`,
  confidence: 1,
  amount: 0,
  summary: null,
  status: "new",
  facts: {},
  subjects: [],
  minor: [],
  parties: [],
  ...over,
});

describe("subjects and parties", () => {
  const weights = new Map(["DECEASED_PAYEE", "DIVERTED_PAYMENT"].map((f) => [f, flagWeight(f, 0.75, [], S)]));
  const info = new Map(
    [
      ["C1", "person"],
      ["DEAD", "person"],
      ["SON", "person"],
    ].map(([id, type]) => [id!, { id: id!, type: type!, name: id!, community: 1, regions: ["V1"] }]),
  );
  const alerts = weighAlerts(
    [
      alert({ id: "DECEASED_PAYEE:G1", flag: "DECEASED_PAYEE", subjects: ["C1", "SON"], minor: ["C1"], parties: [{ id: "DEAD", part: "dead_payee" }], amount: 3000 }),
      alert({ id: "DIVERTED_PAYMENT:G1", flag: "DIVERTED_PAYMENT", subjects: ["C1"], parties: [{ id: "DEAD", part: "beneficiary_paid_elsewhere" }], amount: 3000 }),
    ],
    weights,
    emptyBaseline(),
    S,
  );
  const scored = scoreAll(alerts, info, new Map(), S);
  const byId = new Map(scored.entities.map((e) => [e.id, e]));

  it("gives a victim no risk, but explains where it is named and as what", () => {
    const dead = byId.get("DEAD")!;
    expect(dead.score).toBeNull();
    const explanation = JSON.parse(dead.explanation);
    expect(explanation.hits).toEqual([]);
    expect(explanation.asParty.map((p: { part: string }) => p.part).sort()).toEqual(["beneficiary_paid_elsewhere", "dead_payee"]);
  });

  it("scores the subjects, the cadre above the relative who answers for one scheme only", () => {
    expect(byId.get("C1")!.score!).toBeGreaterThan(byId.get("SON")!.score!);
    const hit = JSON.parse(byId.get("C1")!.explanation).hits[0];
    expect(hit.parties).toEqual([{ id: "DEAD", type: "person", name: "DEAD", part: expect.any(String) }]);
  });

  it("gives a minor subject a share of the alert's evidence", () => {
    const hits = JSON.parse(byId.get("C1")!.explanation).hits as { alertId: string; share: number; llr: number }[];
    const deceased = hits.find((h) => h.alertId === "DECEASED_PAYEE:G1")!;
    const son = JSON.parse(byId.get("SON")!.explanation).hits[0];
    expect(deceased.share).toBe(S.minorShare);
    expect(son.share).toBe(1);
    expect(deceased.llr).toBeCloseTo(son.llr * S.minorShare);
  });

  it("lets the village answer for what happened there, each alert once", () => {
    const village = scored.regions.find((r) => r.id === "V1")!;
    expect(village.hits).toBe(2);
  });
});

describe("verdicts", () => {
  const v = (n: number, status: "confirmed" | "dismissed") =>
    Array.from({ length: n }, (_, i) => ({ flag: "KIN_BENEFIT", alert: `KIN_BENEFIT:${status}${i}`, status, at: null }));

  it("moves a flag's weight with the verdicts, explained", () => {
    const down = flagWeight("KIN_BENEFIT", 0.7, v(10, "dismissed"), S);
    expect(down.weight).toBeCloseTo((20 * 0.7) / 30);
    expect(down.note).toContain("0 confirmed and 10 dismissed");
    expect(down.note).toContain("from 0.7 to 0.467");
    const up = flagWeight("KIN_BENEFIT", 0.7, v(10, "confirmed"), S);
    expect(up.weight).toBeGreaterThan(0.7);
    expect(flagWeight("KIN_BENEFIT", 0.7, [], S).weight).toBe(0.7);
  });

  it("keeps a few verdicts from silencing a flag", () => {
    const many = flagWeight("KIN_BENEFIT", 0.7, v(500, "dismissed"), S);
    expect(many.weight).toBeCloseTo(0.7 * S.verdictBounds.lower);
    expect(many.bounded).toBe(true);
    expect(flagLlr(many.weight, S.prior)).toBeGreaterThan(0);
  });

  it("is undone when the verdicts are taken back (derived from the current verdicts only)", () => {
    const before = flagWeight("KIN_BENEFIT", 0.7, v(3, "dismissed"), S).weight;
    expect(before).toBeLessThan(0.7);
    expect(flagWeight("KIN_BENEFIT", 0.7, [], S).weight).toBe(0.7);
  });
});

describe("money at stake of a ring member", () => {
  it("counts the member's own alerts' money, not the ring's sum of everyone's", () => {
    const weights = new Map(["KICKBACK", "COLLUSION_RING"].map((f) => [f, flagWeight(f, 0.6, [], S)]));
    const info = new Map(["C1", "C2"].map((id) => [id, { id, type: "person", name: id, community: 1, regions: ["V1"] }]));
    const alerts = weighAlerts(
      [
        alert({ id: "KICKBACK:1", flag: "KICKBACK", subjects: ["C1"], amount: 20_000 }),
        alert({ id: "KICKBACK:2", flag: "KICKBACK", subjects: ["C2"], amount: 80_000 }),
        alert({ id: "COLLUSION_RING:1", flag: "COLLUSION_RING", subjects: ["C1", "C2"], amount: 5_000_000 }),
      ],
      weights,
      emptyBaseline(),
      S,
    );
    const byId = new Map(scoreAll(alerts, info, new Map(), S, new Set(["COLLUSION_RING"])).entities.map((e) => [e.id, e]));
    expect(byId.get("C1")!.amount).toBe(20_000);
    // More money of one's own ranks higher; the ring's total no longer makes every member's equal.
    expect(byId.get("C2")!.score!).toBeGreaterThan(byId.get("C1")!.score!);
    const withRingMoney = new Map(scoreAll(alerts, info, new Map(), S).entities.map((e) => [e.id, e]));
    expect(withRingMoney.get("C1")!.amount).toBe(5_020_000);
  });
});
