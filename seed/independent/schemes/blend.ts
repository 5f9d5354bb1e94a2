// Firms made for a scheme (a relative's firm, a front) get the ordinary life of a small firm too: a
// few losing bids in honest tenders elsewhere and a worker or two on the payroll, so that a firm's
// only distinction is what it did, not that it did nothing else. Shells stay empty: that is their mark.
import { age, inYear, START, YEARS } from "../dates.ts";
import { addRole } from "../firms.ts";
import type { Company, Person, Region } from "../model.ts";
import { addTransfer, ensureAccount } from "../money.ts";
import { alive, residence } from "../population.ts";
import { addBid, preparerFor } from "../procurement.ts";
import type { Ctx } from "./common.ts";

export function blendSchemeFirms(ctx: Ctx): void {
  const { world, rng } = ctx;
  const shells = new Set(world.schemes.filter((s) => s.typology === "SHELL_WINNER").flatMap((s) => s.culprits.map((c) => c.entity)));
  const home = residence(world);
  const honest = world.projects.filter((p) => !ctx.steered.has(p.k) && p.awardedTo !== undefined && p.award !== undefined && p.method !== "direct_award" && p.method !== "single_source");
  for (const c of world.companies) {
    if (!c.scheme || shells.has(c.id) || !rng.chance(0.75)) continue;
    const region = world.regions[c.region ?? 0] as Region;
    // Losing bids in other townships' honest tenders, above the winning price.
    const fits = honest.filter((p) => (p.announce ?? p.award ?? 0) > (c.registered ?? START) + 60 && c.fields.includes(p.field) && (world.regions[p.region] as Region).township !== region.township && !ctx.tendering.conflicts.conflicted(c.k, p.region, p.award ?? START));
    for (const p of rng.sample(fits, rng.int(1, 4))) {
      const winning = p.awardAmount ?? p.budget;
      const amount = Math.min(p.budget, Math.round(winning * rng.float(1.02, 1.12)));
      if (amount <= winning) continue;
      addBid(world, { project: p.k, company: c.k, amount, submitted: (p.deadline ?? p.award ?? START) - rng.int(0, 6), deposit: rng.chance(0.7) ? c.account : undefined, preparer: preparerFor(world, rng, c, ctx.tendering.agency) });
    }
    // A worker or two from the firm's township, paid now and then.
    const locals = world.persons.filter((p) => p.inData && !p.fictitious && (world.regions[home[p.k] as number] as Region).township === region.township && age(p.birth, START) >= 20 && age(p.birth, START) <= 58 && !ctx.involved.has(p.id));
    for (const w of rng.sample(locals, rng.int(0, 2))) {
      addRole(world, w.k, c.k, "employee", { start: Math.max(c.registered ?? START, START - rng.int(0, 800)) });
      const acc = ensureAccount(world, rng, w as Person);
      for (const y of YEARS) {
        const d = inYear(rng, y);
        if (rng.chance(0.6) && alive(w, d) && (c.registered ?? 0) < d) addTransfer(world, (c as Company).account, acc, rng.int(20, 80) * 100, d);
      }
    }
  }
}
