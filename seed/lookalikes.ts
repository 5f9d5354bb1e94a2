// Innocent look-alikes, planted at about the rate of the schemes so evaluation can count false
// positives on them: relatives helped fairly, declared relatives, apartment blocks full of strangers,
// relatives' firms winning open tenders elsewhere, young firms winning fairly, grants paid just before a
// death, family remittances, grants to minors paid to a parent, beneficiaries who moved.
import type { Rng } from "./rng.ts";
import { W0, W1, ageOn, day, yearOf, yearStart, yearEnd, type Day } from "./dates.ts";
import { writeAddress } from "./contacts.ts";
import type { Company, Person, Post } from "./model.ts";
import { approverFor, PROGRAMS, type ProgramKey } from "./programs.ts";
import { extraBids, genuineCompetitors, makeProject, pickField, projectBudget } from "./projects.ts";
import { dayIn, establishedBefore, ordinaryAdult, pickCadre, pickPerson, schemeFirm, schemeGrant } from "./schemes/common.ts";
import type { TownshipState } from "./world.ts";

type Plant = (tw: TownshipState, rng: Rng, id: () => string) => boolean;

/** True if p or a relative of p holds a post in the region (or township) on day d. */
function kinInPost(tw: TownshipState, p: Person, regionId: string, d: Day): boolean {
  const rel = new Set(tw.relatives(p).map((k) => k.person));
  rel.add(p);
  return [...tw.inPost(regionId, d), ...tw.inPost(tw.plan.id, d)].some((post) => post.person !== undefined && rel.has(post.person));
}

/** A signatory for p's grant who is neither p's relative nor `avoid`. */
function fairApprover(tw: TownshipState, rng: Rng, key: ProgramKey, p: Person, d: Day, avoid: Person): Post | undefined {
  const rel = new Set(tw.relatives(p).map((k) => k.person));
  for (let i = 0; i < 8; i++) {
    const a = approverFor(tw, key, p.hh?.village.id ?? "", d, rng);
    if (a !== undefined && a.person !== avoid && a.ref.id !== p.id && (a.person === undefined || !rel.has(a.person))) return a;
  }
  return undefined;
}

/** Would qualify for means-tested help, whatever the family ties. */
function qualifiesNow(p: Person): boolean {
  return !p.officer && !p.publicEmployee && !p.assetOwner && !p.cadre && p.account !== undefined && (p.hh?.poor ?? false);
}

/** Means-tested help only if the relative really qualifies; otherwise an allowance anyone may get. */
function fairGrant(tw: TownshipState, rng: Rng, p: Person, d: Day, avoid: Person, key?: ProgramKey): string | undefined {
  const poor = qualifiesNow(p);
  let k = key ?? (poor ? rng.pick<ProgramKey>(["dibao", "medical", "housing", "solar"]) : ageOn(p.birth, d) >= 80 ? "elderly" : rng.pick<ProgramKey>(["forest", "machinery", "grain"]));
  if (PROGRAMS[k].meansTested && !poor) k = ageOn(p.birth, d) >= 80 ? "elderly" : "forest";
  const a = fairApprover(tw, rng, k, p, d, avoid);
  if (a === undefined || tw.hasGrant(p.id, PROGRAMS[k].id, yearOf(d))) return undefined;
  return schemeGrant(tw, rng, { key: k, person: p, day: d, approver: a.ref.id }).id;
}

const KIN = { relations: ["sibling", "parent", "child", "in_law", "grandchild", "grandparent"] as const, minAge: 20 };

const kinOtherRegion: Plant = (tw, rng, id) => {
  const found = pickCadre(tw, rng, {
    roles: ["party_secretary", "committee_director", "accountant", "committee_member"], minDays: 200,
    kin: { ...KIN, relations: [...KIN.relations], filter: (p) => !p.officer && !p.publicEmployee && p.hhSince < W0 },
  });
  if (found === undefined || found.kin === undefined) return false;
  const { pick, kin } = found;
  const k = kin.person;
  const region = k.hh?.village.id ?? "";
  if (region === pick.post.regionId) return false;
  const d = dayIn(rng, W0 + 60, W1 - 30);
  if (kinInPost(tw, k, region, d)) return false;
  const g = fairGrant(tw, rng, k, d, pick.cadre);
  if (g === undefined) return false;
  const lid = id();
  for (const e of [k.id, g, pick.cadre.id]) tw.lookalike(lid, "kin_other_region", e);
  return true;
};

const kinNotInPost: Plant = (tw, rng, id) => {
  const found = pickCadre(tw, rng, {
    roles: ["party_secretary", "committee_director", "accountant", "committee_member"], minDays: 100,
    kin: { ...KIN, relations: [...KIN.relations], sameVillage: true, filter: (p) => !p.officer && !p.publicEmployee && p.hhSince < W0 },
  });
  if (found === undefined || found.kin === undefined) return false;
  const { pick, kin } = found;
  const post = pick.post;
  // Before the cadre took office, or after he left.
  const before: [Day, Day] = [W0 + 30, post.start - 60];
  const after: [Day, Day] = [(post.end ?? W1) + 60, W1 - 20];
  const span = before[1] - before[0] > 60 ? before : after[1] - after[0] > 60 ? after : undefined;
  if (span === undefined) return false;
  const d = dayIn(rng, span[0], span[1]);
  if (kinInPost(tw, kin.person, post.regionId, d) || kin.person.death <= d) return false;
  const g = fairGrant(tw, rng, kin.person, d, pick.cadre);
  if (g === undefined) return false;
  const lid = id();
  for (const e of [kin.person.id, g, pick.cadre.id]) tw.lookalike(lid, "kin_not_in_post", e);
  return true;
};

const declaredKinFair: Plant = (tw, rng, id) => {
  const found = pickCadre(tw, rng, {
    roles: ["party_secretary", "committee_director", "accountant", "committee_member"], minDays: 200,
    kin: { ...KIN, relations: [...KIN.relations], sameVillage: true, filter: (p) => !p.officer && !p.publicEmployee && p.hhSince < W0 },
  });
  if (found === undefined || found.kin === undefined) return false;
  const { pick, kin } = found;
  const d = dayIn(rng, pick.from, pick.to);
  const g = fairGrant(tw, rng, kin.person, d, pick.cadre);
  if (g === undefined) return false;
  tw.setDeclared(pick.cadre, kin.person, true);
  const lid = id();
  for (const e of [kin.person.id, g, pick.cadre.id]) tw.lookalike(lid, "declared_kin_fair", e);
  return true;
};

const sharedAddressBlock: Plant = (tw, rng, id) => {
  const official = pickCadre(tw, rng, { level: "township", minDays: 300 });
  if (official === undefined) return false;
  const cadre = official.pick.cadre;
  const seat = tw.villages[0];
  if (seat === undefined) return false;
  const approved = tw.grants.filter((g) => g.approvedBy === cadre.id && !tw.used.has(g.beneficiaryId)).map((g) => tw.byId.get(g.beneficiaryId))
    .filter((p): p is Person => p !== undefined && p.death > W1);
  const residents = new Set<Person>([cadre, ...rng.sample(approved, rng.int(1, 2))]);
  const n = rng.int(15, 40);
  for (let i = 0; i < n * 3 && residents.size < n; i++) {
    const p = pickPerson(tw, rng, (x) => x.death > W1 && ageOn(x.birth, W0) >= 18 && !x.cadre && ![...residents].some((r) => r.hh === x.hh));
    if (p !== undefined) residents.add(p);
  }
  const estate = rng.pick(["幸福", "安居", "和谐", "阳光", "移民新"]);
  const address = `${seat.fullName}${estate}小区${rng.int(1, 12)}号楼`;
  const lid = id();
  for (const p of residents) {
    p.addressText = writeAddress(address, rng, 0.3);
    tw.lookalike(lid, "shared_address_block", p.id);
  }
  return true;
};

/** A relative's firm that wins an open tender in another village against several genuine bids. */
function relativeFirm(tw: TownshipState, rng: Rng): { cadre: Person; kin: Person; firm: Company; project: string; award: Day } | undefined {
  const found = pickCadre(tw, rng, {
    roles: ["party_secretary", "committee_director", "accountant", "committee_member"], minDays: 100,
    kin: { relations: ["child", "sibling", "in_law"], minAge: 24, maxAge: 58, filter: (p) => !p.officer && !p.publicEmployee },
  });
  if (found === undefined || found.kin === undefined) return undefined;
  const { pick, kin } = found;
  const others = tw.villages.filter((v) => v.id !== pick.post.regionId);
  if (others.length === 0) return undefined;
  const village = rng.pick(others);
  const award = dayIn(rng, day(2016, 6, 1), W1 - 120);
  const head = tw.villageHead(village.id, award, rng);
  if (head === undefined || kinInPost(tw, kin.person, village.id, award)) return undefined;
  const firm = schemeFirm(tw, rng, { regDay: establishedBefore(rng, award), officers: [{ person: kin.person, role: "legal_rep" }, { person: kin.person, role: "shareholder", share: 1 }] });
  const p = makeProject(tw, rng, {
    regionId: village.id, regionName: village.name, field: pickField(rng), budget: Math.max(120_000, projectBudget(rng, 350_000)),
    method: "open_tender", award, approvedBy: head.ref.id, winner: firm, others: genuineCompetitors(tw, rng, award, rng.int(3, 5), [firm]),
  });
  extraBids(tw, rng, firm, firm.regDay + 60, rng.int(2, 3));
  return { cadre: pick.cadre, kin: kin.person, firm, project: p.id, award };
}

const relativeFirmFairWin: Plant = (tw, rng, id) => {
  const r = relativeFirm(tw, rng);
  if (r === undefined) return false;
  const lid = id();
  for (const e of [r.cadre.id, r.kin.id, r.firm.id, r.project]) tw.lookalike(lid, "relative_firm_fair_win", e);
  return true;
};

const familyTransfer: Plant = (tw, rng, id) => {
  // The relative who runs a firm that won elsewhere sends the cadre money: family, not a kickback.
  const r = relativeFirm(tw, rng);
  if (r === undefined || r.kin.account === undefined || r.cadre.account === undefined) return false;
  const lid = id();
  for (const e of [r.cadre.id, r.kin.id, r.firm.id, r.project]) tw.lookalike(lid, "family_transfer", e);
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) {
    const y = Math.min(2021, yearOf(r.award) + i);
    const d = day(y, 1, 15) + rng.int(0, 40);
    if (d > W1) break;
    tw.lookalike(lid, "family_transfer", tw.transfer(r.kin.account.id, r.cadre.account.id, rng.int(10, 200) * 100, d).id);
  }
  return true;
};

const youngCompanyFairWin: Plant = (tw, rng, id) => {
  const owner = pickPerson(tw, rng, ordinaryAdult);
  if (owner === undefined) return false;
  const award = dayIn(rng, day(2016, 9, 1), W1 - 200);
  const firm = schemeFirm(tw, rng, { regDay: award - rng.int(200, 330), officers: [{ person: owner, role: "legal_rep" }, { person: owner, role: "shareholder", share: 1 }] });
  const village = rng.pick(tw.villages);
  const head = tw.villageHead(village.id, award, rng);
  const p = makeProject(tw, rng, {
    regionId: village.id, regionName: village.name, field: pickField(rng), budget: Math.max(120_000, projectBudget(rng, 300_000)),
    method: "open_tender", award, approvedBy: head?.ref.id, winner: firm, others: genuineCompetitors(tw, rng, award, rng.int(4, 5), [firm]),
  });
  extraBids(tw, rng, firm, firm.regDay + 60, rng.int(2, 3));
  const lid = id();
  for (const e of [firm.id, p.id, owner.id]) tw.lookalike(lid, "young_company_fair_win", e);
  return true;
};

const deceasedPaidBeforeDeath: Plant = (tw, rng, id) => {
  const p = pickPerson(tw, rng, (x) => x.death > W0 + 200 && x.death <= W1 && x.account !== undefined && ageOn(x.birth, x.death) >= 60 && x.hhSince < x.death - 200);
  if (p === undefined) return false;
  const d = p.death - rng.int(3, 60);
  const key: ProgramKey = qualifiesNow(p) ? rng.pick<ProgramKey>(["medical", "dibao"]) : ageOn(p.birth, d) >= 80 ? "elderly" : "forest";
  if (tw.hasGrant(p.id, PROGRAMS[key].id, yearOf(d))) return false;
  const a = approverFor(tw, key, p.hh?.village.id ?? "", d, rng);
  if (a === undefined || a.ref.id === p.id) return false;
  const g = schemeGrant(tw, rng, { key, person: p, day: d, approver: a.ref.id });
  const lid = id();
  tw.lookalike(lid, "deceased_paid_before_death", p.id);
  tw.lookalike(lid, "deceased_paid_before_death", g.id);
  return true;
};

const guardianAccount: Plant = (tw, rng, id) => {
  const child = pickPerson(tw, rng, (x) => x.account === undefined && x.death > W1 && ageOn(x.birth, W0) >= 7 && ageOn(x.birth, W0) <= 12
    && (x.hh?.poor ?? false) && !x.excluded && (x.father?.account !== undefined || x.mother?.account !== undefined));
  if (child === undefined) return false;
  const parent = child.father?.account !== undefined && child.father.emitted && child.father.death > W1 ? child.father : child.mother;
  if (parent?.account === undefined || !parent.emitted || parent.death <= W1) return false;
  const y = rng.int(2016, 2021);
  const d = dayIn(rng, yearStart(y) + 60, yearEnd(y) - 20);
  const a = approverFor(tw, "student", child.hh?.village.id ?? "", d, rng);
  const g = schemeGrant(tw, rng, { key: "student", person: child, day: d, approver: a?.ref.id, account: parent.account.id });
  const lid = id();
  for (const e of [child.id, parent.id, g.id]) tw.lookalike(lid, "guardian_account", e);
  return true;
};

const movedBeneficiary: Plant = (tw, rng, id) => {
  const moves = tw.moves.filter((m) => m.from !== undefined && m.from.village !== m.to.village && !tw.used.has(m.person.id)
    && m.person.account !== undefined && m.person.death > W1 && !m.person.excluded && m.day > yearStart(2017) + 60 && m.day < yearEnd(2020) - 60);
  if (moves.length === 0) return false;
  const m = rng.pick(moves);
  const from = m.from;
  if (from === undefined) return false;
  const p = m.person;
  const y1 = yearOf(m.day) - 1;
  const y2 = yearOf(m.day) + 1;
  const key: ProgramKey = qualifiesNow(p) ? rng.pick<ProgramKey>(["medical", "solar", "dibao"]) : "forest";
  const d1 = dayIn(rng, yearStart(y1) + 30, yearEnd(y1) - 30);
  const d2 = dayIn(rng, yearStart(y2) + 30, Math.min(yearEnd(y2) - 30, W1 - 10));
  const a1 = approverFor(tw, key, from.village.id, d1, rng);
  const a2 = approverFor(tw, key, m.to.village.id, d2, rng);
  const g1 = schemeGrant(tw, rng, { key, person: p, day: d1, approver: a1?.ref.id, regionId: from.village.id });
  const g2 = schemeGrant(tw, rng, { key, person: p, day: d2, approver: a2?.ref.id, regionId: m.to.village.id });
  const lid = id();
  for (const e of [p.id, g1.id, g2.id]) tw.lookalike(lid, "moved_beneficiary", e);
  return true;
};

const KINDS: readonly [string, Plant][] = [
  ["kin_other_region", kinOtherRegion], ["kin_not_in_post", kinNotInPost], ["declared_kin_fair", declaredKinFair],
  ["shared_address_block", sharedAddressBlock], ["relative_firm_fair_win", relativeFirmFairWin], ["family_transfer", familyTransfer],
  ["young_company_fair_win", youngCompanyFairWin], ["deceased_paid_before_death", deceasedPaidBeforeDeath],
  ["guardian_account", guardianAccount], ["moved_beneficiary", movedBeneficiary],
];

/** How many instances of a kind the county should hold once this township is done (spread by villages). */
export function dueBy(tw: TownshipState, total: number): number {
  const townships = tw.county.plan.townships;
  if (tw.plan.index === townships.length - 1) return total;
  const seen = townships.filter((t) => t.index <= tw.plan.index).reduce((a, t) => a + t.villages.length, 0);
  const all = townships.reduce((a, t) => a + t.villages.length, 0);
  return Math.round((total * seen) / all);
}

export function plantLookalikes(tw: TownshipState): void {
  const county = tw.county;
  const rng = tw.rng.fork("lookalikes");
  const id = (): string => tw.newLookalike();
  for (const [kind, plant] of KINDS) {
    const due = dueBy(tw, tw.style.lookalikesPerKind);
    let done = county.lookalikeCounts.get(kind) ?? 0;
    for (let attempts = 0; done < due && attempts < (due - done) * 4 + 4; attempts++) {
      const r = rng.fork(kind, attempts);
      if (tw.attempt(() => plant(tw, r, id))) done++;
    }
    county.lookalikeCounts.set(kind, done);
  }
}
