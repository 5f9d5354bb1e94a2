// `npm run rescore -- <dump dir>`: scores the counties an `npm run evaluate -- --dump <dir>` run
// saved again with the current scores stage (flag weights, county discounts, grouping, display
// map), without Neo4j, and prints the evaluation tables. The detectors' alerts stay as they were
// (COLLUSION_RING's included): a quick loop for the scoring arithmetic, never a substitute for
// `npm run evaluate`, whose figures are the ones reported. `--top N` also prints, per county, the
// first N entities that are not culprits with the groups that put them there.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { evaluateRanking, groundTruth, type RankedEntity } from "../analytics/evaluate/evaluate.ts";
import { type CountyResult, reportTables } from "../analytics/evaluate/report.ts";
import { loadFlags } from "../analytics/flags/registry.ts";
import type { CountyBaseline } from "../analytics/scores/baselines.ts";
import { DEFAULT_SCORE_SETTINGS, derivedFlags, emptyBaseline } from "../analytics/scores/index.ts";
import { type AlertInput, type EntityInfo, parseFacts, scoreAll, weighAlerts } from "../analytics/scores/explain.ts";
import { flagWeight } from "../analytics/scores/weights.ts";

interface Inputs {
  folder: string;
  ids: { id: string; community: number | null }[];
  alerts: (Omit<AlertInput, "facts"> & { facts: string[] })[];
  info: EntityInfo[];
  baseline: CountyBaseline | null;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "0" }, k: { type: "string", default: "100" }, settings: { type: "string" }, weights: { type: "string" } } });
const dir = positionals[0];
if (!dir) {
  console.error("usage: npm run rescore -- <dump dir> [--top N]");
  process.exit(2);
}
const k = Number(values.k);
const top = Number(values.top);
// `--settings '{"repeat":0.1}'` and `--weights '{"COLLUSION_RING":0.1}'` try other settings and flag weights.
const s = { ...DEFAULT_SCORE_SETTINGS, ...(JSON.parse(values.settings ?? "{}") as Partial<typeof DEFAULT_SCORE_SETTINGS>) };
const flagWeights = JSON.parse(values.weights ?? "{}") as Record<string, number>;
const weights = new Map(loadFlags().map((f) => [f.id, flagWeight(f.id, flagWeights[f.id] ?? f.weight, [], s)]));

const results: CountyResult[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".inputs.json")).sort()) {
  const name = file.replace(/\.inputs\.json$/, "").replace("-", ":");
  const inputs = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Inputs;
  const t0 = performance.now();
  const alerts = weighAlerts(
    inputs.alerts.map((a) => ({ ...a, facts: parseFacts(a.facts) })),
    weights,
    inputs.baseline ?? emptyBaseline(),
    s,
  );
  const info = new Map(inputs.info.map((e) => [e.id, e]));
  const scored = new Map(scoreAll(alerts, info, new Map(), s, derivedFlags()).entities.map((e) => [String(e.id), e]));
  const ranking: RankedEntity[] = inputs.ids.map(({ id, community }) => {
    const e = scored.get(id);
    return { id, community, score: e?.score ?? 0, scored: e?.score !== null && e?.score !== undefined, alerts: e?.alertIds ?? [] };
  });
  const hits = alerts.map((a) => ({ flag: a.flag, alert: a.id, subjects: a.subjects }));
  const evaluation = await evaluateRanking(ranking, hits, inputs.folder, { k });
  results.push({ name, evaluation, seconds: { import: null, analysis: (performance.now() - t0) / 1000 } });
  if (top > 0) {
    const universe = new Set(ranking.map((r) => r.id));
    const truth = await groundTruth(inputs.folder, (id) => universe.has(id));
    const kinds = new Map<string, string>();
    for (const line of readFileSync(path.join(inputs.folder, "lookalikes.csv"), "utf8").split("\n").slice(1)) {
      const [, kind, id] = line.trim().split(",");
      if (id) kinds.set(id, kind!);
    }
    const cut = Math.ceil(ranking.length * 0.05);
    const ordered = [...ranking].filter((r) => r.scored).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const strongest = (id: string) => {
      const x = JSON.parse(scored.get(id)!.explanation) as { groups: { flag: string; counted: number }[] };
      return x.groups.map((g) => `${g.flag}:${g.counted.toFixed(1)}`).slice(0, 3).join("+");
    };
    const tally = new Map<string, number>();
    for (const r of ordered.slice(0, cut)) {
      if (truth.positives.has(r.id) || !kinds.has(r.id)) continue;
      const key = `${kinds.get(r.id)} <- ${strongest(r.id).split("+")[0]!.split(":")[0]}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    console.log(`\n### ${name}: ${ordered.length} scored; score at rank ${k} ${ordered[k - 1]?.score.toFixed(2)}, at rank ${cut} ${ordered[cut - 1]?.score.toFixed(2) ?? "–"}; look-alikes within the top 5% by kind <- strongest flag\n`);
    for (const [key, n] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`${n}\t${key}`);
    console.log(`\n### ${name}: culprits below the top 5%\n`);
    const rankOf = new Map(ordered.map((r, i) => [r.id, i + 1]));
    for (const id of truth.positives) {
      const rank = rankOf.get(id);
      if (rank !== undefined && rank <= cut) continue;
      const roles = truth.labels.filter((l) => l.entity === id).map((l) => `${l.typology}:${l.role}`).join(",");
      console.log(`${id} rank ${rank ?? "unscored"} ${roles} ${rank ? strongest(id) : ""}`);
    }
    const byId = new Map(ranking.map((r) => [r.id, r]));
    const tied = new Map<number, string[]>();
    for (const r of ordered.slice(0, k)) tied.set(r.score, [...(tied.get(r.score) ?? []), r.id]);
    for (const [score, ids] of tied) if (ids.length > 1) console.log(`tie at ${score.toFixed(4)}: ${ids.map((id) => `${id}${truth.positives.has(id) ? "+" : ""} ${strongest(id)}`).join(" | ")}`);
    const sorted = [...ranking].filter((r) => r.scored).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    console.log(`\n### ${name}: first ${top} that are not culprits\n`);
    let shown = 0;
    for (const [i, r] of sorted.entries()) {
      if (truth.positives.has(r.id)) continue;
      if (shown++ >= top) break;
      const x = JSON.parse(scored.get(r.id)!.explanation) as { groups: { flag: string; alerts: number; counted: number }[]; hits: { flag: string; share: number; discount: number; confidence: number }[] };
      const kind = truth.lookalikes.has(r.id) ? "LOOKALIKE" : truth.parties.has(r.id) ? "party" : "";
      const groups = x.groups.map((g) => `${g.flag}×${g.alerts}:${g.counted.toFixed(2)}`).join(" ");
      console.log(`${i + 1}. ${r.id} ${byId.get(r.id)!.score.toFixed(2)} ${kind} ${groups}`);
    }
  }
}
console.log(reportTables(results, k, "rescored offline, "));
