// COLLUSION_RING (团伙): a village ring. The party secretary's relative runs a firm that wins the
// village's projects against cover bidders with near-identical bids; the firm pays the secretary's wife;
// the secretary puts a relative on the dibao list and routes poor villagers' money to his son.
// Each part is also labelled under its own typology.
import type { Rng } from "../rng.ts";
import { W1, yearEnd, yearOf, yearStart } from "../dates.ts";
import { writePhoneOtherwise } from "../contacts.ts";
import type { Company, Person, Project } from "../model.ts";
import { makeProject, pickField } from "../projects.ts";
import { setPhone } from "../companies.ts";
import type { TownshipState } from "../world.ts";
import {
  conceal, dayIn, establishedBefore, gradedBudget, labeler, ordinaryAdult, pickCadre, pickPerson, poorAdult, schemeFirm, schemeGrant,
  usableKin, type CadrePick, type Labeler, type Scheme,
} from "./common.ts";
import { kinGrants } from "./kinBenefit.ts";
import { payBack } from "./kickback.ts";

/** The people of one ring and the ring's own labeler. */
interface Ring {
  pick: CadrePick;
  cadre: Person;
  boss: Person;
  friends: Person[];
  R: Labeler;
}

/** The boss's firm wins two to four village projects against the friends' cover firms (near-identical bids). */
function riggedTenders(tw: TownshipState, rng: Rng, ring: Ring): { firm: Company; projects: Project[] } {
  const { pick, cadre, boss, friends, R } = ring;
  const village = pick.village as NonNullable<CadrePick["village"]>;
  const KC = labeler(tw, "KIN_CONTRACT");
  const BR = labeler(tw, "BID_RIGGING");
  R(cadre.id, "cadre");
  KC(cadre.id, "cadre");
  conceal(tw, cadre, boss, rng);

  const first = dayIn(rng, pick.from + 30, Math.max(pick.from + 30, pick.to - 700));
  const firm = schemeFirm(tw, rng, { regDay: establishedBefore(rng, first), officers: [{ person: boss, role: "legal_rep" }, { person: boss, role: "shareholder", share: rng.chance(0.5) ? 1 : 0.8 }] });
  const covers = friends.map((f) => schemeFirm(tw, rng, { regDay: establishedBefore(rng, first), officers: [{ person: f, role: "legal_rep" }, { person: f, role: "shareholder", share: 1 }] }));
  // The cover firms give the boss's phone for one of them.
  const c0 = covers[0];
  if (c0 !== undefined && boss.phone !== "") {
    setPhone(c0, boss.phone, rng);
    c0.phoneText = writePhoneOtherwise(boss.phone, boss.phoneText, rng);
  }
  for (const [who, role] of [[boss, "relative"], [friends[0], "officer"], [friends[1], "officer"]] as const) {
    if (who === undefined) continue;
    R(who.id, role);
    (role === "relative" ? KC : BR)(who.id, role);
  }
  for (const f of [firm, ...covers]) {
    R(f.id, "company");
    BR(f.id, "company");
  }
  KC(firm.id, "company");

  const projects: Project[] = [];
  let d = first;
  const n = rng.int(2, 4);
  for (let i = 0; i < n && d <= pick.to; i++) {
    const p = makeProject(tw, rng, {
      regionId: village.id, regionName: village.name, field: pickField(rng), budget: gradedBudget(rng, [2, 7, 1]),
      method: rng.chance(0.6) ? "open_tender" : "invited_tender", award: d, approvedBy: cadre.id, winner: firm, others: covers, style: "close",
    });
    projects.push(p);
    d += rng.int(150, 420);
  }
  for (const p of projects) {
    R(p.id, "project");
    KC(p.id, "project");
    BR(p.id, "project");
  }
  return { firm, projects };
}

/** After each award the firm pays a cut to the secretary's wife (or to himself). */
function kickbacks(tw: TownshipState, rng: Rng, ring: Ring, spouse: Person | undefined, firm: Company, projects: readonly Project[]): void {
  const { cadre, R } = ring;
  const KB = labeler(tw, "KICKBACK");
  KB(cadre.id, "cadre");
  KB(firm.id, "company");
  const to = spouse?.account?.id ?? (cadre.account as { id: string }).id;
  if (spouse !== undefined) {
    R(spouse.id, "relative");
    KB(spouse.id, "relative");
  }
  const transferL = (id: string, role: string): void => {
    R(id, role);
    KB(id, role);
  };
  for (const p of projects) {
    KB(p.id, "project");
    payBack(tw, rng, (firm.accounts[0] as { id: string }).id, to, Math.round(p.awardAmount * rng.float(0.05, 0.12) / 100) * 100, p.award, transferL);
  }
}

/** A relative on the dibao list, signed by the secretary. */
function kinOnDibao(tw: TownshipState, rng: Rng, ring: Ring, dependant: Person | undefined): void {
  const { pick, cadre, R } = ring;
  if (dependant === undefined || dependant.account === undefined) return;
  const KBN = labeler(tw, "KIN_BENEFIT");
  KBN(cadre.id, "cadre");
  conceal(tw, cadre, dependant, rng);
  R(dependant.id, "relative");
  KBN(dependant.id, "relative");
  for (const g of kinGrants(tw, rng, pick, dependant, () => cadre.id, "dibao")) {
    R(g.id, "grant");
    KBN(g.id, "grant");
  }
}

/** Poor villagers' money routed into the son's card. */
function divertedToSon(tw: TownshipState, rng: Rng, ring: Ring, son: Person | undefined): void {
  const { pick, cadre, R } = ring;
  const village = pick.village as NonNullable<CadrePick["village"]>;
  const victims: Person[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const b = pickPerson(tw, rng, (p) => poorAdult(p) && !victims.includes(p), village);
    if (b !== undefined) victims.push(b);
  }
  if (son === undefined || son.account === undefined || victims.length === 0) return;
  const DV = labeler(tw, "DIVERTED_PAYMENT");
  DV(cadre.id, "cadre");
  R(son.id, "relative");
  DV(son.id, "relative");
  DV(son.account.id, "account");
  const y = yearOf(dayIn(rng, pick.from, pick.to));
  for (const b of victims) {
    const g = schemeGrant(tw, rng, {
      key: rng.pick(["housing", "industry", "dibao"] as const), person: b,
      day: dayIn(rng, Math.max(pick.from, yearStart(y)), Math.min(pick.to, yearEnd(y))), approver: cadre.id, account: son.account.id,
    });
    R.party(b.id, "diverted_from");
    DV.party(b.id, "diverted_from");
    R(g.id, "grant");
    DV(g.id, "grant");
  }
}

export const collusionRing: Scheme = {
  typology: "COLLUSION_RING",
  plant(tw, rng) {
    const found = pickCadre(tw, rng, {
      roles: ["party_secretary", "committee_director"], minDays: 900,
      kin: { relations: ["child", "sibling", "in_law", "grandchild"], minAge: 22, maxAge: 60, filter: (p) => !p.officer && !p.publicEmployee },
    });
    if (found === undefined || found.kin === undefined) return false;
    const { pick, kin } = found;
    const cadre = pick.cadre;
    const village = pick.village;
    if (village === undefined) return false;
    const boss = kin.person;
    const spouse = cadre.spouse !== undefined && cadre.spouse.emitted && cadre.spouse.account !== undefined && cadre.spouse.death > W1 ? cadre.spouse : undefined;
    const son = cadre.children.find((c) => c.emitted && c.account !== undefined && c.death > W1 && c !== boss);
    // The relative put on the dibao list does not qualify: a household that is not registered poor.
    const dependant = usableKin(tw, cadre, { relations: ["sibling", "parent", "in_law"], sameVillage: true, filter: (p) => !(p.hh?.poor ?? false) }, village.id, pick.from)
      .find((k) => k.person !== boss && !k.person.officer)?.person;
    const friends: Person[] = [];
    for (let i = 0; i < 2; i++) {
      const f = pickPerson(tw, rng, (p) => ordinaryAdult(p) && !friends.includes(p) && !tw.relatives(cadre).some((k) => k.person === p), village);
      if (f === undefined) return false;
      friends.push(f);
    }
    const ring: Ring = { pick, cadre, boss, friends, R: labeler(tw, "COLLUSION_RING", tw.newScheme()) };
    const { firm, projects } = riggedTenders(tw, rng, ring);
    kickbacks(tw, rng, ring, spouse, firm, projects);
    kinOnDibao(tw, rng, ring, dependant);
    divertedToSon(tw, rng, ring, son);
    return true;
  },
};
