// DIVERTED_PAYMENT (截留): poor villagers' grants are paid into an account they do not own: the cadre's,
// a relative's, or a go-between's. Relocation money makes the large cases.
import { yearEnd, yearOf, yearStart } from "../dates.ts";
import type { Person } from "../model.ts";
import type { ProgramKey } from "../programs.ts";
import { typicalAmount } from "../programs.ts";
import { dayIn, labeler, ordinaryAdult, pickCadre, pickPerson, poorAdult, schemeGrant, type Scheme } from "./common.ts";

export const divertedPayment: Scheme = {
  typology: "DIVERTED_PAYMENT",
  plant(tw, rng) {
    const into = rng.weighted(["cadre", "relative", "go_between"], tw.style.diversion);
    const found = pickCadre(tw, rng, {
      roles: ["party_secretary", "committee_director", "accountant"], minDays: 300,
      kin: into === "relative" ? { relations: ["spouse", "child", "sibling", "in_law"], minAge: 18 } : undefined,
    });
    if (found === undefined || found.pick.village === undefined) return false;
    const { pick, kin } = found;
    let holder: Person = pick.cadre;
    if (into === "relative") {
      if (kin === undefined) return false;
      holder = kin.person;
    } else if (into === "go_between") {
      const g = pickPerson(tw, rng, (p) => ordinaryAdult(p) && !tw.relatives(pick.cadre).some((k) => k.person === p), pick.village);
      if (g === undefined) return false;
      holder = g;
    }
    if (holder.account === undefined) return false;
    const big = rng.chance(0.2);
    const nBen = big ? rng.int(2, 4) : rng.weighted([1, 2, 3, 6], [3, 3, 2, 1]);
    const beneficiaries: Person[] = [];
    for (let i = 0; i < nBen; i++) {
      const b = pickPerson(tw, rng, (p) => poorAdult(p) && !beneficiaries.includes(p) && p !== holder, pick.village);
      if (b !== undefined) beneficiaries.push(b);
    }
    if (beneficiaries.length === 0) return false;
    const L = labeler(tw, "DIVERTED_PAYMENT");
    L(pick.cadre.id, "cadre");
    if (holder !== pick.cadre) L(holder.id, into === "relative" ? "relative" : "go_between");
    L(holder.account.id, "account");
    for (const b of beneficiaries) {
      L.party(b.id, "diverted_from");
      const key: ProgramKey = big ? "relocation" : rng.pick<ProgramKey>(["dibao", "housing", "solar", "industry", "medical"]);
      const n = key === "dibao" || key === "solar" ? rng.int(1, 3) : 1;
      const y0 = yearOf(pick.from);
      for (let i = 0; i < n && y0 + i <= yearOf(pick.to); i++) {
        const d = dayIn(rng, Math.max(pick.from, yearStart(y0 + i)), Math.min(pick.to, yearEnd(y0 + i)));
        const approved = typicalAmount(key, rng, y0 + i, rng.int(2, 5));
        L(schemeGrant(tw, rng, { key, person: b, day: d, approver: pick.cadre.id, account: holder.account.id, approved }).id, "grant");
      }
    }
    return true;
  },
};
