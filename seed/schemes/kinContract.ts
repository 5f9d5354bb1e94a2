// KIN_CONTRACT (违规发包): a village project approved by the cadre, or in the cadre's village, is awarded to
// a firm where the cadre or a relative holds a role (legal representative, shareholder).
import { years } from "../dates.ts";
import type { Company, Project } from "../model.ts";
import { genuineCompetitors, makeProject, pickField } from "../projects.ts";
import type { Rng } from "../rng.ts";
import type { Method } from "../contract.ts";
import {
  conceal, dayIn, establishedBefore, gradedBudget, labeler, ordinaryAdult, pickCadre, pickPerson, schemeFirm, type Scheme,
} from "./common.ts";

export function tenderMethod(rng: Rng): Method {
  return rng.weighted<Method>(["open_tender", "invited_tender", "competitive_negotiation"], [5, 3, 2]);
}

export const kinContract: Scheme = {
  typology: "KIN_CONTRACT",
  plant(tw, rng) {
    const variant = rng.weighted(["kin_legal_rep", "kin_shareholder", "cadre_shareholder"], [5, 3, 2]);
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
      const nominee = pickPerson(tw, rng, ordinaryAdult);
      if (nominee === undefined) return false;
      const holder = variant === "cadre_shareholder" ? pick.cadre : (kin?.person ?? pick.cadre);
      const share = rng.int(30, 70) / 100;
      firm = schemeFirm(tw, rng, {
        regDay, officers: [
          { person: nominee, role: "legal_rep" }, { person: nominee, role: "shareholder", share: Math.round((1 - share) * 100) / 100 },
          { person: holder, role: "shareholder", share },
        ],
      });
      L(nominee.id, "nominee");
      if (holder !== pick.cadre) L(holder.id, "relative");
    } else {
      const k = (kin as { person: typeof pick.cadre }).person;
      firm = schemeFirm(tw, rng, { regDay, officers: [{ person: k, role: "legal_rep" }, { person: k, role: "shareholder", share: 1 }] });
      L(k.id, "relative");
    }
    if (kin !== undefined) conceal(tw, pick.cadre, kin.person, rng);
    L(firm.id, "company");
    const n = rng.chance(0.3) ? 2 : 1;
    const projects: Project[] = [];
    for (let i = 0; i < n; i++) {
      const d = i === 0 ? award : dayIn(rng, Math.min(award + years(0.8), pick.to), pick.to);
      const byCadre = variant !== "kin_shareholder" || rng.chance(0.4);
      const approver = byCadre ? pick.cadre.id : tw.townshipOfficial(d, rng, ["projects"])?.ref.id;
      const method = tenderMethod(rng);
      const others = genuineCompetitors(tw, rng, d, rng.int(2, 4), [firm]);
      projects.push(makeProject(tw, rng, {
        regionId: pick.post.regionId, regionName: pick.village?.name ?? tw.plan.name, field: pickField(rng), budget: gradedBudget(rng),
        method, award: d, approvedBy: approver, winner: firm, others,
      }));
    }
    for (const p of projects) L(p.id, "project");
    return true;
  },
};
