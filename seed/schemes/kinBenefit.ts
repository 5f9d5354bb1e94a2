// KIN_BENEFIT (优亲厚友): a cadre approves grants to a relative who does not qualify, or to himself; or
// hides behind a colleague's signature while his relative is paid in his village during his term.
import type { Rng } from "../rng.ts";
import { yearEnd, yearOf, yearStart, type Day } from "../dates.ts";
import type { Grant, Person } from "../model.ts";
import type { ProgramKey } from "../programs.ts";
import type { TownshipState } from "../world.ts";
import { colleagueOf, conceal, dayIn, labeler, pickCadre, schemeGrant, type CadrePick, type Scheme } from "./common.ts";

const PROGRAMS: readonly ProgramKey[] = ["dibao", "housing", "relocation", "medical", "industry", "solar", "publicJob"];
const WEIGHTS = [5, 3, 1, 1, 1, 1, 1];

/** Grants to `p` over one or more years of the cadre's term. */
export function kinGrants(tw: TownshipState, rng: Rng, pick: CadrePick, p: Person, approver: (d: Day) => string | undefined, key?: ProgramKey): Grant[] {
  const k = key ?? rng.weighted(PROGRAMS, WEIGHTS);
  const annual = k === "dibao" || k === "solar" || k === "publicJob";
  const y0 = yearOf(pick.from);
  const y1 = yearOf(pick.to);
  const n = annual ? Math.min(y1 - y0 + 1, rng.int(1, 4)) : 1;
  const start = y0 + rng.int(0, Math.max(0, y1 - y0 - n + 1));
  const out: Grant[] = [];
  for (let y = start; y < start + n; y++) {
    const d = dayIn(rng, Math.max(pick.from, yearStart(y)), Math.min(pick.to, yearEnd(y)));
    out.push(schemeGrant(tw, rng, { key: k, person: p, day: d, approver: approver(d) }));
  }
  return out;
}

export const kinBenefit: Scheme = {
  typology: "KIN_BENEFIT",
  plant(tw, rng) {
    const colleague = tw.style.colleague;
    const variant = rng.weighted(["approves_kin", "approves_self", "kin_in_region"], [9 * (1 - colleague), 1, 9 * colleague]);
    if (variant === "approves_self") {
      const found = pickCadre(tw, rng, { minDays: 300 });
      if (found === undefined) return false;
      const { pick } = found;
      const L = labeler(tw, "KIN_BENEFIT");
      // Not means-tested, so the case is about self-approval rather than eligibility.
      const key = rng.pick<ProgramKey>(["machinery", "grain"]);
      const grants = kinGrants(tw, rng, pick, pick.cadre, () => pick.cadre.id, key);
      L(pick.cadre.id, "cadre");
      for (const g of grants) L(g.id, "grant");
      return true;
    }
    // The relative does not qualify: a household that is not registered poor.
    const found = pickCadre(tw, rng, {
      roles: variant === "approves_kin" ? ["party_secretary", "committee_director"] : ["party_secretary", "committee_director", "accountant", "committee_member"],
      minDays: 300,
      kin: { relations: ["sibling", "parent", "child", "in_law", "grandparent", "grandchild"], sameVillage: true, filter: (p) => !p.officer && !p.publicEmployee && !(p.hh?.poor ?? false) },
    });
    if (found === undefined || found.kin === undefined) return false;
    const { pick, kin } = found;
    const L = labeler(tw, "KIN_BENEFIT");
    const village = pick.post.regionId;
    const relatives = [kin.person];
    // Sometimes the whole family is looked after: a second relative in the same village.
    if (rng.chance(0.25)) {
      const more = tw.relatives(pick.cadre).find((k) => k.person !== kin.person && !tw.used.has(k.person.id) && !k.person.cadre
        && k.person.account !== undefined && k.person.death > pick.to && k.person.hh?.village.id === village && k.relation !== "spouse" && k.person.birth < pick.from - 6570);
      if (more !== undefined) relatives.push(more.person);
    }
    L(pick.cadre.id, "cadre");
    for (const r of relatives) {
      conceal(tw, pick.cadre, r, rng);
      // Hidden behind a colleague's signature: another cadre of the village or township signs.
      const approver = variant === "approves_kin"
        ? () => pick.cadre.id
        : (d: Day) => colleagueOf(tw, rng, pick, d, [r])?.ref.id;
      const grants = kinGrants(tw, rng, pick, r, approver);
      L(r.id, "relative");
      for (const g of grants) {
        L(g.id, "grant");
        if (g.approvedBy !== undefined && g.approvedBy !== pick.cadre.id) L.party(g.approvedBy, "signatory");
      }
    }
    return true;
  },
};
