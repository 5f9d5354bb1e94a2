// SKIMMING (克扣): grants are approved at the full amount but paid short, the cadre keeping a cut
// (a percentage, or a flat "fee" per household).
import { yearEnd, yearStart, yearOf } from "../dates.ts";
import type { Person } from "../model.ts";
import { typicalAmount, type ProgramKey } from "../programs.ts";
import { dayIn, labeler, pickCadre, pickPerson, poorAdult, schemeGrant, type Scheme } from "./common.ts";

export const skimming: Scheme = {
  typology: "SKIMMING",
  plant(tw, rng) {
    const found = pickCadre(tw, rng, { roles: ["party_secretary", "committee_director", "accountant"], minDays: 250 });
    if (found === undefined || found.pick.village === undefined) return false;
    const { pick } = found;
    const key = rng.weighted<ProgramKey>(["dibao", "housing", "relocation", "industry", "medical"], [4, 3, 1, 2, 1]);
    const n = rng.int(3, key === "relocation" ? 5 : 10);
    const beneficiaries: Person[] = [];
    for (let i = 0; i < n; i++) {
      const b = pickPerson(tw, rng, (p) => poorAdult(p) && !beneficiaries.includes(p) && !tw.relatives(pick.cadre).some((k) => k.person === p), pick.village);
      if (b !== undefined) beneficiaries.push(b);
    }
    if (beneficiaries.length < 2) return false;
    const flatFee = rng.chance(0.35) ? rng.pick([300, 500, 1000, 2000]) : 0;
    const rate = rng.float(0.1, 0.45);
    const y = yearOf(dayIn(rng, pick.from, pick.to));
    const from = Math.max(pick.from, yearStart(y));
    const to = Math.min(pick.to, yearEnd(y));
    const L = labeler(tw, "SKIMMING");
    L(pick.cadre.id, "cadre");
    for (const b of beneficiaries) {
      const approved = typicalAmount(key, rng, y, rng.int(1, 5));
      // A flat fee where it is a real bite, otherwise a share; never less than 5% (well past rounding).
      const share = Math.round((approved * rate) / 10) * 10;
      const cut = Math.max(flatFee > 0 && flatFee < approved * 0.6 ? flatFee : share, Math.ceil((approved * 0.05) / 10) * 10, 50);
      const g = schemeGrant(tw, rng, { key, person: b, day: dayIn(rng, from, to), approver: pick.cadre.id, approved, paid: approved - cut });
      L.party(b.id, "skimmed");
      L(g.id, "grant");
    }
    return true;
  },
};
