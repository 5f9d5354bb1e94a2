// The evaluation report as Markdown (pasted as is into BENCHMARKS.md): per county, the minimum and
// median over the counties, per typology, the calibration table, and the triage simulation.
import { type Band, calibrate } from "./calibration.ts";
import type { Evaluation } from "./evaluate.ts";

export interface CountyResult {
  name: string;
  evaluation: Evaluation;
  seconds: { import: number | null; analysis: number };
  /** Seconds per analysis stage, as the run recorded them (flags summed over the detectors). */
  stages?: Record<string, number>;
}

export interface TriageReport {
  name: string;
  k: number;
  confirmed: number;
  dismissed: number;
  before: Evaluation;
  after: Evaluation;
  /** Precision of the first k entities the inspector had not triaged, before and after. */
  freshBefore: number;
  freshAfter: number;
  weights: Record<string, number>;
}

export function markdown(header: string[], rows: (string | number)[][]): string {
  const cell = (c: string | number) => String(c).replaceAll("|", "\\|");
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

const f3 = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(3));

export function median(xs: readonly number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const min = (xs: readonly number[]) => Math.min(...xs.filter((x) => !Number.isNaN(x)));
const max = (xs: readonly number[]) => Math.max(...xs.filter((x) => !Number.isNaN(x)));

/** Look-alikes within the top fraction as a share of the county's look-alikes. */
const lookalikeShare = (e: Evaluation) => e.lookalikeFpr;

export function countyTable(results: readonly CountyResult[], k: number): string {
  return markdown(
    ["county", "entities", "culprits", `precision@${k}`, "recall@5%", "recall ceiling", "scheme recall@5%", "ROC AUC", "look-alikes in top 5%", "parties in top 5%", `parties in top ${k}`, `ties in top ${k}`, "import s", "analysis s"],
    results.map((r) => {
      const e = r.evaluation;
      return [
        r.name,
        e.entities,
        e.positives,
        f3(e.precisionAtK),
        f3(e.recall),
        f3(e.recallCeiling),
        f3(e.schemeRecall),
        f3(e.auc),
        `${e.lookalikesInTop.toFixed(1)} of ${e.lookalikes} (${f3(lookalikeShare(e))})`,
        `${e.partiesInTop.toFixed(1)} of ${e.parties}`,
        e.partiesInK.toFixed(1),
        e.tiesInK,
        r.seconds.import?.toFixed(1) ?? "reused",
        r.seconds.analysis.toFixed(1),
      ];
    }),
  );
}

/** Minimum (the worst county: the maximum for look-alikes, parties and ties) and median, per source and overall. */
export function summaryTable(results: readonly CountyResult[], k: number): string {
  const groups = new Map<string, CountyResult[]>();
  for (const r of results) {
    const source = r.name.split(":")[0]!;
    groups.set(source, [...(groups.get(source) ?? []), r]);
  }
  if (groups.size > 1) groups.set("all", [...results]);
  // Per metric, whether higher is better: the worst county is the minimum of those, the maximum of the others.
  const metrics: [(x: Evaluation) => number, boolean, (x: number) => string | number][] = [
    [(x) => x.precisionAtK, true, f3],
    [(x) => x.recall, true, f3],
    [(x) => x.recallCeiling, true, f3],
    [(x) => x.auc, true, f3],
    [lookalikeShare, false, f3],
    [(x) => (x.parties ? x.partiesInTop / x.parties : 0), false, f3],
    [(x) => x.tiesInK, false, (x) => x],
  ];
  const rows: (string | number)[][] = [];
  for (const [source, list] of groups) {
    const e = list.map((r) => r.evaluation);
    rows.push([source, list.length, "worst", ...metrics.map(([g, up, show]) => show(up ? min(e.map(g)) : max(e.map(g))))]);
    rows.push([source, list.length, "median", ...metrics.map(([g, , show]) => show(median(e.map(g))))]);
  }
  return markdown(["source", "counties", "", `precision@${k}`, "recall@5%", "recall ceiling", "ROC AUC", "look-alike share in top 5%", "party share in top 5%", `ties in top ${k}`], rows);
}

export function typologyTable(results: readonly CountyResult[]): string {
  const typologies = [...new Set(results.flatMap((r) => r.evaluation.typologies.map((t) => t.typology)))].sort();
  return markdown(
    ["typology", "instances", "culprits", "culprit recall@5%", "instance recall@5%", "flag precision", "alerts"],
    typologies.map((t) => {
      const rows = results.flatMap((r) => r.evaluation.typologies.filter((x) => x.typology === t));
      const sum = (g: (x: (typeof rows)[number]) => number) => rows.reduce((a, x) => a + g(x), 0);
      const entities = sum((x) => x.entities);
      const instances = sum((x) => x.instances);
      const alerts = sum((x) => x.alerts);
      const precise = sum((x) => (x.flagPrecision ?? 0) * x.alerts);
      return [t, instances, entities, f3(sum((x) => x.recall * x.entities) / entities), f3(sum((x) => x.instanceRecall * x.instances) / instances), f3(alerts ? precise / alerts : null), alerts];
    }),
  );
}

/** Scored entities of every county pooled; unscored ones are a row of their own. */
export function calibrationBands(results: readonly CountyResult[]): { bands: Band[]; unscored: { entities: number; culprits: number } } {
  const all = results.flatMap((r) => r.evaluation.scored);
  const scored = all.filter((p) => p.score > 0);
  const unscored = all.filter((p) => p.score <= 0);
  return { bands: calibrate(scored), unscored: { entities: unscored.length, culprits: unscored.filter((p) => p.positive).length } };
}

export function calibrationTable(results: readonly CountyResult[]): string {
  const { bands, unscored } = calibrationBands(results);
  return markdown(
    ["score", "entities", "culprits", "observed share", "fitted share (isotonic)"],
    [
      ["no alert", unscored.entities, unscored.culprits, f3(unscored.entities ? unscored.culprits / unscored.entities : null), "–"],
      ...bands.map((b) => [`${b.from}–${b.to}`, b.entities, b.culprits, f3(b.observed), f3(b.fitted)]),
    ],
  );
}

export function triageTable(reports: readonly TriageReport[]): string {
  return markdown(
    ["county", "triaged", "confirmed", "dismissed", "precision@k before → after", "next-k precision before → after", "recall@5% before → after", "AUC before → after", "look-alikes in top 5% before → after", "weights moved"],
    reports.map((t) => [
      t.name,
      t.k,
      t.confirmed,
      t.dismissed,
      `${f3(t.before.precisionAtK)} → ${f3(t.after.precisionAtK)}`,
      `${f3(t.freshBefore)} → ${f3(t.freshAfter)}`,
      `${f3(t.before.recall)} → ${f3(t.after.recall)}`,
      `${f3(t.before.auc)} → ${f3(t.after.auc)}`,
      `${t.before.lookalikesInTop.toFixed(1)} → ${t.after.lookalikesInTop.toFixed(1)}`,
      Object.entries(t.weights)
        .map(([flag, w]) => `${flag} ${w.toFixed(2)}`)
        .join(", "),
    ]),
  );
}

/** Precision of the first k scored entities outside `skip`. */
export function freshPrecision(e: Evaluation, skip: ReadonlySet<string>, k: number): number {
  const list = e.scored
    .filter((p) => p.score > 0 && !skip.has(p.id))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, k);
  return list.length ? list.filter((p) => p.positive).length / list.length : Number.NaN;
}

/** Seconds per analysis stage: the detectors of the first stage summed, then each later stage. */
export function stageSeconds(seconds: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { baselines: 0, flags: 0, communities: 0, weigh: 0, ring: 0, scores: 0 };
  for (const [stage, s] of Object.entries(seconds)) {
    if (stage === "flag:COLLUSION_RING") out.ring! += s;
    else if (stage.startsWith("flag:")) out.flags! += s;
    else out[stage] = (out[stage] ?? 0) + s;
  }
  return out;
}

export function stageTable(results: readonly CountyResult[]): string {
  const stages = [...new Set(results.flatMap((r) => Object.keys(r.stages ?? {})))];
  return markdown(
    ["county", ...stages.map((s) => `${s} s`), "analysis s"],
    results.map((r) => [r.name, ...stages.map((s) => r.stages?.[s]?.toFixed(1) ?? "–"), r.seconds.analysis.toFixed(1)]),
  );
}

/** The whole report: per county, worst and median, per typology, stage times (when recorded) and calibration. */
export function reportTables(results: readonly CountyResult[], k: number, note = ""): string {
  const out = [`## Detection quality per county (${note}k = ${k}, top 5%)`, countyTable(results, k), "## Worst county and median", summaryTable(results, k), "## Per typology (all counties pooled)", typologyTable(results)];
  if (results.some((r) => r.stages)) out.push("## Analysis time per stage (seconds)", stageTable(results));
  out.push("## Calibration: share of culprits per score band (all counties pooled)", calibrationTable(results));
  return `\n${out.join("\n\n")}`;
}
