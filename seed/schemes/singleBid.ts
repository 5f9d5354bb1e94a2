// SINGLE_BID (no competition): a tender with one valid bid (the only bidder, or the rivals disqualified),
// or a large project handed out by direct award or single source above the tender threshold.
import { day, W1 } from "../dates.ts";
import type { Method } from "../contract.ts";
import { genuineCompetitors, makeProject, pickField, poolWinner } from "../projects.ts";
import { competitorsOf, dayIn, gradedBudget, labeler, pickCadre, type Scheme } from "./common.ts";

export const singleBid: Scheme = {
  typology: "SINGLE_BID",
  plant(tw, rng) {
    const variant = rng.weighted(["sole_bidder", "others_disqualified", "direct_above_threshold"], [4, 3, 3]);
    const township = rng.chance(0.3);
    const found = pickCadre(tw, rng, township ? { level: "township", minDays: 200 } : { minDays: 200 });
    if (found === undefined) return false;
    const { pick } = found;
    const award = dayIn(rng, Math.max(pick.from, day(2016, 3, 1)), Math.min(pick.to, W1 - 30));
    const winner = poolWinner(tw, rng, award);
    if (winner === undefined) return false;
    const rivals = genuineCompetitors(tw, rng, award, 2, [winner]);
    // Above the county's tender limit, handed out without a tender.
    const limit = tw.style.tenderLimit;
    const budget = variant === "direct_above_threshold" ? Math.round(limit * rng.float(1.3, 6) / 1000) * 1000 : gradedBudget(rng, [3, 6, 1]);
    const method: Method = variant === "direct_above_threshold" ? rng.pick<Method>(["direct_award", "single_source"])
      : rng.weighted<Method>(["open_tender", "invited_tender", "competitive_negotiation"], [5, 2, 3]);
    const others = variant === "others_disqualified" ? rivals.slice(0, rng.int(1, 2)) : [];
    const regionId = township ? tw.plan.id : pick.post.regionId;
    const p = makeProject(tw, rng, {
      regionId, regionName: township ? tw.plan.name : (pick.village?.name ?? tw.plan.name), field: pickField(rng), budget, method, award,
      approvedBy: pick.cadre.id, winner, others, disqualified: others, winnerFactor: rng.float(0.95, 0.995),
    });
    const L = labeler(tw, "SINGLE_BID");
    L(p.id, "project");
    L(winner.id, "company");
    L(pick.cadre.id, "cadre");
    competitorsOf(L, p);
    return true;
  },
};
