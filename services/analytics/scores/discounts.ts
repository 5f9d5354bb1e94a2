// County discounts: how much of an alert's evidence survives once the pattern is weighed against how
// common it is in this county. Each discount is a factor in (0, 1] on the alert's log likelihood
// ratio, with the figures that justify it, shown in the explanation. Pure functions of the alert's
// facts (see cypher/analysis/alerts-write.cypher) and the county baselines (baselines.ts).
import { shareAtOrBelow } from "./baseline-math.ts";
import { type CountyBaseline, coverageKey, type IdentifierKind } from "./baselines.ts";
import type { ScoreSettings } from "./defaults.ts";

export type DiscountKind =
  | "identifier_degree"
  | "shared_preparer"
  | "shared_deposit_account"
  | "shared_officer"
  | "program_coverage"
  | "relatives_in_region"
  | "bid_spread"
  | "lowest_bid_wins"
  | "independent_losses"
  | "declared_recused"
  | "learned_threshold";

export interface Discount {
  kind: DiscountKind;
  /** Factor on the alert's evidence, in (0, 1]; 1 for a figure shown without a discount. */
  factor: number;
  /** The figures behind the factor, in words. */
  note: string;
  figures: Record<string, number | string | null>;
}

/** An alert as the scores stage reads it: its facts parsed from `name=value` strings. */
export interface FactsOf {
  flag: string;
  confidence: number;
  facts: Readonly<Record<string, string>>;
}

export interface DiscountContext {
  baseline: CountyBaseline;
  settings: ScoreSettings;
  /** KIN_BENEFIT: the distinct relatives each cadre is flagged for, by `cadre|program|year`. */
  kinBenefits: ReadonlyMap<string, ReadonlySet<string>>;
}

const pct = (x: number) => `${(100 * x).toFixed(x < 0.01 ? 2 : 1)}%`;
const clamp = (x: number, floor: number) => Math.min(1, Math.max(floor, x));
const num = (facts: Readonly<Record<string, string>>, name: string): number | undefined => {
  const v = facts[name];
  if (v === undefined || v === "") return undefined;
  const x = Number(v);
  return Number.isFinite(x) ? x : undefined;
};

/**
 * A shared identifier with `degree` holders ties d(d−1)/2 pairs; one held by the county's usual
 * number of sharers (`reference`) ties r(r−1)/2. The evidence that two given holders are tied on
 * purpose falls as the ratio of the two: an agent's address held by twelve firms says little about
 * any two of them.
 */
export function identifierDegreeFactor(degree: number, reference: number): number {
  if (degree <= reference) return 1;
  return (reference * (reference - 1)) / (degree * (degree - 1));
}

export function identifierDiscount(kind: IdentifierKind, degree: number, b: CountyBaseline, s: ScoreSettings): Discount {
  const d = b.identifiers[kind];
  const factor = clamp(identifierDegreeFactor(degree, d.reference), s.floor);
  return {
    kind: "identifier_degree",
    factor,
    note: `the shared ${kind} has ${degree} holders; in this county a shared ${kind} usually has ${d.reference} (median of ${d.shared}, 90th percentile ${d.p90}, most ${d.max})`,
    figures: { kind, degree, reference: d.reference, p90: d.p90, max: d.max, shared: d.shared },
  };
}

/**
 * A preparer, deposit account or identifier that `holders` firms use county-wide, shared here by
 * `shared` of the bidders: of the holders' pairs, only the pairs among these bidders are this tender's
 * business. A bidding agency serving fifteen firms, two of which bid here, says little about them.
 */
export function sharedAmongFactor(shared: number, holders: number): number {
  if (holders <= shared || shared < 2) return 1;
  return (shared * (shared - 1)) / (holders * (holders - 1));
}

function sharedAmong(kind: "identifier_degree" | "shared_preparer" | "shared_deposit_account" | "shared_officer", what: string, shared: number, holders: number, s: ScoreSettings): Discount {
  return {
    kind,
    factor: clamp(sharedAmongFactor(shared, holders), s.floor),
    note: `${what} is shared by ${shared} of the bidders here and used by ${holders} firms in this county`,
    figures: { shared, holders },
  };
}

/** ln(1/p) / ln(1/rare), clamped: evidence of a pattern seen in a share p of comparable cases. */
export function rarityFactor(p: number, rare: number, floor: number): number {
  if (!(p > 0)) return 1;
  return clamp(Math.log(1 / p) / Math.log(1 / rare), floor);
}

/** A relative's grant under a program most households of the village receive is no favour. */
export function coverageDiscount(program: string, region: string, year: string, b: CountyBaseline, s: ScoreSettings): Discount | undefined {
  const p = b.coverage[coverageKey(program, region, year)];
  if (p === undefined) return undefined;
  const info = b.programs[program];
  return {
    kind: "program_coverage",
    factor: rarityFactor(p, s.rareCoverage, s.floor),
    note: `${info?.name ?? program}${info?.meansTested ? " (means-tested)" : ""} reached ${pct(p)} of the households of ${region} in ${year}; a grant reaching ${pct(s.rareCoverage)} or fewer counts fully`,
    figures: { program, region, year, coverage: p, households: b.households[region] ?? null },
  };
}

/**
 * A cadre with many relatives where he holds posts (a clan village) has some of them on any
 * program by chance: the expected number is Σ relatives in each region × the program's coverage
 * there. Of the relatives flagged, only those beyond that expectation count.
 */
export function relativesDiscount(cadre: string, program: string, year: string, observed: number, b: CountyBaseline, s: ScoreSettings): Discount | undefined {
  const regions = b.kin[cadre];
  if (!regions || observed <= 0) return undefined;
  let expected = 0;
  let relatives = 0;
  for (const [region, n] of Object.entries(regions)) {
    relatives += n;
    expected += n * (b.coverage[coverageKey(program, region, year)] ?? 0);
  }
  if (expected <= 0) return undefined;
  return {
    kind: "relatives_in_region",
    factor: clamp((observed - expected) / observed, s.floor),
    note: `${cadre} has ${relatives} relatives where he holds posts (county median ${b.kinPerCadre.median} per region); by the program's coverage ${expected.toFixed(1)} of them would receive it in ${year} by chance, and ${observed} did`,
    figures: { cadre, program, year, relatives, expected, observed, countyMedian: b.kinPerCadre.median },
  };
}

/** Close bids are a sign of arrangement only where bids are not usually this close. */
export function spreadDiscount(cv: number, township: string | undefined, b: CountyBaseline, s: ScoreSettings): Discount | undefined {
  const local = township ? b.bidSpread[township] : undefined;
  const where = local && local.length >= 10 ? township! : "*";
  const sorted = b.bidSpread[where] ?? [];
  if (sorted.length < 10) return undefined;
  const share = shareAtOrBelow(sorted, cv);
  return {
    kind: "bid_spread",
    factor: rarityFactor(share, s.rareSpread, s.floor),
    note: `the bids' coefficient of variation ${cv.toFixed(4)} is at or above ${pct(share)} of the ${sorted.length} competed projects ${where === "*" ? "of the county" : `of township ${where}`}`,
    figures: { cv, township: where, projects: sorted.length, share },
  };
}

/** A firm that wins with the lowest of several independent bids competes; it does not capture. */
export function lowestBidDiscount(wins: number, lowestWins: number, b: CountyBaseline, s: ScoreSettings): Discount | undefined {
  if (wins <= 0 || lowestWins <= 0) return undefined;
  const share = lowestWins / wins;
  return {
    kind: "lowest_bid_wins",
    factor: clamp(1 - share, s.floor),
    note: `${lowestWins} of its ${wins} wins went to the lowest of several independent bids (in this county the lowest bid wins ${pct(b.lowestWins.share)} of ${b.lowestWins.projects} competed projects)`,
    figures: { wins, lowestWins, countyShare: b.lowestWins.share },
  };
}

/** A firm that bids often and never wins is no cover bidder when it lost to the lowest of several independent bids. */
export function independentLossesDiscount(lost: number, independent: number, b: CountyBaseline, s: ScoreSettings): Discount | undefined {
  if (lost <= 0 || independent <= 0) return undefined;
  const share = independent / lost;
  return {
    kind: "independent_losses",
    factor: clamp(1 - share, s.floor),
    note: `${independent} of its ${lost} losses were to the lowest of several independent bids (in this county the lowest bid wins ${pct(b.lowestWins.share)} of ${b.lowestWins.projects} competed projects)`,
    figures: { lost, independent, countyShare: b.lowestWins.share },
  };
}

/** A relation filed with the supervisor, where the cadre left the decision to someone else. */
export function recusedDiscount(b: CountyBaseline, s: ScoreSettings): Discount {
  return {
    kind: "declared_recused",
    factor: s.recusedFactor,
    note: `the relation was declared and the cadre did not sign (recused); ${b.declared.declared} of ${b.declared.relations} cadre relations in this county are declared`,
    figures: { declared: b.declared.declared, relations: b.declared.relations },
  };
}

export function thresholdNote(b: CountyBaseline): Discount | undefined {
  const t = b.tenderThreshold;
  if (!t) return undefined;
  return {
    kind: "learned_threshold",
    factor: 1,
    note: `tender threshold ${t.value} yuan learned from the county's ${t.direct} direct and ${t.competed} competed awards (largest direct award below it ${t.maxDirectBelow ?? "–"}, smallest competed from it ${t.minCompetedFrom ?? "–"}, ${t.exceptions} exceptions)`,
    figures: { threshold: t.value, direct: t.direct, competed: t.competed, exceptions: t.exceptions },
  };
}

function isIdentifierKind(x: string | undefined): x is IdentifierKind {
  return x === "phone" || x === "address" || x === "account";
}

const product = (ds: readonly Discount[]) => ds.reduce((p, d) => p * d.factor, 1);

/**
 * The county discounts of one alert and the factor they apply together (usually their product;
 * BID_RIGGING takes its strongest sign after each kind of sign is discounted).
 */
export function discountsOf(alert: FactsOf, ctx: DiscountContext): { factor: number; discounts: Discount[] } {
  const { baseline: b, settings: s } = ctx;
  const f = alert.facts;
  const ds: Discount[] = [];
  const recused = f.declared === "true" && f.form === "in_post";
  switch (alert.flag) {
    case "KIN_BENEFIT": {
      if (f.program && f.region && f.year) {
        const c = coverageDiscount(f.program, f.region, f.year, b, s);
        if (c) ds.push(c);
        if (f.self !== "true" && f.cadre) {
          const observed = ctx.kinBenefits.get(`${f.cadre}|${f.program}|${f.year}`)?.size ?? 1;
          const r = relativesDiscount(f.cadre, f.program, f.year, observed, b, s);
          if (r) ds.push(r);
        }
      }
      if (recused) ds.push(recusedDiscount(b, s));
      break;
    }
    case "KIN_CONTRACT":
    case "KICKBACK":
    case "DUPLICATE_BENEFIT":
      if (recused) ds.push(recusedDiscount(b, s));
      break;
    case "HIDDEN_TIE": {
      const degree = num(f, "idDegree");
      if (isIdentifierKind(f.idKind) && degree !== undefined) ds.push(identifierDiscount(f.idKind, degree, b, s));
      if (recused) ds.push(recusedDiscount(b, s));
      break;
    }
    case "DOMINANT_WINNER": {
      const d = lowestBidDiscount(num(f, "wins") ?? 0, num(f, "lowestWins") ?? 0, b, s);
      if (d) ds.push(d);
      break;
    }
    case "SPLIT_PURCHASE":
    case "SINGLE_BID": {
      if (alert.flag === "SPLIT_PURCHASE" || f.form === "direct") {
        const t = thresholdNote(b);
        if (t) ds.push(t);
      }
      break;
    }
    case "BID_RIGGING": {
      if (f.form === "cover") {
        const d = independentLossesDiscount(num(f, "lost") ?? 0, num(f, "independentLosses") ?? 0, b, s);
        if (d) ds.push(d);
        break;
      }
      // Each kind of sign is discounted on its own; the alert keeps its strongest sign.
      const signs: number[] = [num(f, "signTie") ?? 0];
      const weigh = (confidence: number, d: Discount | undefined) => {
        if (confidence <= 0) return;
        if (d && d.factor < 1) ds.push(d);
        signs.push(confidence * (d?.factor ?? 1));
      };
      const idDegree = num(f, "idDegree");
      weigh(num(f, "signId") ?? 0, idDegree !== undefined ? sharedAmong("identifier_degree", `the ${f.idKind ?? "identifier"}`, num(f, "idShared") ?? 2, idDegree, s) : undefined);
      const depositHolders = f.depositAccount ? b.depositAccounts[f.depositAccount] : undefined;
      weigh(num(f, "signDeposit") ?? 0, depositHolders ? sharedAmong("shared_deposit_account", `deposit account ${f.depositAccount}`, num(f, "depositShared") ?? 2, depositHolders, s) : undefined);
      const preparerHolders = f.preparer ? b.preparers[f.preparer] : undefined;
      weigh(num(f, "signPreparer") ?? 0, preparerHolders ? sharedAmong("shared_preparer", `preparer ${f.preparer}`, num(f, "preparerShared") ?? 2, preparerHolders, s) : undefined);
      // An officer of the bidders here who holds roles in one firm more is still their owner; one on
      // the books of many firms (a bookkeeper, a registration agent) ties any two of them weakly.
      const officerFirms = num(f, "officerFirms");
      const officerShared = num(f, "officerShared") ?? 2;
      weigh(
        num(f, "signOfficer") ?? 0,
        officerFirms !== undefined && officerFirms > officerShared + 1 ? sharedAmong("shared_officer", `officer ${f.officer ?? ""}`.trim(), officerShared, officerFirms, s) : undefined,
      );
      const cv = num(f, "cv");
      weigh(num(f, "signPrice") ?? 0, cv !== undefined ? spreadDiscount(cv, f.township, b, s) : undefined);
      const strongest = Math.max(...signs);
      if (alert.confidence > 0 && strongest > 0) return { factor: clamp(strongest / alert.confidence, s.floor), discounts: ds };
      break;
    }
    default:
      break;
  }
  return { factor: clamp(product(ds), s.floor), discounts: ds };
}
