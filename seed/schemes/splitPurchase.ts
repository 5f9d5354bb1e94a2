// SPLIT_PURCHASE (化整为零): one job cut into several direct awards to one firm in one village within a
// few months, each below the tender threshold, together well above it.
import { W1, day } from "../dates.ts";
import { THRESHOLDS } from "../contract.ts";
import type { Company } from "../model.ts";
import { genuineCompetitors, makeProject, pickField, projectName } from "../projects.ts";
import { dayIn, establishedBefore, labeler, ordinaryAdult, pickCadre, pickPerson, schemeFirm, type Scheme } from "./common.ts";

const LOTS = ["一标段", "二标段", "三标段", "四标段", "五标段", "六标段", "七标段", "八标段"];

export const splitPurchase: Scheme = {
  typology: "SPLIT_PURCHASE",
  plant(tw, rng) {
    const found = pickCadre(tw, rng, { minDays: 250 });
    if (found === undefined) return false;
    const { pick } = found;
    const village = pick.village;
    if (village === undefined) return false;
    const start = dayIn(rng, Math.max(pick.from, day(2016, 3, 1)), Math.min(pick.to - 150, W1 - 150));
    let firm: Company | undefined;
    if (rng.chance(0.5)) {
      firm = genuineCompetitors(tw, rng, start, 1, [])[0];
    } else {
      const owner = pickPerson(tw, rng, ordinaryAdult, village);
      if (owner !== undefined) {
        firm = schemeFirm(tw, rng, { regDay: establishedBefore(rng, start), officers: [{ person: owner, role: "legal_rep" }, { person: owner, role: "shareholder", share: 1 }] });
      }
    }
    if (firm === undefined) return false;
    const n = rng.int(5, 8);
    // Each piece under the low threshold; together above the high one.
    const pieceMin = Math.ceil((THRESHOLDS.HIGH * 1.04) / n / 100) * 100;
    const field = pickField(rng);
    const base = projectName(rng, village.name, 2000, field).replace(/2000年/, "").replace(/(工程|项目)$/, "");
    const L = labeler(tw, "SPLIT_PURCHASE");
    L(pick.cadre.id, "cadre");
    L(firm.id, "company");
    const window = rng.int(40, 150);
    let d = start;
    for (let i = 0; i < n; i++) {
      const budget = Math.round(rng.float(Math.max(pieceMin, THRESHOLDS.LOW * 0.6), THRESHOLDS.LOW * 0.99) / 100) * 100;
      const p = makeProject(tw, rng, {
        regionId: pick.post.regionId, regionName: village.name, field, budget, method: "direct_award", award: d,
        approvedBy: pick.cadre.id, winner: firm, others: [], name: `${base}（${LOTS[i] as string}）`, winnerFactor: rng.float(0.97, 1),
      });
      L(p.id, "project");
      d += Math.max(1, Math.floor(window / n) + rng.int(-3, 3));
    }
    return true;
  },
};
