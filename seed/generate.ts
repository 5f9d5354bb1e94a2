// Orchestrator: plans each county, then generates it township by township (people, posts, firms,
// accounts, assets, grants, projects, transfers, planted schemes, look-alikes, tips, cases), writing
// every township out before the next starts so memory stays bounded at any scale.
import path from "node:path";
import { Rng } from "./rng.ts";
import { SCALES, type ScaleName } from "./scale.ts";
import { planCounty, RegionIds } from "./geography.ts";
import { Output } from "./output.ts";
import { PROGRAM_LIST } from "./programs.ts";
import { CountyState, RunState, TownshipState } from "./world.ts";
import { buildPopulation } from "./population.ts";
import { openPersonAccounts, backgroundTransfers } from "./money.ts";
import { assignCadres } from "./cadres.ts";
import { createCooperatives, createCountyCompanies, fillCountyOfficers } from "./companies.ts";
import { backgroundAssets, companyAssets } from "./assets.ts";
import { backgroundGrants } from "./programs.ts";
import { backgroundProjects } from "./projects.ts";
import { SchemePlanner } from "./schemes/index.ts";
import { topUpDominant } from "./schemes/dominantWinner.ts";
import { plantLookalikes } from "./lookalikes.ts";
import { backgroundTips, schemeTips } from "./tips.ts";
import { pastCases } from "./cases.ts";

export interface GenerateOptions {
  scale: ScaleName;
  seed: number;
  out: string;
  /** Called after each township is written: townships done, and in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  bundleDir: string;
  labelsPath: string;
  lookalikesPath: string;
  rows: Record<string, number>;
  seconds: number;
}

export async function generateCounty(opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const spec = SCALES[opts.scale];
  if (spec === undefined) throw new Error(`unknown scale ${String(opts.scale)}`);
  const bundleDir = path.join(opts.out, "bundle");
  const labelsPath = path.join(opts.out, "labels.csv");
  const lookalikesPath = path.join(opts.out, "lookalikes.csv");
  const out = new Output(bundleDir, labelsPath, lookalikesPath);
  try {
    const run = new RunState(opts.seed, spec);
    const regionIds = new RegionIds();
    let townshipsDone = 0;
    out.programs(PROGRAM_LIST);
    for (let c = 0; c < spec.counties; c++) {
      const plan = planCounty(new Rng(opts.seed, "plan", c), spec, c, regionIds);
      out.regions(plan);
      const county = new CountyState(run, plan);
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
        schemeTips(tw);
        backgroundTips(tw);
        pastCases(tw);
        out.township(tw);
        opts.onProgress?.(++townshipsDone, spec.counties * plan.townships.length);
        // Yield between townships so a long province run does not starve the event loop.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const crng = county.rng.fork("company-assets");
      for (const co of county.companies) companyAssets(county, crng, co);
      out.county(county);
    }
  } finally {
    out.close();
  }
  return { bundleDir, labelsPath, lookalikesPath, rows: out.rows(), seconds: (performance.now() - started) / 1000 };
}
