// County baselines: how common each pattern is in this county, measured before the detectors run,
// so that a hit's strength follows how unusual it is here (identifier degree, program coverage,
// relatives per cadre, bid spread, lowest-bid wins, declared relations) and thresholds follow the
// county's own practice (the tender threshold). Stored on one (:Baseline {id: 'county'}) node.
import { cypher, type Graph } from "../../graph/index.ts";
import {
  coefficientOfVariation,
  type DegreeSummary,
  type LearnedThreshold,
  learnTenderThreshold,
  quantile,
  summariseDegrees,
} from "./baseline-math.ts";

export type IdentifierKind = "phone" | "address" | "account";

export interface ProgramInfo {
  name: string;
  meansTested: boolean;
}

export interface CountyBaseline {
  identifiers: Record<IdentifierKind, DegreeSummary>;
  /** Share of a region's households paid under a program in a year, by `program|region|year`. */
  coverage: Record<string, number>;
  /** Households (or persons, where households are not known) per region. */
  households: Record<string, number>;
  programs: Record<string, ProgramInfo>;
  /** Programs that usually pay a beneficiary more than once a year in one region: program → the
   *  number of payments that 98% of its beneficiaries' years stay within (only those above 1). */
  usualPayments: Record<string, number>;
  /** Preparers and deposit accounts serving two or more bidding companies: value → companies. */
  preparers: Record<string, number>;
  depositAccounts: Record<string, number>;
  /** Relatives of each cadre living in each region under the cadre's posts: cadre → region → count. */
  kin: Record<string, Record<string, number>>;
  /** Relatives per cadre in one region of its posts: county median and 90th percentile. */
  kinPerCadre: { median: number; p90: number; cadres: number };
  /** Coefficients of variation of the valid bids of projects with at least three, sorted, per
   *  township (`*`: the whole county). */
  bidSpread: Record<string, number[]>;
  /** Competed projects with at least three valid bids, and how many the lowest bid won. */
  lowestWins: { projects: number; lowest: number; share: number };
  tenderThreshold: LearnedThreshold | null;
  /** The spread below which bids count as not independent for the lowest-bid test: the county's
   *  10th percentile of bid spread (at least 0.5%). */
  independentCv: number | null;
  declared: { relations: number; declared: number; share: number };
}

/** The figures flag parameters may name as `learned:` (see cypher/flags/*.cypher). */
export function learnedParameters(b: CountyBaseline): Record<string, unknown> {
  const learned: Record<string, unknown> = {};
  if (b.tenderThreshold) learned.tenderThreshold = b.tenderThreshold.value;
  if (b.independentCv !== null) learned.independentCv = b.independentCv;
  // A detector parameter is a list of scalars: `program=payments`.
  learned.usualPayments = Object.entries(b.usualPayments).map(([program, payments]) => `${program}=${payments}`);
  return learned;
}

export function coverageKey(program: string, region: string, year: number | string): string {
  return `${program}|${region}|${year}`;
}

const DIRECT = new Set(["direct_award", "single_source"]);

export async function computeBaselines(graph: Graph): Promise<CountyBaseline> {
  const [identifiers, coverageRows, programRows, kinRows, projectRows, declaredRows, bidderRows] = await Promise.all([
    graph.read<{ kind: IdentifierKind; degree: number; identifiers: number }>(cypher("scores/baselines/identifiers.cypher")),
    graph.read<{ what: string; program: string | null; region: string; year: number | null; households: number; payments: number[] }>(
      cypher("scores/baselines/coverage.cypher"),
    ),
    graph.read<{ id: string; name: string; meansTested: boolean }>(cypher("scores/baselines/programs.cypher")),
    graph.read<{ cadre: string; region: string; relatives: number }>(cypher("scores/baselines/kin.cypher")),
    graph.read<{ method: string | null; amount: number | null; bids: number[]; own: number | null; township: string | null }>(cypher("scores/baselines/projects.cypher")),
    graph.read<{ relations: number; declared: number }>(cypher("scores/baselines/declared.cypher")),
    graph.read<{ kind: "preparer" | "deposit"; value: string; companies: number }>(cypher("scores/baselines/bidders.cypher")),
  ]);

  const byKind = (kind: IdentifierKind) => summariseDegrees(new Map(identifiers.filter((r) => r.kind === kind).map((r) => [r.degree, r.identifiers])));

  const households: Record<string, number> = {};
  for (const r of coverageRows) if (r.what === "region") households[r.region] = r.households;
  const coverage: Record<string, number> = {};
  for (const r of coverageRows) {
    if (r.what !== "paid" || r.program === null || r.year === null) continue;
    const total = households[r.region];
    if (total) coverage[coverageKey(r.program, r.region, r.year)] = Math.min(1, r.households / total);
  }

  const paymentCounts = new Map<string, number[]>();
  for (const r of coverageRows) {
    if (r.what !== "paid" || r.program === null) continue;
    const list = paymentCounts.get(r.program) ?? [];
    for (const n of r.payments) list.push(n);
    paymentCounts.set(r.program, list);
  }
  const usualPayments: Record<string, number> = {};
  for (const [program, counts] of paymentCounts) {
    const usual = quantile(counts.sort((a, b) => a - b), 0.98) ?? 1;
    if (Math.floor(usual) > 1) usualPayments[program] = Math.floor(usual);
  }

  const kin: Record<string, Record<string, number>> = {};
  for (const r of kinRows) (kin[r.cadre] ??= {})[r.region] = r.relatives;
  const perCadre = kinRows.map((r) => r.relatives).sort((a, b) => a - b);

  const spread: Record<string, number[]> = { "*": [] };
  let projects = 0;
  let lowest = 0;
  for (const p of projectRows) {
    if (p.bids.length < 3) continue;
    const cv = coefficientOfVariation(p.bids);
    if (cv === undefined) continue;
    spread["*"]!.push(cv);
    if (p.township) (spread[p.township] ??= []).push(cv);
    projects += 1;
    if (p.own !== null && p.bids.every((x) => p.own! <= x)) lowest += 1;
  }
  for (const list of Object.values(spread)) list.sort((a, b) => a - b);
  const p10 = quantile(spread["*"]!, 0.1);

  const awards = projectRows
    .filter((p) => p.amount !== null && p.method !== null)
    .map((p) => ({ amount: p.amount!, direct: DIRECT.has(p.method!) }));

  const declared = declaredRows[0] ?? { relations: 0, declared: 0 };
  return {
    identifiers: { phone: byKind("phone"), address: byKind("address"), account: byKind("account") },
    coverage,
    households,
    programs: Object.fromEntries(programRows.map((p) => [p.id, { name: p.name, meansTested: p.meansTested }])),
    usualPayments,
    preparers: Object.fromEntries(bidderRows.filter((r) => r.kind === "preparer").map((r) => [r.value, r.companies])),
    depositAccounts: Object.fromEntries(bidderRows.filter((r) => r.kind === "deposit").map((r) => [r.value, r.companies])),
    kin,
    kinPerCadre: { median: quantile(perCadre, 0.5) ?? 0, p90: quantile(perCadre, 0.9) ?? 0, cadres: Object.keys(kin).length },
    bidSpread: spread,
    lowestWins: { projects, lowest, share: projects === 0 ? 0 : lowest / projects },
    tenderThreshold: learnTenderThreshold(awards) ?? null,
    independentCv: p10 === undefined || spread["*"]!.length < 10 ? null : Math.max(0.005, p10),
    declared: { ...declared, share: declared.relations === 0 ? 0 : declared.declared / declared.relations },
  };
}

export async function storeBaselines(graph: Graph, runId: string, b: CountyBaseline): Promise<void> {
  await graph.write(cypher("scores/baselines/write.cypher"), {
    runId,
    figures: JSON.stringify(b),
    tenderThreshold: b.tenderThreshold?.value ?? null,
    independentCv: b.independentCv,
  });
}

/** The baselines stored by the last run, or undefined before any. */
export async function readBaselines(graph: Graph): Promise<CountyBaseline | undefined> {
  const [row] = await graph.read<{ figures: string | null }>(cypher("scores/baselines/read.cypher"));
  return row?.figures ? (JSON.parse(row.figures) as CountyBaseline) : undefined;
}
