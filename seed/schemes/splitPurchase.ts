// SPLIT_PURCHASE (化整为零): one job cut into several direct awards to one firm in one village within a
// few weeks or months, each just under the county's tender limit, together well above it.
import { W1, day } from "../dates.ts";
import type { Company } from "../model.ts";
import { makeProject, pickField, poolWinner, projectName } from "../projects.ts";
import { dayIn, establishedBefore, labeler, ordinaryAdult, pickCadre, pickPerson, schemeFirm, type Scheme } from "./common.ts";

const NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八"];

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
      firm = poolWinner(tw, rng, start);
    } else {
      const owner = pickPerson(tw, rng, ordinaryAdult, village);
      if (owner !== undefined) {
        firm = schemeFirm(tw, rng, { regDay: establishedBefore(rng, start), officers: [{ person: owner, role: "legal_rep" }, { person: owner, role: "shareholder", share: 1 }] });
      }
    }
    if (firm === undefined) return false;
    const owner = firm.legalRep;
    const limit = tw.style.tenderLimit;
    const n = rng.int(3, 6);
    const field = pickField(rng);
    const base = projectName(rng, village.name, 2000, field).replace(/2000年/, "").replace(/(工程|项目)$/, "");
    const L = labeler(tw, "SPLIT_PURCHASE");
    L(pick.cadre.id, "cadre");
    L(firm.id, "company");
    if (owner !== undefined && firm.kind === "contractor" && !firm.pool) L(owner.id, "officer");
    // Pieces named as lots, as phases, or as unrelated small jobs.
    const naming = rng.weighted(["lot", "phase", "items"], [4, 3, 3]);
    const window = rng.int(15 * n, 150);
    let d = start;
    for (let i = 0; i < n; i++) {
      const budget = Math.round(rng.float(limit * 0.8, limit * 0.995) / 100) * 100;
      const p = makeProject(tw, rng, {
        regionId: pick.post.regionId, regionName: village.name, field, budget, method: "direct_award", award: d,
        approvedBy: pick.cadre.id, winner: firm, others: [], winnerFactor: rng.float(0.97, 1),
        name: naming === "lot" ? `${base}（${NUMBERS[i] as string}标段）` : naming === "phase" ? `${base}${NUMBERS[i] as string}期` : undefined,
      });
      L(p.id, "project");
      d += Math.max(1, Math.floor(window / n) + rng.int(-3, 3));
    }
    return true;
  },
};
