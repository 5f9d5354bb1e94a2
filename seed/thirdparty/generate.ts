// Builds one county from a seed: people, posts, firms, projects, grants, money, then the schemes,
// the innocent look-alikes, tips and earlier cases, in that order (each step draws from one seeded
// stream, so the same seed and size give the same county).
import { buildCadres } from "./cadres.ts";
import { County } from "./county.ts";
import { buildAssets, FirmBuilder } from "./firms.ts";
import { plantLookalikes } from "./lookalikes.ts";
import { buildOversight } from "./oversight.ts";
import { buildPopulation } from "./population.ts";
import { drawProfile } from "./profile.ts";
import { ProjectBuilder } from "./projects.ts";
import { plantSchemes } from "./schemes/index.ts";
import { Kit } from "./schemes/kit.ts";
import { Social } from "./social.ts";
import { Welfare } from "./welfare.ts";

export interface GenerateOptions {
  seed: number;
  persons: number;
}

export function generateCounty(o: GenerateOptions): County {
  const c = new County(drawProfile(o.seed, o.persons));
  buildPopulation(c);
  buildCadres(c);
  const firms = new FirmBuilder(c);
  firms.build();
  buildAssets(c);
  const projects = new ProjectBuilder(c, firms);
  projects.build();
  const welfare = new Welfare(c);
  welfare.build();
  const social = new Social(c);
  social.build();
  const kit = new Kit(c, welfare, projects, firms, social);
  plantSchemes(kit);
  plantLookalikes(kit, 4);
  buildOversight(c);
  return c;
}
