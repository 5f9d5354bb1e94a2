// INELIGIBLE (吃低保): means-tested help goes to someone who should not get it: a civil servant, a cadre,
// a firm's legal representative or shareholder, or the owner of a car or a flat.
import { W0, W1, ageOn, yearEnd, yearOf, yearStart, day, type Day } from "../dates.ts";
import { flat, vehicle } from "../assets.ts";
import type { Person } from "../model.ts";
import type { ProgramKey } from "../programs.ts";
import type { TownshipState } from "../world.ts";
import type { Rng } from "../rng.ts";
import { approverFor } from "../programs.ts";
import { dayIn, labeler, pickCadre, pickPerson, schemeGrant, type Scheme } from "./common.ts";

function adultThrough(p: Person): boolean {
  return p.death > W1 && ageOn(p.birth, W0) >= 22 && p.account !== undefined && p.hhSince <= W0 + 30 && p.hh !== undefined;
}

function grantsTo(tw: TownshipState, rng: Rng, p: Person, from: Day, to: Day, approver: () => string | undefined): string[] {
  const key = rng.weighted<ProgramKey>(["dibao", "housing", "industry", "solar", "medical", "tekun"], [5, 2, 1, 1, 1, 1]);
  const annual = key === "dibao" || key === "solar" || key === "tekun";
  const n = annual ? rng.int(1, 3) : 1;
  const ids: string[] = [];
  let y = yearOf(dayIn(rng, from, to));
  for (let i = 0; i < n && y <= 2021; i++, y++) {
    const d = dayIn(rng, Math.max(from, yearStart(y)), Math.min(to, yearEnd(y)));
    if (d < from || d > to) break;
    ids.push(schemeGrant(tw, rng, { key, person: p, day: d, approver: approver() }).id);
  }
  return ids;
}

export const ineligible: Scheme = {
  typology: "INELIGIBLE",
  plant(tw, rng) {
    const variant = rng.weighted(["public_employee", "cadre", "officer", "car_owner", "flat_owner"], [2, 2, 2, 3, 1]);
    const from = day(2016, 2, 1);
    const to = day(2021, 10, 1);
    let p: Person | undefined;
    let company: string | undefined;
    let f = from;
    let t = to;
    if (variant === "cadre") {
      const found = pickCadre(tw, rng, { roles: ["committee_member", "accountant", "other"], minDays: 300 });
      if (found === undefined) return false;
      p = found.pick.cadre;
      f = found.pick.from;
      t = found.pick.to;
      if (p.account === undefined) return false;
    } else if (variant === "public_employee") {
      p = pickPerson(tw, rng, (x) => x.publicEmployee && !x.cadre && adultThrough(x) && !x.village.community);
    } else if (variant === "officer") {
      const role = tw.roles.find((r) => (r.role === "legal_rep" || r.role === "shareholder") && !tw.used.has(r.personId) && !tw.used.has(r.companyId)
        && (() => { const x = tw.byId.get(r.personId); return x !== undefined && adultThrough(x) && !x.cadre; })());
      if (role !== undefined) {
        p = tw.byId.get(role.personId);
        company = role.companyId;
      }
    } else {
      p = pickPerson(tw, rng, (x) => adultThrough(x) && !x.excluded && !x.officer && !x.publicEmployee && !x.village.community);
      if (p !== undefined) {
        const registered = W0 - rng.int(100, 2000);
        tw.assets.push(variant === "car_owner"
          ? vehicle(rng, p.id, registered, Math.round(rng.float(80_000, 320_000) / 100) * 100)
          : flat(rng, p.id, tw.county, registered, Math.round(rng.float(280_000, 900_000) / 100) * 100));
        p.assetOwner = true;
      }
    }
    if (p === undefined || tw.used.has(p.id)) return false;
    const who = p;
    const village = who.hh?.village.id ?? "";
    const approver = (): string | undefined => {
      const d = dayIn(rng, f, t);
      const a = approverFor(tw, "dibao", village, d, rng)?.ref.id;
      return a === who.id ? tw.townshipOfficial(d, rng)?.ref.id : a;
    };
    const grants = grantsTo(tw, rng, who, f, t, approver);
    if (grants.length === 0) return false;
    const L = labeler(tw, "INELIGIBLE");
    L(who.id, "beneficiary");
    if (company !== undefined) L.party(company, "employer");
    for (const g of grants) L(g, "grant");
    return true;
  },
};
