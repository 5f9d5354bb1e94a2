// Schemes in the grant ledger: aid to a cadre's undeclared kin (sometimes signed by a colleague,
// sometimes under this county's relief cap), money paid on for the dead, grants routed to an
// accountant's wife or a go-between, short payments, aid to people who own cars and firms, double
// payments after a paper household split or a move, fronts who share a cadre's phone.
import type { Grant, Household, Person, ProgramKey, Region } from "../model.ts";
import { DATA_END, DATA_START, EXPORT_DAY, Kit, VILLAGE_HEADS, ageOn, alive, day, type Planter } from "./kit.ts";

const Y = (d: number) => new Date(d * 86_400_000).getUTCFullYear();

/** Dibao grants for a person's household over some years, in the county's payment periods. */
function dibaoFor(k: Kit, p: Person, fromYear: number, years: number, approver: Person | null | undefined, opts: { region?: Region; account?: string; factor?: number } = {}): Grant[] {
  const { c, welfare } = k;
  const out: Grant[] = [];
  const members = Math.max(1, p.household?.members.filter((m) => alive(m, day(fromYear, 1, 1))).length ?? 1);
  const factor = opts.factor ?? k.rng.float(0.6, 0.95);
  const periods = c.profile.dibaoPeriods;
  for (let y = fromYear; y < fromYear + years && y <= 2023; y++) {
    for (let i = 0; i < periods; i++) {
      const town = (opts.region ?? p.village).parent as Region;
      const d = welfare.batchDay(town, "dibao", y, i, periods) + k.rng.int(0, 3);
      if (d > EXPORT_DAY) continue;
      const amount = Math.round((Math.min(members, 3) * c.profile.dibaoMonthly * factor) / 10) * 10 * (12 / periods);
      out.push(welfare.pay({ key: "dibao", beneficiary: p, year: y, paid: amount, paidOn: d, approver, region: opts.region, account: opts.account }));
    }
  }
  return out;
}

export const kinBenefit: Planter = (k) => {
  const { c, rng, welfare } = k;
  const variant = rng.weighted([["direct", 0.3], ["colleague", 0.2], ["township", 0.2], ["straw", 0.1], ["under_cap", 0.2]] as const);
  const t = variant === "township" ? k.tenure(["program_officer"], 700, "township") : k.tenure(variant === "colleague" ? ["party_secretary"] : VILLAGE_HEADS, 700);
  if (!t) return false;
  const on = k.dayIn(t, 420);
  const inArea = (p: Person) => (variant === "township" ? p.village.parent === t.region : p.village === t.region);
  const kin = k.kinOf(t.person, on, variant === "straw" ? ["in_law", "sibling"] : ["sibling", "nephew_niece", "in_law", "cousin", "child"]).filter((x) => inArea(x.person) && !x.person.needy && !c.isCadre(x.person));
  if (kin.length === 0) return false;
  const rel = rng.pick(kin);
  const s = c.newScheme();
  if (rng.chance(0.35)) k.writeKin(t.person, rel, rng.chance(0.5) ? false : undefined);
  const y = Y(on);
  switch (variant) {
    case "direct": {
      const key: ProgramKey = rng.pick(["dibao", "housing", "industry"]);
      if (key === "dibao") dibaoFor(k, rel.person, y, rng.int(2, 4), t.person);
      else welfare.pay({ key, beneficiary: rel.person, year: y, paid: key === "housing" ? Math.max(...c.profile.housingGrades) : 5_000, paidOn: on, approver: t.person });
      break;
    }
    case "colleague": {
      const colleague = c.postsOn(t.region, on, ["committee_member", "accountant", "committee_director"]).map((p) => p.person).find((p) => p !== t.person && k.free(p));
      if (!colleague) {
        dibaoFor(k, rel.person, y, rng.int(2, 3), t.person);
      } else {
        dibaoFor(k, rel.person, y, rng.int(2, 3), colleague);
        c.party(s, colleague, "signing_colleague");
      }
      break;
    }
    case "township": {
      const grade = Math.max(...c.profile.housingGrades);
      welfare.pay({ key: "housing", beneficiary: rel.person, year: y, paid: grade, paidOn: on, approver: t.person, region: rel.person.village });
      if (rng.chance(0.6)) welfare.pay({ key: "industry", beneficiary: rel.person, year: Math.min(2023, y + 1), paid: 5_000, paidOn: Math.min(on + rng.int(200, 400), DATA_END), approver: t.person, region: rel.person.village });
      break;
    }
    case "straw": {
      // In the name of an elderly in-law, paid into the cadre's spouse's card.
      const spouse = t.person.spouse;
      const elder = [rel.person.father, rel.person.mother, t.person.spouse?.father, t.person.spouse?.mother].find((x): x is Person => x !== undefined && !x.gone && alive(x, on + 800) && k.free(x) && x.village === t.region);
      if (!spouse || !elder || !k.free(spouse)) {
        dibaoFor(k, rel.person, y, rng.int(2, 3), t.person);
        break;
      }
      const card = c.ensureAccount(spouse, on);
      dibaoFor(k, elder, y, rng.int(2, 4), t.person, { account: card });
      k.culprit(s, "KIN_BENEFIT", t.person, "approver");
      k.culprit(s, "KIN_BENEFIT", spouse, "account_holder");
      c.party(s, elder, "identity_used");
      return true;
    }
    case "under_cap": {
      const cap = c.profile.reliefCap;
      let d = on;
      for (let i = rng.int(3, 5); i > 0 && d < t.to; i--) {
        welfare.pay({ key: "relief", beneficiary: rel.person, year: Y(d), paid: cap - rng.int(1, 30) * 10, paidOn: d, approver: t.person });
        d += rng.int(90, 300);
      }
      break;
    }
  }
  k.culprit(s, "KIN_BENEFIT", t.person, variant === "colleague" ? "organiser" : "approver");
  k.culprit(s, "KIN_BENEFIT", rel.person, "relative_beneficiary");
  return true;
};

/** People who died in the data years and drew an old-age, dibao, disability or support grant before. */
function deadPayees(k: Kit): Person[] {
  const keys = new Set<ProgramKey>(["elderly", "dibao", "tekun", "disability"]);
  const drew = new Set<Person>();
  for (const g of k.c.grants) if (keys.has(g.program.key)) drew.add(g.beneficiary);
  return [...drew].filter((p) => p.died !== undefined && p.died > DATA_START + 200 && p.died < day(2022, 6, 1) && k.free(p));
}

export const deceasedPayee: Planter = (k) => {
  const { c, rng, welfare } = k;
  const dead = deadPayees(k);
  if (dead.length === 0) return false;
  const p = rng.pick(dead);
  const died = p.died as number;
  const last = c.grants.filter((g) => g.beneficiary === p && g.paidOn <= died && ["elderly", "dibao", "tekun", "disability"].includes(g.program.key)).sort((a, b) => b.paidOn - a.paidOn)[0];
  if (!last) return false;
  const variant = rng.weighted([["family", 0.45], ["cadre_kin", 0.35], ["officer", 0.2]] as const);
  const town = p.village.parent as Region;
  const s = c.newScheme();
  let holder: Person | undefined;
  let approver: Person | undefined;
  let account: string;
  if (variant === "family") {
    holder = p.children.find((x) => !x.gone && alive(x, EXPORT_DAY) && !x.migrant && k.free(x)) ?? (p.spouse && alive(p.spouse, EXPORT_DAY) && k.free(p.spouse) ? p.spouse : undefined);
    if (!holder) return false;
    approver = c.holder(p.village, died + 60, ["accountant", "committee_director"]);
    account = c.ensureAccount(holder, died);
  } else if (variant === "cadre_kin") {
    approver = c.holder(p.village, died + 60, ["committee_director", "party_secretary", "accountant"]);
    if (!approver || !k.free(approver)) return false;
    const kin = k.kinOf(approver, died, ["sibling", "child", "in_law", "nephew_niece", "spouse"]);
    if (kin.length === 0) return false;
    holder = rng.pick(kin).person;
    account = c.openAccount(holder, "old", "农村信用合作联社", died - rng.int(30, 600));
    holder.accounts.push(account);
  } else {
    approver = c.postsOn(town, died + 60, ["program_officer"]).map((x) => x.person).find((x) => k.free(x));
    if (!approver) return false;
    account = c.openAccount(approver, "card", "中国邮政储蓄银行", died - rng.int(10, 300));
    approver.accounts.push(account);
  }
  if (approver && !k.free(approver) && variant !== "family") return false;
  const useApprover = approver && k.free(approver) ? approver : undefined;
  // Payments go on as if nothing happened, for one to four more years.
  const key = last.program.key;
  const years = rng.int(1, 4);
  let paidCount = 0;
  for (let y = Y(died); y <= Math.min(2023, Y(died) + years); y++) {
    const periods = key === "dibao" ? c.profile.dibaoPeriods : 1;
    for (let i = 0; i < periods; i++) {
      const d = welfare.batchDay(town, key, y, i, periods) + rng.int(0, 3);
      if (d <= died + 45 || d > EXPORT_DAY) continue;
      welfare.pay({ key, beneficiary: p, year: y, paid: last.paid, approved: last.approved, paidOn: d, approver: useApprover ?? null, account });
      paidCount++;
    }
  }
  if (paidCount === 0) return false;
  if (holder) k.culprit(s, "DECEASED_PAYEE", holder, "account_holder");
  if (useApprover) k.culprit(s, "DECEASED_PAYEE", useApprover, variant === "officer" ? "approver_and_holder" : "approver");
  c.party(s, p, "deceased_payee");
  return true;
};

/** Villagers of a region with grants in a window, who could be robbed without noticing at once. */
function quietBeneficiaries(k: Kit, region: Region, from: number, to: number): Map<Person, Grant[]> {
  const out = new Map<Person, Grant[]>();
  for (const g of k.c.grants) {
    if (g.region !== region || g.paidOn < from || g.paidOn > to || (!g.program.meansTested && g.program.key !== "elderly")) continue;
    const p = g.beneficiary;
    if (!k.free(p) || p.migrant || k.c.isCadre(p)) continue;
    const list = out.get(p) ?? [];
    list.push(g);
    out.set(p, list);
  }
  return out;
}

export const divertedPayment: Planter = (k) => {
  const { c, rng } = k;
  const variant = rng.weighted([["accountant_wife", 0.45], ["go_between", 0.35], ["own_card", 0.2]] as const);
  const t = k.tenure(variant === "go_between" ? VILLAGE_HEADS : ["accountant"], 700);
  if (!t) return false;
  const pool = quietBeneficiaries(k, t.region, t.from, t.to);
  const victims = rng.sample([...pool.keys()], rng.int(3, 6));
  if (victims.length < 2) return false;
  const s = c.newScheme();
  const on = t.from;
  let account: string;
  if (variant === "accountant_wife") {
    const wife = t.person.spouse;
    if (!wife || !k.free(wife) || wife.gone) return false;
    account = c.ensureAccount(wife, on);
    k.culprit(s, "DIVERTED_PAYMENT", wife, "account_holder");
  } else if (variant === "go_between") {
    const kin = k.kinOf(t.person, on, ["cousin", "nephew_niece", "in_law"]);
    if (kin.length === 0) return false;
    const mid = rng.pick(kin).person;
    account = c.ensureAccount(mid, on);
    k.culprit(s, "DIVERTED_PAYMENT", mid, "go_between");
  } else {
    account = c.openAccount(t.person, "old", "农村信用合作联社", on - rng.int(30, 400));
    t.person.accounts.push(account);
  }
  let total = 0;
  for (const v of victims) {
    const grants = (pool.get(v) ?? []).sort((a, b) => a.paidOn - b.paidOn).slice(0, rng.int(1, 3));
    for (const g of grants) {
      g.account = account;
      total += g.paid;
    }
    c.party(s, v, "diverted_beneficiary");
  }
  if (variant === "go_between") {
    const last = Math.max(...victims.flatMap((v) => (pool.get(v) ?? []).map((g) => g.paidOn)));
    k.moveMoney(account, c.ensureAccount(t.person, last), total * rng.float(0.75, 0.92), last + rng.int(10, 60), rng.int(2, 4));
  }
  k.culprit(s, "DIVERTED_PAYMENT", t.person, "organiser");
  return true;
};

export const skimming: Planter = (k) => {
  const { c, rng, welfare } = k;
  const township = rng.chance(0.35);
  const t = township ? k.tenure(["program_officer"], 600, "township") : k.tenure(["committee_director", "party_secretary"], 600);
  if (!t) return false;
  const villages = township ? c.villages.filter((v) => v.parent === t.region) : [t.region];
  const pool = villages.flatMap((v) => k.social.villagers(v)).filter((p) => p.needy && k.free(p) && alive(p, t.to) && ageOn(p.born, t.from) >= 30 && !c.isCadre(p));
  const victims = rng.sample(pool, rng.int(3, 7));
  if (victims.length < 3) return false;
  const s = c.newScheme();
  const cut = rng.chance(0.5) ? rng.float(0.15, 0.3) : rng.float(0.08, 0.14);
  const key: ProgramKey = rng.pick(["housing", "housing", "relief", "industry"]);
  for (const v of victims) {
    const on = k.dayIn(t, 30);
    const approved = key === "housing" ? rng.pick(c.profile.housingGrades) : key === "relief" ? c.profile.reliefCap * rng.float(0.6, 1) : rng.pick([3_000, 4_000, 5_000]);
    const paid = Math.round((approved * (1 - cut)) / 100) * 100;
    welfare.pay({ key, beneficiary: v, year: Y(on), approved: Math.round(approved / 10) * 10, paid, paidOn: on, approver: t.person });
    c.party(s, v, "short_paid_beneficiary");
  }
  k.culprit(s, "SKIMMING", t.person, "approver");
  if (!township && rng.chance(0.4)) {
    const acc = c.postsOn(t.region, t.from, ["accountant"]).map((p) => p.person).find((p) => k.free(p));
    if (acc) k.culprit(s, "SKIMMING", acc, "accomplice");
  }
  return true;
};

export const ineligible: Planter = (k) => {
  const { c, rng } = k;
  const variant = rng.weighted([["car_owner", 0.35], ["firm_officer", 0.35], ["public_employee", 0.3]] as const);
  const t = k.tenure(["committee_director", "party_secretary"], 800);
  if (!t) return false;
  const folks = k.social.villagers(t.region).filter((p) => k.free(p) && !c.isCadre(p) && alive(p, t.to) && ageOn(p.born, t.from) >= 28);
  let who: Person | undefined;
  if (variant === "car_owner") {
    const owners = new Set(c.assets.filter((a) => (a.kind === "vehicle" && (a.value ?? 0) > 60_000) || a.kind === "real_estate").map((a) => a.owner));
    const list = folks.filter((p) => owners.has(p));
    who = list.length > 0 ? rng.pick(list) : undefined;
  } else if (variant === "firm_officer") {
    const officers = new Set(c.roles.filter((r) => (r.role === "legal_rep" || r.role === "shareholder") && r.company.status === "active").map((r) => r.person));
    const list = folks.filter((p) => officers.has(p));
    who = list.length > 0 ? rng.pick(list) : undefined;
  } else {
    const list = folks.filter((p) => p.publicEmployee);
    who = list.length > 0 ? rng.pick(list) : undefined;
  }
  if (!who) return false;
  const s = c.newScheme();
  const on = k.dayIn(t, 500);
  dibaoFor(k, who, Y(on), rng.int(2, 4), t.person);
  if (rng.chance(0.5)) c.transfer(c.ensureAccount(who, on), c.ensureAccount(t.person, on), rng.pick([1_000, 2_000, 3_000, 5_000]), on + rng.int(20, 90));
  k.culprit(s, "INELIGIBLE", who, "beneficiary");
  k.culprit(s, "INELIGIBLE", t.person, "approver");
  return true;
};

export const duplicateBenefit: Planter = (k) => {
  const { c, rng, welfare } = k;
  const variant = rng.weighted([["split", 0.45], ["two_villages", 0.3], ["double_entry", 0.25]] as const);
  const t = k.tenure(VILLAGE_HEADS, 700);
  if (!t) return false;
  const on = k.dayIn(t, 400);
  if (variant === "split") {
    // A relative who lives in someone else's household gets one of his own on paper, just before housing aid.
    const kin = k.kinOf(t.person, on, ["sibling", "nephew_niece", "cousin", "child"]).filter((x) => x.person.household && x.person.household.head !== x.person && x.person.village === t.region);
    if (kin.length === 0) return false;
    const rel = rng.pick(kin).person;
    const old = rel.household;
    const oldHead = old?.head;
    if (!old || !oldHead || !alive(oldHead, on + 60) || !k.free(oldHead)) return false;
    const s = c.newScheme();
    const created = on - rng.int(25, 100);
    const h: Household = { id: c.ids.household(t.region.id), village: t.region, group: old.group, address: `${old.address}附${rng.int(1, 3)}`, members: [] as Person[], splitFrom: old, created, forest: 0 };
    c.households.push(h);
    old.members.splice(old.members.indexOf(rel), 1);
    h.members.push(rel);
    h.head = rel;
    rel.household = h;
    c.moves.push({ person: rel, household: h, date: created, from: old });
    const grade = rng.pick(c.profile.housingGrades);
    welfare.pay({ key: "housing", beneficiary: oldHead, year: Y(on), paid: grade, paidOn: on, approver: t.person });
    welfare.pay({ key: "housing", beneficiary: rel, year: Y(on), paid: grade, paidOn: on + rng.int(0, 20), approver: t.person });
    k.culprit(s, "DUPLICATE_BENEFIT", t.person, "approver");
    k.culprit(s, "DUPLICATE_BENEFIT", rel, "relative_beneficiary");
    return true;
  }
  if (variant === "two_villages") {
    // Moved to the cadre's village and paid there, while the old village keeps paying.
    const others = c.villages.filter((v) => v !== t.region && v.parent === t.region.parent);
    if (others.length === 0) return false;
    const from = rng.pick(others);
    const movers = k.social.villagers(from).filter((p) => k.free(p) && alive(p, EXPORT_DAY) && ageOn(p.born, on) >= 35 && p.household?.head === p && !c.isCadre(p));
    if (movers.length === 0) return false;
    const p = rng.pick(movers);
    const s = c.newScheme();
    const moved = on - rng.int(60, 200);
    const h: Household = { id: c.ids.household(t.region.id), village: t.region, group: rng.int(1, t.region.groups ?? 5), address: `${t.region.name}${rng.int(1, t.region.groups ?? 5)}组${rng.int(61, 90)}号`, members: [p], head: p, splitFrom: undefined, created: moved, forest: 0 };
    c.households.push(h);
    c.moves.push({ person: p, household: h, date: moved, from: p.household });
    const years = rng.int(2, 3);
    dibaoFor(k, p, Y(on), years, undefined, { region: from });
    dibaoFor(k, p, Y(on), years, t.person, { region: t.region });
    k.culprit(s, "DUPLICATE_BENEFIT", p, "beneficiary");
    k.culprit(s, "DUPLICATE_BENEFIT", t.person, "approver");
    return true;
  }
  const kin = k.kinOf(t.person, on, ["sibling", "nephew_niece", "cousin", "in_law"]).filter((x) => x.person.village === t.region);
  if (kin.length === 0) return false;
  const rel = rng.pick(kin).person;
  const s = c.newScheme();
  const key: ProgramKey = rng.pick(["relief", "industry", "housing"]);
  const amount = key === "relief" ? c.profile.reliefCap - rng.int(1, 20) * 10 : key === "industry" ? 5_000 : (c.profile.housingGrades[0] as number);
  welfare.pay({ key, beneficiary: rel, year: Y(on), paid: amount, paidOn: on, approver: null });
  welfare.pay({ key, beneficiary: rel, year: Y(on), paid: amount, paidOn: Math.min(on + rng.int(30, 150), day(Y(on), 12, 28)), approver: t.person });
  k.culprit(s, "DUPLICATE_BENEFIT", t.person, "approver");
  k.culprit(s, "DUPLICATE_BENEFIT", rel, "relative_beneficiary");
  return true;
};

/** Fronts whose registered phone or address is the cadre's, given aid the cadre approves. */
export const hiddenTieBeneficiary: Planter = (k) => {
  const { c, rng, welfare } = k;
  const t = k.tenure(VILLAGE_HEADS, 600);
  if (!t) return false;
  const phone = t.person.phone ?? t.person.spouse?.phone;
  if (!phone) return false;
  const fronts = rng.sample(k.social.villagers(t.region).filter((p) => k.free(p) && !c.isCadre(p) && !p.needy && alive(p, t.to) && ageOn(p.born, t.from) >= 30 && !k.c.relatives(t.person, 2).has(p)), rng.int(1, 2));
  if (fronts.length === 0) return false;
  const s = c.newScheme();
  for (const f of fronts) {
    f.phone = phone;
    const on = k.dayIn(t, 200);
    const key: ProgramKey = rng.pick(["housing", "relief", "industry"]);
    welfare.pay({ key, beneficiary: f, year: Y(on), paid: key === "housing" ? rng.pick(c.profile.housingGrades) : key === "relief" ? c.profile.reliefCap - 10 * rng.int(1, 20) : 5_000, paidOn: on, approver: t.person });
    if (rng.chance(0.5)) c.transfer(c.ensureAccount(f, on), c.ensureAccount(t.person, on), rng.int(10, 40) * 100, on + rng.int(15, 120));
    k.culprit(s, "HIDDEN_TIE", f, "front_beneficiary");
  }
  k.culprit(s, "HIDDEN_TIE", t.person, "approver");
  return true;
};

