// SHELL_WINNER (为特定项目而生): a firm registered weeks before a tender wins it, or a firm that exists for
// one project and is deregistered soon after; the legal representative is a front man, or an old
// villager whose identity card was borrowed.
import { W1, day } from "../dates.ts";
import { makeProject, pickField } from "../projects.ts";
import { competitorsOf, dayIn, frontMan, gradedBudget, labeler, pickCadre, rivals, schemeFirm, type Scheme } from "./common.ts";
import { tenderMethod } from "./kinContract.ts";

export const shellWinner: Scheme = {
  typology: "SHELL_WINNER",
  plant(tw, rng) {
    const variant = rng.weighted(["fresh", "one_project"], [6, 4]);
    const township = rng.chance(0.25);
    const found = pickCadre(tw, rng, township ? { level: "township", minDays: 200 } : { minDays: 200 });
    if (found === undefined) return false;
    const { pick } = found;
    const award = dayIn(rng, Math.max(pick.from, day(2016, 4, 1)), Math.min(pick.to, W1 - 60));
    const method = tenderMethod(rng);
    const lead = method === "open_tender" ? rng.int(20, 30) : rng.int(5, 12);
    const announce = award - rng.int(3, 15) - lead;
    const regDay = variant === "fresh" ? announce - rng.int(8, 75) : announce - rng.int(120, 240);
    const L = labeler(tw, "SHELL_WINNER");
    const nominee = frontMan(tw, rng, L);
    if (nominee === undefined) return false;
    const firm = schemeFirm(tw, rng, { regDay, officers: [{ person: nominee, role: "legal_rep" }, { person: nominee, role: "shareholder", share: 1 }] });
    if (variant === "one_project" || rng.chance(0.4)) {
      firm.status = rng.chance(0.7) ? "deregistered" : "revoked";
      firm.endDay = award + rng.int(120, 400);
      if (firm.endDay > W1) {
        firm.status = "active";
        firm.endDay = undefined;
      }
    }
    const p = makeProject(tw, rng, {
      regionId: township ? tw.plan.id : pick.post.regionId, regionName: township ? tw.plan.name : (pick.village?.name ?? tw.plan.name),
      field: pickField(rng), budget: gradedBudget(rng, [3, 6, 1]), method, award, approvedBy: pick.cadre.id, winner: firm,
      others: rivals(tw, rng, award, [firm]), announceLead: lead,
    });
    L(firm.id, "company");
    L(p.id, "project");
    L(pick.cadre.id, "cadre");
    competitorsOf(L, p);
    return true;
  },
};
