// Orchestrator: draws each county's style, plans it, then generates it township by township (people,
// posts, firms, accounts, assets, grants, projects, transfers, planted schemes, look-alikes, tips,
// cases), writing every township out before the next starts so memory stays bounded at any scale.
import fs from "node:fs";
import path from "node:path";
import { Rng } from "./rng.ts";
import { SCALES, type ScaleName } from "./scale.ts";
import { drawStyle, profileLine, type CountyStyle } from "./style.ts";
import { planCounty, RegionIds } from "./geography.ts";
import { Output } from "./output.ts";
import { PROGRAM_LIST } from "./programs.ts";
import { CountyState, RunState, TownshipState } from "./world.ts";
import { buildPopulation } from "./population.ts";
import { openPersonAccounts, backgroundTransfers } from "./money.ts";
import { assignCadres } from "./cadres.ts";
import { createCooperatives, createCountyCompanies, fillCountyOfficers } from "./companies.ts";
import { backgroundAssets, companyAssets } from "./assets.ts";
import { backgroundGrants } from "./grants.ts";
import { backgroundProjects } from "./projects.ts";
import { SchemePlanner } from "./schemes/index.ts";
import { topUpDominant } from "./schemes/dominantWinner.ts";
import { plantLookalikes } from "./lookalikes.ts";
import { countyLookalikes, listConfounders } from "./confounders.ts";
import { backgroundTips, schemeTips } from "./tips.ts";
import { pastCases } from "./cases.ts";

export interface GenerateOptions {
  scale: ScaleName;
  seed: number;
  out: string;
  /** Called after each township is written: townships done, and in all. */
  onProgress?: (done: number, total: number) => void;
}

/** Bumped whenever the generator's output changes shape or meaning, so cached bundles are redrawn. */
export const GENERATOR_VERSION = 2;

export interface GenerateResult {
  bundleDir: string;
  labelsPath: string;
  lookalikesPath: string;
  partiesPath: string;
  /** profile.txt: one line per county saying how it was drawn; styles.json: the same, every parameter. */
  profilePath: string;
  profiles: string[];
  styles: CountyStyle[];
  rows: Record<string, number>;
  seconds: number;
}

export async function generateCounty(opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const spec = SCALES[opts.scale];
  if (spec === undefined) throw new Error(`unknown scale ${String(opts.scale)}`);
  const bundleDir = path.join(opts.out, "bundle");
  const out = new Output(bundleDir, opts.out);
  const profiles: string[] = [];
  const styles: CountyStyle[] = [];
  try {
    const run = new RunState(opts.seed, spec);
    const regionIds = new RegionIds();
    let townshipsDone = 0;
    out.programs(PROGRAM_LIST);
    for (let c = 0; c < spec.counties; c++) {
      const style = drawStyle(opts.seed, spec, c);
      styles.push(style);
      const plan = planCounty(new Rng(opts.seed, "plan", c), spec, style, c, regionIds);
      out.regions(plan);
      const county = new CountyState(run, plan, style);
      createCountyCompanies(county);
      const planner = new SchemePlanner(county);
      for (const t of plan.townships) {
        const tw = new TownshipState(county, t);
        buildPopulation(tw);
        openPersonAccounts(tw);
        assignCadres(tw);
        if (t.seat) fillCountyOfficers(tw);
        createCooperatives(tw);
        backgroundAssets(tw);
        backgroundGrants(tw);
        backgroundProjects(tw);
        backgroundTransfers(tw);
        planner.plant(tw, t.index === plan.townships.length - 1);
        plantLookalikes(tw);
        topUpDominant(tw, tw.rng.fork("dominant-top-up"));
        listConfounders(tw);
        schemeTips(tw);
        backgroundTips(tw);
        pastCases(tw);
        county.persons += tw.emitted.length;
        out.township(tw);
        opts.onProgress?.(++townshipsDone, spec.counties * plan.townships.length);
        // Yield between townships so a long province run does not starve the event loop.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const crng = county.rng.fork("company-assets");
      for (const co of county.companies) companyAssets(county, crng, co);
      countyLookalikes(county);
      out.county(county);
      const villages = plan.townships.reduce((a, t) => a + t.villages.filter((v) => !v.community).length, 0);
      profiles.push(profileLine(`${plan.name} (seed ${opts.seed})`, style, villages, county.persons));
    }
  } finally {
    out.close();
  }
  const profilePath = path.join(opts.out, "profile.txt");
  fs.writeFileSync(profilePath, profiles.map((l) => l + "\n").join(""));
  fs.writeFileSync(path.join(opts.out, "styles.json"), JSON.stringify(styles, (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v), 1) + "\n");
  fs.writeFileSync(path.join(opts.out, "generator.json"), JSON.stringify(stamp(opts)) + "\n");
  return {
    bundleDir, labelsPath: path.join(opts.out, "labels.csv"), lookalikesPath: path.join(opts.out, "lookalikes.csv"),
    partiesPath: path.join(opts.out, "parties.csv"), profilePath, profiles, styles, rows: out.rows(), seconds: (performance.now() - started) / 1000,
  };
}

function stamp(opts: GenerateOptions): { version: number; scale: ScaleName; seed: number } {
  return { version: GENERATOR_VERSION, scale: opts.scale, seed: opts.seed };
}

/** True when `opts.out` holds a finished bundle of this generator version, scale and seed. */
export function isGenerated(opts: GenerateOptions): boolean {
  try {
    return fs.readFileSync(path.join(opts.out, "generator.json"), "utf8") === JSON.stringify(stamp(opts)) + "\n";
  } catch {
    return false;
  }
}

/**
 * Generates into `opts.out` unless a current bundle is already there (a stale one, from another
 * generator version, is replaced). Writes beside the place and renames, so an interrupted run never
 * leaves half a bundle. Returns the result, or undefined when the bundle was already there.
 */
export async function ensureGenerated(opts: GenerateOptions): Promise<GenerateResult | undefined> {
  if (isGenerated(opts)) return undefined;
  const partial = `${opts.out}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  const result = await generateCounty({ ...opts, out: partial });
  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.renameSync(partial, opts.out);
  const moved = (p: string): string => path.join(opts.out, path.relative(partial, p));
  return {
    ...result, bundleDir: moved(result.bundleDir), labelsPath: moved(result.labelsPath), lookalikesPath: moved(result.lookalikesPath),
    partiesPath: moved(result.partiesPath), profilePath: moved(result.profilePath),
  };
}
