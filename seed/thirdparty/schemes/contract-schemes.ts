// Schemes in procurement: projects steered to a relative's firm (sometimes behind a nominee
// legal representative), firms that carry a cadre's phone, address or card, rivals disqualified or
// never invited, purchases cut under this county's direct-award limit, rings of firms taking
// turns, money back to the cadre months later through a spouse or a go-between, a township head's
// in-law taking most of a year's work, firms set up weeks before the one tender they win.
import type { Company, Field, Method, Person, Region, Typology } from "../model.ts";
import { DATA_END, EXPORT_DAY, Kit, VILLAGE_HEADS, alive, cents, day, type Planter, type Tenure } from "./kit.ts";

const ORDINALS = ["一", "二", "三", "四", "五"];
const WORKS: readonly (readonly [Field, string])[] = [
  ["infrastructure", "通组公路硬化工程"],
  ["water", "灌溉水渠修复工程"],
  ["infrastructure", "村道拓宽改造工程"],
  ["water", "农村安全饮水巩固提升工程"],
  ["other", "村级文化广场建设"],
  ["agriculture", "产业路建设项目"],
];

/** A budget this county awards by `method`, drawn inside its limits. */
function budgetFor(k: Kit, method: Method): number {
  const { directLimit, tenderLimit } = k.c.profile;
  const r = k.rng;
  if (method === "direct_award") return directLimit * r.float(0.45, 0.97);
  if (method === "open_tender") return tenderLimit * r.float(1.05, 2.2);
  return r.float(directLimit * 1.1, tenderLimit * 0.95);
}

function competitiveMethod(k: Kit): Method {
  return k.rng.weighted<Method>([["competitive_negotiation", 0.4], ["invited_tender", 0.45], ["open_tender", 0.15]]);
}

/** One to three projects in the cadre's region during the tenure, awarded to `firm`. */
function steer(k: Kit, t: Tenure, firm: Company, approver: Person, n: number, region: Region = t.region): number {
  let on = Math.max(k.dayIn(t, 200), firm.registered + 60);
  let count = 0;
  for (let i = 0; i < n && on < t.to - 40; i++) {
    const method: Method = k.rng.chance(0.55) ? "direct_award" : competitiveMethod(k);
    const budget = budgetFor(k, method === "open_tender" ? "competitive_negotiation" : method);
    k.award({ region, on, budget, method: method === "open_tender" ? "invited_tender" : method, winner: firm, approver, rivals: method === "direct_award" ? 0 : k.rng.int(1, 3) });
    count++;
    on += k.rng.int(120, 400);
  }
  return count;
}

export const kinContract: Planter = (k) => {
  const { c, rng } = k;
  const variant = rng.weighted([["relative_firm", 0.35], ["nominee", 0.25], ["spouse_manager", 0.2], ["township_brother", 0.2]] as const);
  const t = variant === "township_brother" ? k.tenure(["township_official"], 800, "township") : k.tenure(VILLAGE_HEADS, 800);
  if (!t) return false;
  const on = k.dayIn(t, 500);
  const s = c.newScheme();
  const T: Typology = "KIN_CONTRACT";
  if (variant === "spouse_manager") {
    const spouse = t.person.spouse;
    const boss = k.contractorType(t.region.level === "village" ? t.region : t.person.village, on);
    if (!spouse || spouse.gone || !k.free(spouse) || !boss) return false;
    const firm = k.firmOf(boss, on) ?? k.firmFor(boss, on, rng.int(300, 1500), t.region);
    c.roles.push({ person: spouse, company: firm, role: rng.pick(["manager", "supervisor"]), start: rng.chance(0.6) ? on - rng.int(0, 200) : undefined });
    if (steer(k, t, firm, t.person, rng.int(1, 3)) === 0) return false;
    k.culprit(s, T, t.person, "approver");
    k.culprit(s, T, spouse, "relative_in_firm");
    k.culprit(s, T, boss, "firm_controller");
    k.culprit(s, T, firm, "winning_firm");
    return true;
  }
  const kin = k.kinOf(t.person, on, ["sibling", "child", "nephew_niece", "in_law", "cousin"]).filter((x) => x.person.male && !c.isCadre(x.person) && !x.person.publicEmployee);
  if (kin.length === 0) return false;
  const rel = rng.pick(kin);
  if (rng.chance(0.3)) k.writeKin(t.person, rel, rng.chance(0.3) ? false : undefined);
  let firm: Company;
  let nominee: Person | undefined;
  if (variant === "nominee") {
    const straw = k.strawMan(rel.person.village, on);
    if (!straw) return false;
    firm = k.firms.firm({ trade: "construction", size: "small", owner: straw, registered: on - rng.int(200, 1200), region: t.region.level === "village" ? (t.region.parent as Region) : t.region, address: k.firms.streetAddress((t.region.parent ?? t.region).name), phone: rel.person.phone, partners: [[rel.person, cents(rng.float(0.6, 0.9))]] });
    nominee = straw;
  } else {
    firm = k.firmOf(rel.person, on) ?? k.firmFor(rel.person, on, rng.int(200, 1500), t.region);
  }
  let approver = t.person;
  if (variant === "nominee" && rng.chance(0.5)) {
    const colleague = c.postsOn(t.region, on, ["committee_director", "party_secretary"]).map((p) => p.person).find((p) => p !== t.person && k.free(p));
    if (colleague) approver = colleague;
  }
  if (variant === "township_brother") {
    const n = rng.int(2, 3);
    let d = Math.max(on, firm.registered + 90);
    for (let i = 0; i < n && d < t.to - 40; i++) {
      k.award({ region: t.region, on: d, budget: budgetFor(k, "competitive_negotiation"), method: "invited_tender", winner: firm, approver, rivals: rng.int(2, 3) });
      d += rng.int(100, 300);
    }
  } else if (steer(k, t, firm, approver, rng.int(1, 3)) === 0) return false;
  k.culprit(s, T, t.person, approver === t.person ? "approver" : "organiser");
  k.culprit(s, T, rel.person, "relative_controller");
  k.culprit(s, T, firm, "winning_firm");
  if (nominee) c.party(s, nominee, "nominee_legal_rep");
  if (approver !== t.person) c.party(s, approver, "signing_colleague");
  return true;
};

export const hiddenTieFirm: Planter = (k) => {
  const { c, rng } = k;
  const tie = rng.weighted([["phone", 0.45], ["address", 0.3], ["account", 0.25]] as const);
  const t = k.tenure(VILLAGE_HEADS, 700);
  if (!t) return false;
  const on = k.dayIn(t, 400);
  const front = k.contractorType(t.region, on, [t.person]) ?? k.contractorType(c.villages.find((v) => v.parent === t.region.parent && v !== t.region) ?? t.region, on, [t.person]);
  if (!front || c.relatives(t.person, 3).has(front)) return false;
  const s = c.newScheme();
  const T: Typology = "HIDDEN_TIE";
  let holder: Person | undefined;
  let firm: Company;
  if (tie === "phone") {
    const who = rng.chance(0.5) ? t.person : (t.person.spouse ?? t.person);
    who.phone ??= `1${rng.pick(["3", "5", "8"])}${rng.digits(9)}`;
    firm = k.firmFor(front, on, rng.int(200, 1000), t.region, { phone: who.phone });
  } else if (tie === "address") {
    firm = k.firmFor(front, on, rng.int(200, 1000), t.region, { address: t.person.household?.address ?? t.person.address, phone: front.phone });
  } else {
    const kids = t.person.children.filter((x) => !x.gone && alive(x, EXPORT_DAY) && k.free(x));
    holder = kids[0] ?? (t.person.spouse && k.free(t.person.spouse) ? t.person.spouse : undefined);
    if (!holder) return false;
    firm = k.firmFor(front, on, rng.int(200, 1000), t.region);
    // The firm's registered account is a personal card of the cadre's child.
    const card = c.openAccount(holder, "card", "中国农业银行", on - rng.int(300, 900));
    holder.accounts.push(card);
    firm.account = card;
  }
  if (steer(k, t, firm, t.person, rng.int(1, 3)) === 0) return false;
  k.culprit(s, T, t.person, "approver");
  k.culprit(s, T, front, "firm_controller");
  k.culprit(s, T, firm, "winning_firm");
  if (holder) k.culprit(s, T, holder, "account_holder");
  return true;
};

export const singleBid: Planter = (k) => {
  const { c, rng } = k;
  const profile = c.profile;
  const variant = rng.weighted([["disqualified", 0.4], ["sole_source", 0.35], ["lone_tender", 0.25]] as const);
  const township = variant !== "disqualified" || rng.chance(0.5);
  const t = township ? k.tenure(["township_official"], 500, "township") : k.tenure(VILLAGE_HEADS, 500);
  if (!t) return false;
  const on = k.dayIn(t, 120);
  const village = t.region.level === "village" ? t.region : rng.pick(c.villages.filter((v) => v.parent === t.region));
  const boss = k.contractorType(village, on);
  if (!boss) return false;
  const firm = k.firmOf(boss, on) ?? k.firmFor(boss, on, rng.int(300, 2000), t.region);
  const s = c.newScheme();
  if (variant === "disqualified") {
    const project = k.award({ region: t.region, on, budget: budgetFor(k, "competitive_negotiation"), method: rng.pick(["competitive_negotiation", "invited_tender"]), winner: firm, approver: t.person, winFactor: rng.float(0.985, 0.999), rivals: rng.int(2, 3), disqualifyRivals: true });
    for (const b of c.bids.filter((x) => x.project === project && x.disqualified)) c.party(s, b.company, "honest_competitor");
  } else if (variant === "sole_source") {
    const budget = t.region.level === "township" ? profile.tenderLimit * rng.float(1.02, 1.6) : profile.directLimit * rng.float(1.3, 3);
    k.award({ region: t.region, on, budget, method: "single_source", winner: firm, approver: t.person, winFactor: rng.float(0.97, 1) });
  } else {
    k.award({ region: t.region, on, budget: profile.tenderLimit * rng.float(1.05, 1.8), method: "open_tender", winner: firm, approver: t.person, winFactor: rng.float(0.985, 0.998), shortWindow: true });
  }
  k.culprit(s, "SINGLE_BID", t.person, "approver");
  k.culprit(s, "SINGLE_BID", boss, "firm_controller");
  k.culprit(s, "SINGLE_BID", firm, "winning_firm");
  return true;
};

export const splitPurchase: Planter = (k) => {
  const { c, rng } = k;
  const twoFirms = rng.chance(0.3);
  const t = k.tenure(VILLAGE_HEADS, 400);
  if (!t) return false;
  const on = k.dayIn(t, 120);
  const boss = k.contractorType(t.region, on) ?? k.contractorType(c.villages.find((v) => v.parent === t.region.parent && v !== t.region) ?? t.region, on);
  if (!boss) return false;
  const firm = k.firmOf(boss, on) ?? k.firmFor(boss, on, rng.int(200, 1500), t.region);
  let second: Company | undefined;
  if (twoFirms) second = k.firmFor(boss, on, rng.int(100, 700), t.region, { trade: "labour", phone: firm.phone });
  const s = c.newScheme();
  const n = rng.int(3, 4);
  const work = rng.pick(WORKS);
  let d = on;
  const limit = c.profile.directLimit;
  for (let i = 0; i < n; i++) {
    const winner = second && i % 2 === 1 ? second : firm;
    k.award({ region: t.region, on: d, budget: limit * rng.float(0.82, 0.99), method: "direct_award", winner, approver: t.person, work: [work[0], `${work[1]}（${ORDINALS[i]}期）`], winFactor: rng.float(0.97, 1) });
    d += rng.int(6, 28);
  }
  k.culprit(s, "SPLIT_PURCHASE", t.person, "approver");
  k.culprit(s, "SPLIT_PURCHASE", boss, "firm_controller");
  k.culprit(s, "SPLIT_PURCHASE", firm, "winning_firm");
  if (second) k.culprit(s, "SPLIT_PURCHASE", second, "winning_firm");
  return true;
};

export const bidRigging: Planter = (k) => {
  const { c, rng } = k;
  const variant = rng.weighted([["family_ring", 0.5], ["one_boss", 0.5]] as const);
  const town = rng.pick(c.townships);
  const villages = c.villages.filter((v) => v.parent === town);
  const start = rng.int(day(2016, 3, 1), day(2022, 3, 1));
  const home = rng.pick(villages);
  const lead = k.contractorType(home, start);
  if (!lead) return false;
  const members: { controller: Person; firm: Company; straw?: Person }[] = [];
  if (variant === "family_ring") {
    const kin = k.kinOf(lead, start, ["sibling", "cousin", "in_law"]).filter((x) => x.person.male && !c.isCadre(x.person) && !x.person.publicEmployee && alive(x.person, EXPORT_DAY)).slice(0, rng.int(1, 2));
    if (kin.length === 0) return false;
    for (const p of [lead, ...kin.map((x) => x.person)]) members.push({ controller: p, firm: k.firmOf(p, start) ?? k.firmFor(p, start, rng.int(200, 2500), town) });
  } else {
    const n = rng.int(2, 3);
    for (let i = 0; i < n; i++) {
      const straw = k.strawMan(rng.pick(villages), start);
      if (!straw || members.some((m) => m.straw === straw)) continue;
      const firm = k.firms.firm({ trade: rng.pick(["construction", "water", "labour"]), size: "small", owner: straw, registered: start - rng.int(150, 1500), region: town, address: k.firms.streetAddress(town.name), phone: rng.chance(0.6) ? lead.phone : undefined, partners: [[lead, cents(rng.float(0.6, 0.95))]] });
      members.push({ controller: lead, firm, straw });
    }
    if (members.length < 2) return false;
  }
  const s = c.newScheme();
  const tight = rng.chance(0.35);
  const n = rng.int(3, 6);
  let d = start;
  let count = 0;
  for (let i = 0; i < n && d < DATA_END - 60; i++) {
    const region = rng.chance(0.6) ? rng.pick(villages) : town;
    const win = members[i % members.length] as (typeof members)[number];
    const covers = members.filter((m) => m !== win).map((m) => m.firm);
    const method: Method = rng.pick(["invited_tender", "competitive_negotiation", "open_tender"]);
    const budget = method === "open_tender" ? budgetFor(k, "open_tender") : budgetFor(k, "competitive_negotiation");
    const p = k.award({ region, on: d, budget, method, winner: win.firm, covers, coverGap: tight ? [0.001, 0.006] : [0.01, 0.04], rivals: rng.int(0, 2), winFactor: rng.float(0.95, 0.99) });
    // Paperwork gives them away now and then: one preparer, one deposit account.
    const ringBids = c.bids.filter((b) => b.project === p && members.some((m) => m.firm === b.company));
    if (rng.chance(0.4)) {
      const name = variant === "one_boss" ? lead.name : win.controller.name;
      for (const b of ringBids) b.preparer = name;
    }
    if (rng.chance(0.3)) for (const b of ringBids) b.depositAccount = c.companyAccount(win.firm);
    count++;
    d += rng.int(60, 240);
  }
  if (count < 2) return false;
  for (const m of members) {
    k.culprit(s, "BID_RIGGING", m.controller, variant === "one_boss" ? "ring_boss" : "ring_member");
    k.culprit(s, "BID_RIGGING", m.firm, "colluding_firm");
    if (m.straw) c.party(s, m.straw, "nominee_legal_rep");
  }
  return true;
};

export const kickback: Planter = (k) => {
  const { c, rng, welfare } = k;
  const variant = rng.weighted([["to_spouse", 0.35], ["go_between", 0.3], ["fee_for_aid", 0.2], ["loan", 0.15]] as const);
  const township = variant !== "fee_for_aid" && rng.chance(0.35);
  const t = township ? k.tenure(["township_official"], 600, "township") : k.tenure(VILLAGE_HEADS, 600);
  if (!t) return false;
  const on = k.dayIn(t, 300);
  const s = c.newScheme();
  const T: Typology = "KICKBACK";
  if (variant === "fee_for_aid") {
    const needy = rng.sample(k.social.villagers(t.region).filter((p) => p.needy && k.free(p) && alive(p, t.to) && !c.isCadre(p)), rng.int(3, 5));
    if (needy.length < 2) return false;
    const into = rng.chance(0.5) && t.person.spouse && k.free(t.person.spouse) && !t.person.spouse.gone ? t.person.spouse : t.person;
    for (const v of needy) {
      const d = k.dayIn(t, 60);
      const g = welfare.pay({ key: rng.pick(["housing", "relief"]), beneficiary: v, year: new Date(d * 86_400_000).getUTCFullYear(), paid: rng.pick(c.profile.housingGrades), paidOn: d, approver: t.person });
      c.transfer(c.ensureAccount(v, d), c.ensureAccount(into, d), Math.round((g.paid * rng.float(0.06, 0.15)) / 100) * 100, d + rng.int(3, 40));
      c.party(s, v, "fee_payer");
    }
    k.culprit(s, T, t.person, "extorting_cadre");
    if (into !== t.person) k.culprit(s, T, into, "account_holder");
    return true;
  }
  const village = t.region.level === "village" ? t.region : rng.pick(c.villages.filter((v) => v.parent === t.region));
  const boss = k.contractorType(village, on, [t.person]);
  if (!boss || c.relatives(t.person, 2).has(boss)) return false;
  const mid = variant === "go_between" ? k.contractorType(village, on, [boss, t.person]) : undefined;
  const kin = variant === "go_between" ? k.kinOf(t.person, on, ["sibling", "in_law", "nephew_niece"]) : [];
  if (variant === "go_between" && (!mid || kin.length === 0)) return false;
  const firm = k.firmOf(boss, on) ?? k.firmFor(boss, on, rng.int(300, 2000), t.region);
  const method: Method = rng.chance(0.4) ? "direct_award" : competitiveMethod(k);
  const p = k.award({ region: t.region, on, budget: budgetFor(k, method), method, winner: firm, approver: t.person, rivals: method === "direct_award" ? 0 : rng.int(2, 4), winFactor: rng.float(0.9, 0.97) });
  const paidBack = (p.awardAmount ?? p.budget) * rng.float(0.04, 0.1);
  const later = (p.award ?? on) + rng.int(40, 220);
  const fromAccount = rng.chance(0.5) ? c.ensureAccount(boss, later) : c.companyAccount(firm);
  if (variant === "to_spouse") {
    const spouse = t.person.spouse && !t.person.spouse.gone && k.free(t.person.spouse) ? t.person.spouse : undefined;
    const into = spouse ?? t.person;
    k.moveMoney(fromAccount, c.ensureAccount(into, later), paidBack, later, rng.int(1, 3));
    if (spouse) k.culprit(s, T, spouse, "account_holder");
  } else if (variant === "go_between" && mid) {
    const rel = rng.pick(kin).person;
    c.transfer(c.companyAccount(firm), c.ensureAccount(mid, later), cents(paidBack * 1.05), later, "劳务费");
    k.moveMoney(c.ensureAccount(mid, later), c.ensureAccount(rel, later), paidBack, later + rng.int(5, 25), rng.int(1, 3));
    k.culprit(s, T, mid, "go_between");
    k.culprit(s, T, rel, "account_holder");
  } else {
    c.transfer(c.ensureAccount(boss, later), c.ensureAccount(t.person, later), Math.round(paidBack / 1_000) * 1_000 + 10_000, later, "借款");
  }
  k.culprit(s, T, t.person, "approver");
  k.culprit(s, T, boss, "firm_controller");
  k.culprit(s, T, firm, "winning_firm");
  return true;
};

export const dominantWinner: Planter = (k) => {
  const { c, rng } = k;
  const t = k.tenure(["township_official"], 800, "township");
  if (!t) return false;
  const on = k.dayIn(t, 400);
  const kin = k.kinOf(t.person, on, ["in_law", "sibling", "cousin", "nephew_niece"]).filter((x) => x.person.male && !c.isCadre(x.person) && !x.person.publicEmployee);
  const crony = kin.length > 0 ? rng.pick(kin).person : k.contractorType(rng.pick(c.villages.filter((v) => v.parent === t.region)), on);
  if (!crony) return false;
  const s = c.newScheme();
  const firm = k.firmOf(crony, on) ?? k.firmFor(crony, on, rng.int(200, 900), t.region);
  const n = rng.int(4, 7);
  const villages = c.villages.filter((v) => v.parent === t.region);
  for (let i = 0; i < n; i++) {
    const d = Math.max(on, firm.registered + 60) + rng.int(0, 250);
    if (d > t.to || d > DATA_END) break;
    const region = i < 2 ? t.region : rng.pick(villages);
    const method: Method = i < 2 ? "invited_tender" : competitiveMethod(k);
    const approver = region === t.region ? t.person : undefined;
    k.award({ region, on: d, budget: budgetFor(k, "competitive_negotiation") * (i < 2 ? 1.6 : 1), method, winner: firm, approver, rivals: rng.int(1, 3), winFactor: rng.float(0.93, 0.985) });
  }
  k.culprit(s, "DOMINANT_WINNER", t.person, "steering_official");
  k.culprit(s, "DOMINANT_WINNER", crony, kin.some((x) => x.person === crony) ? "relative_controller" : "firm_controller");
  k.culprit(s, "DOMINANT_WINNER", firm, "winning_firm");
  return true;
};

export const shellWinner: Planter = (k) => {
  const { c, rng } = k;
  const township = rng.chance(0.4);
  const t = township ? k.tenure(["township_official"], 400, "township") : k.tenure(VILLAGE_HEADS, 400);
  if (!t) return false;
  const on = k.dayIn(t, 150);
  const kin = k.kinOf(t.person, on, ["nephew_niece", "in_law", "sibling", "cousin", "child"]).filter((x) => !c.isCadre(x.person) && !x.person.publicEmployee);
  if (kin.length === 0) return false;
  const controller = rng.pick(kin).person;
  const straw = k.strawMan(controller.village, on);
  if (!straw) return false;
  const s = c.newScheme();
  const tie = rng.weighted([["share", 0.5], ["phone", 0.5]] as const);
  const firm = k.firms.firm({
    trade: "construction",
    size: "micro",
    owner: straw,
    registered: on - rng.int(8, 45),
    region: t.region.level === "village" ? (t.region.parent as Region) : t.region,
    address: k.firms.streetAddress((t.region.parent ?? t.region).name),
    phone: tie === "phone" ? controller.phone : undefined,
    partners: tie === "share" ? [[controller, cents(rng.float(0.5, 0.9))]] : undefined,
  });
  const method: Method = rng.chance(0.5) ? "invited_tender" : rng.chance(0.5) ? "competitive_negotiation" : "direct_award";
  const p = k.award({ region: t.region, on, budget: budgetFor(k, method), method, winner: firm, approver: t.person, rivals: method === "direct_award" ? 0 : rng.int(1, 2) });
  const closeOn = (p.award ?? on) + rng.int(150, 420);
  if (closeOn < EXPORT_DAY - 10) k.firms.close(firm, closeOn, "deregistered");
  if (tie === "phone") c.transfer(c.companyAccount(firm), c.ensureAccount(controller, (p.award ?? on) + 30), (p.awardAmount ?? p.budget) * rng.float(0.3, 0.6), (p.award ?? on) + rng.int(20, 90));
  k.culprit(s, "SHELL_WINNER", controller, "hidden_controller");
  k.culprit(s, "SHELL_WINNER", t.person, "approver");
  k.culprit(s, "SHELL_WINNER", firm, "shell_firm");
  c.party(s, straw, "identity_used");
  return true;
};
