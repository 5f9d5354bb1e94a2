// Shared helpers for planting schemes: picking cadres with usable terms and relatives, villagers who
// qualify for help, registering firms, and adding grants and projects that belong to a scheme.
import type { Rng } from "../rng.ts";
import { W0, W1, ageOn, yearOf, years, type Day } from "../dates.ts";
import type { CompanyRole, PostRole, Relation, Typology } from "../contract.ts";
import type { VillagePlan } from "../geography.ts";
import type { Company, Grant, Kin, Part, Person, Post, Project } from "../model.ts";
import { addRole, companyName, newCompany, officeAddress, setPhone } from "../companies.ts";
import { CONTRACTOR_TRADES } from "../names.ts";
import { genuineCompetitors } from "../projects.ts";
import { PROGRAMS, qualifies, typicalAmount, type ProgramKey } from "../programs.ts";
import { refOf, type TownshipState } from "../world.ts";

export interface Scheme {
  typology: Typology;
  /** Plants one instance in the township; false when the township offers no fitting entities. */
  plant(tw: TownshipState, rng: Rng): boolean;
}

/**
 * Writes one scheme instance's ground truth: `L(id, role)` labels a culprit (who organised the scheme
 * or knowingly profited) or a record of the scheme (grant, project, transfer, account, household,
 * region); `L.party(id, part)` names a victim or unwitting party, who is never labelled.
 */
export type Label = (entityId: string, role: string) => void;

export interface Labeler extends Label {
  readonly scheme: string;
  party(entityId: string, part: Part): void;
}

export function labeler(tw: TownshipState, typology: Typology, schemeId = tw.newScheme()): Labeler {
  const seen = new Set<string>();
  const label = (entityId: string, role: string): void => {
    const key = `${entityId}|${role}`;
    if (seen.has(key)) return;
    seen.add(key);
    tw.label(schemeId, typology, entityId, role);
  };
  const party = (entityId: string, part: Part): void => {
    const key = `${entityId}|${part}`;
    if (seen.has(key)) return;
    seen.add(key);
    tw.party(schemeId, entityId, part);
  };
  return Object.assign(label, { scheme: schemeId, party });
}

/** The honest firms that bid against a scheme's winner: unwitting parties of the scheme. */
export function competitorsOf(L: Labeler, p: Project, ring: readonly Company[] = []): void {
  for (const b of p.bids) if (b.company !== p.winner && !ring.includes(b.company)) L.party(b.company.id, "competitor");
}

export interface CadrePick {
  post: Post;
  cadre: Person;
  village: VillagePlan | undefined;
  /** The part of the term inside the period, with a margin at both ends. */
  from: Day;
  to: Day;
}

export interface KinNeed {
  relations?: readonly Relation[];
  sameVillage?: boolean;
  minAge?: number;
  maxAge?: number;
  filter?: (p: Person) => boolean;
}

const HEADS: readonly PostRole[] = ["party_secretary", "committee_director"];

export function usableKin(tw: TownshipState, cadre: Person, need: KinNeed, villageId: string | undefined, from: Day): Kin[] {
  return tw.relatives(cadre).filter((k) => {
    const p = k.person;
    if (tw.used.has(p.id) || p.cadre || p.death <= W1 || p.account === undefined) return false;
    if (need.relations !== undefined && !need.relations.includes(k.relation)) return false;
    const age = ageOn(p.birth, from);
    if (age < (need.minAge ?? 18) || age > (need.maxAge ?? 80)) return false;
    if (need.sameVillage === true && p.hh?.village.id !== villageId) return false;
    if (p.hhSince > from) return false;
    return need.filter?.(p) ?? true;
  });
}

/** A cadre in post for at least minDays inside 2016-2021 (village cadres unless level says township). */
export function pickCadre(
  tw: TownshipState, rng: Rng,
  opts: { roles?: readonly PostRole[]; minDays?: number; level?: "village" | "township"; kin?: KinNeed } = {},
): { pick: CadrePick; kin: Kin | undefined } | undefined {
  const roles = opts.roles ?? (opts.level === "township" ? ["township_official"] : HEADS);
  const regionIds = opts.level === "township" ? new Set([tw.plan.id]) : new Set(tw.villages.map((v) => v.id));
  const minDays = opts.minDays ?? 240;
  const cands: CadrePick[] = [];
  for (const post of tw.posts) {
    if (post.person === undefined || !roles.includes(post.role) || !regionIds.has(post.regionId)) continue;
    const from = Math.max(post.start, W0 + 20);
    const to = Math.min(post.end ?? W1, W1 - 45, post.person.death - 1);
    if (to - from < minDays) continue;
    cands.push({ post, cadre: post.person, village: tw.villages.find((v) => v.id === post.regionId), from, to });
  }
  const fresh = cands.filter((c) => !tw.used.has(c.cadre.id));
  for (const list of [rng.shuffle(fresh), rng.shuffle(cands.filter((c) => tw.used.has(c.cadre.id)))]) {
    for (const c of list) {
      if (opts.kin === undefined) return { pick: c, kin: undefined };
      const kin = usableKin(tw, c.cadre, opts.kin, c.village?.id, c.from);
      if (kin.length > 0) return { pick: c, kin: rng.pick(kin) };
    }
  }
  return undefined;
}

export function dayIn(rng: Rng, from: Day, to: Day): Day {
  return to <= from ? from : from + rng.int(0, to - from);
}

/** A random emitted person passing the filter (residents of one village, or the whole township). */
export function pickPerson(tw: TownshipState, rng: Rng, filter: (p: Person) => boolean, village?: VillagePlan): Person | undefined {
  const pool = village !== undefined ? tw.residentsOf(village) : tw.emitted;
  if (pool.length === 0) return undefined;
  const ok = (p: Person): boolean => !tw.used.has(p.id) && filter(p);
  for (let i = 0; i < 300; i++) {
    const p = rng.pick(pool);
    if (ok(p)) return p;
  }
  const start = rng.int(0, pool.length - 1);
  for (let i = 0; i < pool.length; i++) {
    const p = pool[(start + i) % pool.length] as Person;
    if (ok(p)) return p;
  }
  return undefined;
}

/** Poor villagers who would qualify for means-tested help and live through the period. */
export function poorAdult(p: Person): boolean {
  return qualifies(p) && p.death > W1 && ageOn(p.birth, W0) >= 20 && p.hhSince <= W0 + 30;
}

/** Ordinary adults who can front a firm: not cadres or their family, not poor, with an account. */
export function ordinaryAdult(p: Person): boolean {
  return !p.excluded && !p.officer && !p.publicEmployee && p.account !== undefined && p.death > W1
    && ageOn(p.birth, W0) >= 22 && ageOn(p.birth, W0) <= 62 && !(p.hh?.poor ?? false);
}

/** Old villagers whose identity card a scheme can borrow without their knowing. */
function lender(p: Person): boolean {
  return !p.excluded && !p.officer && !p.publicEmployee && !p.cadre && p.account !== undefined && p.death > W1 && ageOn(p.birth, W0) >= 62;
}

/**
 * The name a scheme's firm is registered under: a willing front man (a culprit, labelled `nominee`) or,
 * as often as the county's style says, an old villager whose identity card was borrowed (a victim).
 */
export function frontMan(tw: TownshipState, rng: Rng, L: Labeler, village?: VillagePlan): Person | undefined {
  if (rng.chance(tw.style.identityUsed)) {
    const old = pickPerson(tw, rng, lender, village);
    if (old !== undefined) {
      L.party(old.id, "identity_used");
      return old;
    }
  }
  const p = pickPerson(tw, rng, ordinaryAdult, village);
  if (p !== undefined) L(p.id, "nominee");
  return p;
}

/** Honest rivals for a scheme's tender, as many as the county's tenders usually draw. */
export function rivals(tw: TownshipState, rng: Rng, d: Day, exclude: readonly Company[]): Company[] {
  const [lo, hi] = tw.style.bidders;
  return genuineCompetitors(tw, rng, d, rng.int(lo - 1, hi - 1), exclude);
}

/** Who signs for the cadre when the scheme hides behind a colleague: another cadre of the village or township. */
export function colleagueOf(tw: TownshipState, rng: Rng, pick: CadrePick, d: Day, avoid: readonly Person[] = []): Post | undefined {
  const skip = (p: Post): boolean => p.person === pick.cadre || (p.person !== undefined && avoid.includes(p.person));
  const village = tw.inPost(pick.post.regionId, d).filter((p) => !skip(p));
  if (village.length > 0 && rng.chance(0.6)) return rng.pick(village);
  const town = tw.inPost(tw.plan.id, d, ["township_official"]).filter((p) => !skip(p));
  return town.length > 0 ? rng.pick(town) : undefined;
}

/** Days from an award or payment to the first kickback, as the county's schemes wait. */
export function kickbackLag(tw: TownshipState, rng: Rng): number {
  return rng.int(tw.style.lag[0], tw.style.lag[1]);
}

export function schemeGrant(
  tw: TownshipState, rng: Rng,
  o: { key: ProgramKey; person: Person; day: Day; approver?: string; account?: string; approved?: number; paid?: number; regionId?: string; duplicate?: boolean },
): Grant {
  const year = yearOf(o.day);
  const approved = o.approved ?? typicalAmount(o.key, rng, year, 2);
  return tw.grant({
    programId: PROGRAMS[o.key].id, beneficiaryId: o.person.id, regionId: o.regionId ?? o.person.hh?.village.id ?? tw.plan.id, year,
    approved, paid: o.paid ?? approved, paidDay: o.day, approvedBy: o.approver, account: o.account ?? o.person.account?.id ?? "",
  }, true, o.duplicate ?? false);
}

export interface FirmOfficer {
  person: Person;
  role: CompanyRole;
  share?: number;
}

/** Registers a firm for a scheme (written with this township). */
export function schemeFirm(
  tw: TownshipState, rng: Rng,
  o: { regDay: Day; officers: FirmOfficer[]; address?: string; phone?: string; regionId?: string; trades?: readonly string[] },
): Company {
  const c = newCompany(tw.run, rng, {
    name: companyName(tw.county, rng, o.trades ?? CONTRACTOR_TRADES), regionId: o.regionId ?? tw.county.plan.id, regDay: o.regDay,
    kind: "contractor", address: o.address ?? officeAddress(tw.county, rng),
  });
  for (const off of o.officers) {
    addRole(tw.roles, refOf(off.person), c, off.role, off.share, o.regDay + (off.role === "employee" ? rng.int(20, 300) : 0));
    off.person.officer = true;
    if (off.person.employer === "") off.person.employer = c.name;
  }
  const legal = o.officers.find((x) => x.role === "legal_rep")?.person;
  const phone = o.phone ?? (legal !== undefined && legal.phone !== "" ? legal.phone : tw.run.phones.landline());
  setPhone(c, phone, rng);
  if (c.preparers.length === 0 && c.legalRep !== undefined) c.preparers.push(c.legalRep);
  tw.companies.push(c);
  return c;
}

/** Registration day a few years before d (an established-looking firm). */
export function establishedBefore(rng: Rng, d: Day): Day {
  return d - years(rng.float(1.6, 9));
}

export function conceal(tw: TownshipState, a: Person, b: Person, rng: Rng): void {
  tw.setDeclared(a, b, rng.chance(0.08));
}

/** Budgets across the money grades: under 200k, 200k-3M, above 3M. */
export function gradedBudget(rng: Rng, weights: readonly [number, number, number] = [4, 5, 1]): number {
  const band = rng.weighted([0, 1, 2], weights);
  const [lo, hi] = band === 0 ? [110_000, 200_000] : band === 1 ? [200_000, 2_800_000] : [3_100_000, 6_500_000];
  return Math.round(Math.exp(rng.float(Math.log(lo), Math.log(hi))) / 100) * 100;
}

export function villageOf(tw: TownshipState, id: string): VillagePlan | undefined {
  return tw.villages.find((v) => v.id === id);
}
