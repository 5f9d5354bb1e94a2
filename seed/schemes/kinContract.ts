// KIN_CONTRACT (违规发包): a village project approved by the cadre (or by a colleague for him) in the
// cadre's village is awarded to a firm where the cadre or a relative holds a role: legal representative,
// or shareholder behind a nominee who fronts the firm.
import { years } from "../dates.ts";
import type { Company } from "../model.ts";
import { makeProject, pickField } from "../projects.ts";
import type { Rng } from "../rng.ts";
import type { Method } from "../contract.ts";
import {
  colleagueOf, competitorsOf, conceal, dayIn, establishedBefore, frontMan, gradedBudget, labeler, pickCadre, rivals, schemeFirm, type Scheme,
} from "./common.ts";

export function tenderMethod(rng: Rng): Method {
  return rng.weighted<Method>(["open_tender", "invited_tender", "competitive_negotiation"], [5, 3, 2]);
}

export const kinContract: Scheme = {
  typology: "KIN_CONTRACT",
  plant(tw, rng) {
    const { front, colleague } = tw.style;
    const variant = rng.weighted(["kin_legal_rep", "kin_shareholder", "cadre_shareholder"], [1 - front, front * 0.6, front * 0.4]);
    const found = pickCadre(tw, rng, {
      minDays: 400,
      kin: variant === "cadre_shareholder" ? undefined : { relations: ["child", "sibling", "in_law", "spouse", "grandchild"], minAge: 22, maxAge: 62, filter: (p) => !p.officer && !p.publicEmployee },
    });
    if (found === undefined) return false;
    const { pick, kin } = found;
    if (variant !== "cadre_shareholder" && kin === undefined) return false;
    const award = dayIn(rng, pick.from + 60, pick.to);
    const regDay = establishedBefore(rng, award);
    let firm: Company;
    const L = labeler(tw, "KIN_CONTRACT");
    L(pick.cadre.id, "cadre");
    if (variant === "cadre_shareholder" || variant === "kin_shareholder") {
      // Fronted: a nominee is the legal representative, the cadre or his relative holds shares.
      const nominee = frontMan(tw, rng, L);
      if (nominee === undefined) return false;
      const holder = variant === "cadre_shareholder" ? pick.cadre : (kin?.person ?? pick.cadre);
      const share = rng.int(30, 70) / 100;
      firm = schemeFirm(tw, rng, {
        regDay, officers: [
          { person: nominee, role: "legal_rep" }, { person: nominee, role: "shareholder", share: Math.round((1 - share) * 100) / 100 },
          { person: holder, role: "shareholder", share },
        ],
      });
      if (holder !== pick.cadre) L(holder.id, "relative");
    } else {
      const k = (kin as { person: typeof pick.cadre }).person;
      firm = schemeFirm(tw, rng, { regDay, officers: [{ person: k, role: "legal_rep" }, { person: k, role: "shareholder", share: 1 }] });
      L(k.id, "relative");
    }
    if (kin !== undefined) conceal(tw, pick.cadre, kin.person, rng);
    L(firm.id, "company");
    const n = rng.chance(0.3) ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const d = i === 0 ? award : dayIn(rng, Math.min(award + years(0.8), pick.to), pick.to);
      // The cadre signs, or a colleague signs for him.
      const approver = rng.chance(colleague) ? colleagueOf(tw, rng, pick, d, kin !== undefined ? [kin.person] : [])?.ref.id : pick.cadre.id;
      const p = makeProject(tw, rng, {
        regionId: pick.post.regionId, regionName: pick.village?.name ?? tw.plan.name, field: pickField(rng), budget: gradedBudget(rng),
        method: tenderMethod(rng), award: d, approvedBy: approver, winner: firm, others: rivals(tw, rng, d, [firm]),
      });
      L(p.id, "project");
      competitorsOf(L, p);
      if (approver !== undefined && approver !== pick.cadre.id) L.party(approver, "signatory");
    }
    return true;
  },
};
