// HIDDEN_TIE (concealed link): no kinship on record, but the winning firm, its front man, or a beneficiary
// the cadre approved uses the cadre's (or a relative's) phone, home address or bank account.
import { writeAccountOtherwise, writeAddressOtherwise, writePhoneOtherwise } from "../contacts.ts";
import { yearEnd, yearOf, yearStart } from "../dates.ts";
import type { Person } from "../model.ts";
import { makeProject, pickField } from "../projects.ts";
import {
  competitorsOf, dayIn, establishedBefore, frontMan, gradedBudget, labeler, pickCadre, pickPerson, poorAdult, rivals, schemeFirm, schemeGrant, type Scheme,
} from "./common.ts";
import { tenderMethod } from "./kinContract.ts";

export const hiddenTie: Scheme = {
  typology: "HIDDEN_TIE",
  plant(tw, rng) {
    const variant = rng.weighted(["company_phone", "company_address", "officer_account", "beneficiary_phone"], [3, 2, 2, 3]);
    const found = pickCadre(tw, rng, { minDays: 400 });
    if (found === undefined) return false;
    const { pick } = found;
    const cadre = pick.cadre;
    // The identifier may be the cadre's own or his wife's / son's.
    const family = tw.relatives(cadre).filter((k) => (k.relation === "spouse" || k.relation === "child") && k.person.death > 0 && k.person.account !== undefined && k.person.phone !== "");
    const owner: Person = family.length > 0 && rng.chance(0.4) ? rng.pick(family).person : cadre;
    const L = labeler(tw, "HIDDEN_TIE");
    L(cadre.id, "cadre");
    if (owner !== cadre) L(owner.id, "relative");

    if (variant === "beneficiary_phone") {
      if (owner.phone === "") return false;
      const b = pickPerson(tw, rng, (p) => poorAdult(p) && !tw.relatives(cadre).some((k) => k.person === p), pick.village);
      if (b === undefined) return false;
      b.phone = owner.phone;
      b.phoneText = writePhoneOtherwise(owner.phone, owner.phoneText, rng);
      // The cadre handles the villager's paperwork and gives his own number: the villager is not a culprit.
      L.party(b.id, "straw_beneficiary");
      const y0 = yearOf(pick.from);
      const n = Math.min(rng.int(1, 3), yearOf(pick.to) - y0 + 1);
      for (let i = 0; i < n; i++) {
        const d = dayIn(rng, Math.max(pick.from, yearStart(y0 + i)), Math.min(pick.to, yearEnd(y0 + i)));
        L(schemeGrant(tw, rng, { key: rng.pick(["dibao", "housing", "medical"] as const), person: b, day: d, approver: cadre.id }).id, "grant");
      }
      return true;
    }

    const nominee = frontMan(tw, rng, L);
    if (nominee === undefined || nominee.hh === owner.hh) return false;
    const award = dayIn(rng, pick.from + 60, pick.to);
    let firmPhone: string | undefined;
    let address: string | undefined;
    if (variant === "company_phone") {
      if (owner.phone === "") return false;
      firmPhone = owner.phone;
    }
    if (variant === "company_address") address = owner.hh?.address;
    const firm = schemeFirm(tw, rng, {
      regDay: establishedBefore(rng, award), address, phone: firmPhone,
      officers: [{ person: nominee, role: "legal_rep" }, { person: nominee, role: "shareholder", share: 1 }],
    });
    if (variant === "company_phone") firm.phoneText = writePhoneOtherwise(owner.phone, owner.phoneText, rng);
    if (variant === "company_address") firm.addressText = writeAddressOtherwise(owner.hh?.address ?? "", owner.addressText, rng);
    if (variant === "officer_account" && owner.account !== undefined) {
      // The front man's register entry gives the relative's card for his own.
      nominee.bankAccountText = writeAccountOtherwise(owner.account.id, owner.bankAccountText, rng);
    }
    const p = makeProject(tw, rng, {
      regionId: pick.post.regionId, regionName: pick.village?.name ?? tw.plan.name, field: pickField(rng), budget: gradedBudget(rng, [4, 6, 0]),
      method: tenderMethod(rng), award, approvedBy: cadre.id, winner: firm, others: rivals(tw, rng, award, [firm]),
    });
    L(firm.id, "company");
    L(p.id, "project");
    competitorsOf(L, p);
    if (variant === "officer_account" && owner.account !== undefined) L(owner.account.id, "account");
    return true;
  },
};
