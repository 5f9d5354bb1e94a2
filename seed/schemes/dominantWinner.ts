// DOMINANT_WINNER (标王): one firm takes most of a township's (or a village's) award value in a year
// through a run of tenders it always wins near the ceiling price, signed by the same official.
import { YEARS, day, yearEnd, yearStart, W1 } from "../dates.ts";
import type { TownshipState } from "../world.ts";
import type { Rng } from "../rng.ts";
import type { Company, Person } from "../model.ts";
import { makeProject, pickField, poolWinner } from "../projects.ts";
import {
  competitorsOf, dayIn, establishedBefore, gradedBudget, labeler, ordinaryAdult, pickCadre, pickPerson, rivals, schemeFirm, type Scheme,
} from "./common.ts";
import { tenderMethod } from "./kinContract.ts";

const dominated = new WeakMap<TownshipState, Set<string>>();

interface Instance {
  schemeId: string;
  firm: Company;
  inRegion: (regionId: string) => boolean;
  villageId: string | undefined;
  year: number;
  from: number;
  to: number;
  approver: string;
}
const instances = new WeakMap<TownshipState, Instance[]>();

/**
 * Later schemes and look-alikes may add projects to a dominated region and year; once the township is
 * complete, add one more award where needed so the firm still holds about two thirds of the value.
 */
export function topUpDominant(tw: TownshipState, rng: Rng): void {
  for (const inst of instances.get(tw) ?? []) {
    const all = tw.projects.filter((p) => p.year === inst.year && inst.inRegion(p.regionId));
    const mine = all.filter((p) => p.winner === inst.firm).reduce((a, p) => a + p.awardAmount, 0);
    const total = all.reduce((a, p) => a + p.awardAmount, 0);
    if (mine / total >= 0.6) continue;
    const need = Math.min(6_000_000, Math.round((2 * total - 3 * mine) / 1000) * 1000 + 100_000);
    const d = dayIn(rng, inst.from, inst.to);
    const village = inst.villageId !== undefined ? tw.villages.find((v) => v.id === inst.villageId) : undefined;
    const p = makeProject(tw, rng, {
      regionId: village?.id ?? tw.plan.id, regionName: village?.name ?? tw.plan.name, field: pickField(rng), budget: need,
      method: "open_tender", award: d, approvedBy: inst.approver, winner: inst.firm, others: rivals(tw, rng, d, [inst.firm]),
      winnerFactor: rng.float(0.94, 0.99),
    });
    const L = labeler(tw, "DOMINANT_WINNER", inst.schemeId);
    L(p.id, "project");
    competitorsOf(L, p);
  }
}

export const dominantWinner: Scheme = {
  typology: "DOMINANT_WINNER",
  plant(tw, rng) {
    const level = rng.chance(0.5) ? "township" : "village";
    const found = pickCadre(tw, rng, level === "township" ? { level: "township", roles: ["township_official"], minDays: 300 } : { minDays: 300 });
    if (found === undefined) return false;
    const { pick } = found;
    // The quietest year of the term in that region, not already dominated by another planted firm.
    const inRegion = (rid: string): boolean => level === "township" || rid === pick.post.regionId;
    const regionKey = level === "township" ? tw.plan.id : pick.post.regionId;
    const taken = dominated.get(tw) ?? new Set<string>();
    dominated.set(tw, taken);
    const years = YEARS.filter((yy) => Math.min(pick.to, yearEnd(yy) - 20) - Math.max(pick.from, yearStart(yy), day(yy, 3, 1)) >= 90 && !taken.has(`${regionKey}|${yy}`));
    if (years.length === 0) return false;
    const valueIn = (yy: number): number => tw.projects.filter((p) => p.year === yy && inRegion(p.regionId)).reduce((a, p) => a + p.awardAmount, 0);
    const y = rng.shuffle(years.slice()).sort((a, b) => valueIn(a) - valueIn(b))[0] as number;
    taken.add(`${regionKey}|${y}`);
    const from = Math.max(pick.from, yearStart(y), day(y, 3, 1));
    const to = Math.min(pick.to, yearEnd(y) - 20, W1 - 20);
    let firm: Company | undefined;
    let owner: Person | undefined;
    if (rng.chance(0.4)) firm = poolWinner(tw, rng, from);
    if (firm === undefined) {
      owner = pickPerson(tw, rng, ordinaryAdult);
      if (owner === undefined) return false;
      firm = schemeFirm(tw, rng, { regDay: establishedBefore(rng, from), officers: [{ person: owner, role: "legal_rep" }, { person: owner, role: "shareholder", share: 1 }] });
    }
    const winner = firm;
    // The region's award value that year so far, which the firm must outweigh.
    const existing = tw.projects.filter((p) => p.year === y && inRegion(p.regionId) && p.winner !== winner).reduce((a, p) => a + p.awardAmount, 0);
    const target = Math.max(existing * 2.5, 800_000);
    const schemeId = tw.newScheme();
    const L = labeler(tw, "DOMINANT_WINNER", schemeId);
    L(winner.id, "company");
    if (owner !== undefined) L(owner.id, "officer");
    L(level === "township" ? tw.plan.id : pick.post.regionId, "region");
    L(pick.cadre.id, "cadre");
    let won = 0;
    for (let i = 0; (won < target || i < 3) && i < 12; i++) {
      const d = dayIn(rng, from, to);
      const village = level === "village" ? pick.village : rng.chance(0.7) ? rng.pick(tw.villages) : undefined;
      const remaining = Math.max(150_000, (target - won) / Math.max(1, 3 - i));
      const budget = Math.min(6_000_000, Math.max(gradedBudget(rng, [2, 7, 1]), Math.round(remaining / 1000) * 1000));
      const p = makeProject(tw, rng, {
        regionId: village?.id ?? tw.plan.id, regionName: village?.name ?? tw.plan.name, field: pickField(rng), budget,
        method: tenderMethod(rng), award: d, approvedBy: pick.cadre.id, winner, others: rivals(tw, rng, d, [winner]),
        winnerFactor: rng.float(0.94, 0.99),
      });
      won += p.awardAmount;
      L(p.id, "project");
      competitorsOf(L, p);
    }
    const list = instances.get(tw) ?? [];
    instances.set(tw, list);
    list.push({ schemeId, firm: winner, inRegion, villageId: level === "village" ? pick.post.regionId : undefined, year: y, from, to, approver: pick.cadre.id });
    return true;
  },
};
