// One county from one seed: style, land, people, posts, firms, money, honest programmes and
// projects, then the schemes, the look-alikes, tips and cases. Same seed, same county.
import { buildAssets } from "./assets.ts";
import { buildCadres } from "./cadres.ts";
import { buildContacts } from "./contacts.ts";
import { buildFirms } from "./firms.ts";
import { buildGeography, villages } from "./geography.ts";
import { plantLookalikes } from "./lookalikes.ts";
import { Ids, type World } from "./model.ts";
import { buildTransfers } from "./money.ts";
import { buildOversight } from "./oversight.ts";
import { buildPopulation } from "./population.ts";
import { buildProjects } from "./procurement.ts";
import { buildGrants, buildPrograms } from "./programs.ts";
import { Rng } from "./rng.ts";
import { plantSchemes } from "./schemes/index.ts";
import { chooseStyle } from "./style.ts";

export interface GenerateOptions {
  seed: string;
  persons: number;
  /** Progress lines (stage names with timings). */
  log?: (line: string) => void;
}

export function generateCounty(opts: GenerateOptions): World {
  const rng = new Rng(`independent-county:${opts.seed}`);
  const style = chooseStyle(rng, opts.persons);
  const world: World = {
    style,
    rng,
    ids: new Ids(style, rng.fork("ids")),
    regions: [],
    persons: [],
    households: [],
    moves: [],
    posts: [],
    companies: [],
    roles: [],
    accounts: [],
    projects: [],
    bids: [],
    programs: [],
    grants: [],
    transfers: [],
    assets: [],
    tips: [],
    cases: [],
    kinOverrides: new Map(),
    extraKin: [],
    schemes: [],
    lookalikes: [],
    culpritIds: new Set(),
    reserved: new Set(),
    showAccount: new Set(),
  };
  let t = performance.now();
  const stage = (name: string, fn: () => void) => {
    fn();
    const now = performance.now();
    opts.log?.(`  ${name.padEnd(12)} ${((now - t) / 1000).toFixed(1)} s`);
    t = now;
  };
  stage("geography", () => buildGeography(world));
  stage("population", () => buildPopulation(world));
  stage("cadres", () => buildCadres(world));
  stage("contacts", () => buildContacts(world));
  stage("firms", () => buildFirms(world));
  stage("assets", () => buildAssets(world));
  stage("programmes", () => {
    buildPrograms(world);
    buildGrants(world);
  });
  let tendering = undefined as ReturnType<typeof buildProjects> | undefined;
  stage("projects", () => {
    tendering = buildProjects(world);
  });
  stage("transfers", () => buildTransfers(world));
  let ctx = undefined as ReturnType<typeof plantSchemes> | undefined;
  stage("schemes", () => {
    ctx = plantSchemes(world, tendering as NonNullable<typeof tendering>);
  });
  stage("look-alikes", () => plantLookalikes(world, ctx as NonNullable<typeof ctx>));
  stage("tips, cases", () => buildOversight(world));
  return world;
}

export function countyCounts(world: World): Record<string, number> {
  return {
    villages: villages(world).length,
    persons: world.persons.filter((p) => p.inData).length,
    companies: world.companies.length,
    schemes: world.schemes.length,
    culprits: world.culpritIds.size,
    lookalikes: world.lookalikes.length,
  };
}
