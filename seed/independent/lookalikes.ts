// Innocent look-alikes: cases that share a surface with a scheme and are not one. Each is written to
// lookalikes.csv so evaluation can check they rank low; none of their entities is ever a culprit.
import { postsAt } from "./cadres.ts";
import { age, day, END, START, yearOf, type Day } from "./dates.ts";
import { isBusyFirm, legalRep } from "./firms.ts";
import { townships, villages, villagesOf } from "./geography.ts";
import { livingRelatives, relatives } from "./kin.ts";
import type { Company, Person, Program, Project, Region, World } from "./model.ts";
import { addTransfer } from "./money.ts";
import { alive, householdAt, regionAt } from "./population.ts";
import { addBid, addProject, approverFor, bidAmount, drawBidders, honestPool, pickField, preparerFor, projectName, runTender } from "./procurement.ts";
import { addGrant, defaultApprover, passesMeansTest, programByKey } from "./programs.ts";
import type { Ctx } from "./schemes/common.ts";

type Entity = Person | Company;

class Collector {
  /** Victims and other parties of schemes, except honest competitors and unwitting signers (innocent bystanders). */
  private readonly parties: Set<string>;

  constructor(
    readonly ctx: Ctx,
    readonly world: World,
  ) {
    this.parties = new Set(world.schemes.flatMap((s) => s.parties.filter((p) => !/competitor|unwitting/.test(p.part)).map((p) => p.entity)));
  }

  usable(e: Entity): boolean {
    return !this.world.culpritIds.has(e.id) && !this.parties.has(e.id) && !this.world.reserved.has(e.id);
  }

  add(kind: string, entities: Entity[]): boolean {
    if (entities.length === 0 || !entities.every((e) => this.usable(e))) return false;
    const id = `L${String(this.world.lookalikes.length + 1).padStart(2, "0")}`;
    this.world.lookalikes.push({ id, kind, entities: entities.map((e) => e.id) });
    for (const e of entities) this.world.reserved.add(e.id);
    return true;
  }
}

function P(world: World, k: number | undefined): Person | undefined {
  return k === undefined ? undefined : world.persons[k];
}

/** A village cadre whose relative draws a universal subsidy in the cadre's village while in post. */
function universalKin(c: Collector): boolean {
  const { world, ctx } = c;
  const universal = new Set(world.programs.filter((p) => !p.meansTested).map((p) => p.k));
  for (const g of ctx.rng.shuffle(world.grants.filter((x) => universal.has(x.program)).slice(0, 20_000))) {
    const posts = postsAt(world, g.region, g.paidDate).filter((p) => p.role !== "township_official");
    for (const post of posts) {
      const rel = relatives(world, post.person).get(g.beneficiary);
      if (!rel || rel === "spouse" || rel === "child") continue;
      const cadre = P(world, post.person) as Person;
      const r = P(world, g.beneficiary) as Person;
      if (c.add("universal_kin", [r, cadre])) {
        ctx.recordKin(cadre.k, r.k, false);
        return true;
      }
    }
  }
  return false;
}

/** A poor relative of a cadre on 低保, signed by an unrelated official, the tie declared. */
function declaredKinAid(c: Collector): boolean {
  const { world, ctx } = c;
  const rng = ctx.rng;
  const dibao = programByKey(world, "dibao") as Program;
  for (let attempt = 0; attempt < 60; attempt++) {
    const slot = ctx.cadre(["party_secretary", "committee_director", "committee_member", "accountant"], 500, (s) => !s.region.urban);
    if (!slot) return false;
    const cands = livingRelatives(world, slot.person.k, slot.from, (r) => r === "sibling" || r === "cousin" || r === "uncle_aunt" || r === "in_law" || r === "parent").filter(([q]) => {
      const hh = householdAt(q, slot.from);
      return c.usable(q) && alive(q, slot.to) && hh !== undefined && hh !== householdAt(slot.person, slot.from) && regionAt(world, q, slot.from) === slot.region.k && passesMeansTest(world, ctx.eligibility, world.households[hh] as (typeof world.households)[number]);
    });
    if (cands.length === 0) continue;
    const [r] = rng.pick(cands);
    if (!c.add("declared_kin_aid", [r, slot.person])) continue;
    ctx.recordKin(slot.person.k, r.k, true);
    (world.households[householdAt(r, slot.from) as number] as { poor: boolean }).poor = true;
    const years = rng.int(2, 3);
    for (let y = yearOf(slot.from) + 1; y < yearOf(slot.from) + 1 + years && y <= 2021; y++) {
      const d = day(y, rng.int(3, 11), rng.int(5, 25));
      if (d > slot.to || !alive(r, d)) continue;
      const township = world.regions[(world.regions[slot.region.k] as Region).township] as Region;
      const signer = postsAt(world, township.k, d, ["program_officer", "township_official"]).map((p) => p.person).find((k) => k !== slot.person.k && !relatives(world, r.k).has(k));
      const amount = rng.int(250, 420) * 12;
      addGrant(world, { program: dibao, beneficiary: r.k, region: slot.region.k, year: y, amount, paidDate: d, approvedBy: signer, account: ctx.account(r), approved: rng.chance(world.style.approvedAmountRate) ? amount : undefined });
    }
    return true;
  }
  return false;
}

/** Two unrelated firms registered at the agent's address (or keeping books with one bookkeeper) bid on one project. */
function agentCobid(c: Collector, used: Set<string>): boolean {
  const { world, ctx } = c;
  const rng = ctx.rng;
  const byKey = new Map<string, Company[]>();
  for (const f of world.companies) {
    if (f.scheme || f.coop || !c.usable(f)) continue;
    for (const key of [f.address ? `a:${f.address}` : "", f.phone ? `p:${f.phone}` : ""]) {
      if (!key) continue;
      const list = byKey.get(key);
      if (list) list.push(f);
      else byKey.set(key, [f]);
    }
  }
  const groups = rng.shuffle([...byKey.values()].filter((g) => g.length >= 4));
  for (const group of [...groups, ...groups, ...groups, ...groups]) {
    const pair = rng.sample(group.filter((f) => f.fields.includes("infrastructure") || f.fields.includes("water")), 2);
    if (pair.length < 2) continue;
    const [a, b] = pair as [Company, Company];
    const key = [a.k, b.k].sort().join(":");
    if (used.has(key) || ctx.tendering.conflicts.affiliated(a.k, b.k)) continue;
    const tw = rng.pick(townships(world).filter((t) => !t.urban));
    const region = rng.pick(villagesOf(world, tw.k).filter((v) => !v.urban).concat([tw]));
    const award = day(rng.int(2016, 2021), rng.int(2, 10), rng.int(1, 28));
    const from = Math.max(a.registered ?? 0, b.registered ?? 0);
    if (from > award - 60 || (a.closed ?? END) < award || (b.closed ?? END) < award) continue;
    if (ctx.tendering.conflicts.conflicted(a.k, region.k, award) || ctx.tendering.conflicts.conflicted(b.k, region.k, award)) continue;
    if (!c.add("agent_cobid", [a, b])) continue;
    used.add(key);
    const field = a.fields.includes("infrastructure") && b.fields.includes("infrastructure") ? "infrastructure" : "water";
    const budget = Math.round((world.style.threshold * rng.float(1.1, 3)) / 100) * 100;
    const project = addProject(world, { name: projectName(rng, world, region, field), region: region.k, field, budget, method: "open_tender", announce: award - rng.int(30, 40), deadline: award - rng.int(3, 10), award, approvedBy: approverFor(world, rng, region, award) });
    const others = drawBidders(rng, ctx.tendering, honestPool(world, ctx.tendering, region, field, award - 35).filter((x) => x.c.k !== a.k && x.c.k !== b.k && !ctx.involved.has(x.c.id)), rng.int(1, 3));
    runTender(world, rng, ctx.tendering, project, [a, b, ...others]);
    return true;
  }
  return false;
}

function busyFirm(c: Collector): boolean {
  const { world } = c;
  for (const f of world.companies.filter(isBusyFirm)) {
    const rep = legalRep(world, f.k);
    if (rep && c.add("busy_honest_firm", [f, rep])) return true;
    if (!rep && c.add("busy_honest_firm", [f])) return true;
  }
  return false;
}

/** The cadre's relative's firm wins an open tender, on price, in another township. */
function kinFirmElsewhere(c: Collector): boolean {
  const { world, ctx } = c;
  const rng = ctx.rng;
  for (let attempt = 0; attempt < 60; attempt++) {
    const slot = ctx.cadre(["party_secretary", "committee_director", "township_official"], 500);
    if (!slot) return false;
    const reps = livingRelatives(world, slot.person.k, slot.from, (r) => r !== "spouse").map(([q]) => q).filter((q) => c.usable(q));
    const firm = world.companies.find((f) => !f.scheme && !f.coop && c.usable(f) && (f.fields.includes("infrastructure") || f.fields.includes("water")) && (f.registered ?? END) < slot.from - 400 && (f.closed ?? END) >= slot.to && reps.some((q) => legalRep(world, f.k)?.k === q.k));
    if (!firm) continue;
    const rep = legalRep(world, firm.k) as Person;
    const others = townships(world).filter((t) => t.k !== slot.region.township && !t.urban);
    const tw = rng.pick(others);
    const region = rng.pick(villagesOf(world, tw.k).filter((v) => !v.urban).concat([tw]));
    const award = rng.int(slot.from + 60, slot.to);
    if (award > END) continue;
    if (ctx.tendering.conflicts.conflicted(firm.k, region.k, award)) continue;
    if (!c.add("kin_firm_other_township", [firm, rep, slot.person])) continue;
    ctx.recordKin(slot.person.k, rep.k, rng.chance(0.3));
    lowestWins(c, firm, region, award, rng.int(3, 5));
    return true;
  }
  return false;
}

/** An open tender the firm wins with the lowest of several independent bids. */
function lowestWins(c: Collector, firm: Company, region: Region, award: Day, rivals: number): Project {
  const { world, ctx } = c;
  const rng = ctx.rng;
  const field = firm.fields.includes("infrastructure") ? "infrastructure" : (firm.fields[0] ?? "other");
  const budget = Math.round((world.style.threshold * rng.float(1.1, 3.5)) / 100) * 100;
  const project = addProject(world, { name: projectName(rng, world, region, field), region: region.k, field, budget, method: "open_tender", announce: award - rng.int(30, 40), deadline: award - rng.int(3, 10), award, approvedBy: approverFor(world, rng, region, award) });
  const pool = honestPool(world, ctx.tendering, region, field, award - 35).filter((x) => x.c.k !== firm.k && !ctx.involved.has(x.c.id) && !ctx.tendering.conflicts.affiliated(x.c.k, firm.k));
  const others = drawBidders(rng, ctx.tendering, pool, rivals);
  const amounts = others.map((o) => bidAmount(rng, world, o, budget));
  const low = Math.min(...amounts, budget);
  const mine = Math.round(Math.min(low * rng.float(0.96, 0.995), budget * (1 - firm.efficiency)));
  addBid(world, { project: project.k, company: firm.k, amount: mine, submitted: (project.deadline as Day) - rng.int(0, 5), deposit: rng.chance(0.7) ? firm.account : undefined, preparer: preparerFor(world, rng, firm, ctx.tendering.agency) });
  others.forEach((o, i) => addBid(world, { project: project.k, company: o.k, amount: amounts[i] as number, submitted: (project.deadline as Day) - rng.int(0, 8), deposit: rng.chance(0.7) ? o.account : undefined, preparer: preparerFor(world, rng, o, ctx.tendering.agency) }));
  project.awardedTo = firm.k;
  project.awardAmount = mine;
  return project;
}

/** A firm a few months old wins an open tender on price and goes on bidding like any other. */
function youngFirm(c: Collector): boolean {
  const { world, ctx } = c;
  const rng = ctx.rng;
  const cands = world.companies.filter((f) => !f.scheme && !f.coop && c.usable(f) && (f.registered ?? 0) > day(2016, 3) && (f.registered ?? END) < day(2020, 6) && f.status === "active" && (f.fields.includes("infrastructure") || f.fields.includes("water")));
  for (const f of rng.shuffle(cands)) {
    const rep = legalRep(world, f.k);
    if (!rep || !c.usable(rep)) continue;
    const award = (f.registered as Day) + rng.int(40, 100);
    const home = world.regions[f.region ?? 0] as Region;
    const region = rng.pick(villages(world).filter((v) => v.township === home.township && !v.urban).concat([world.regions[home.township] as Region]));
    if (ctx.tendering.conflicts.conflicted(f.k, region.k, award)) continue;
    if (!c.add("young_firm_fair", [f, rep])) continue;
    lowestWins(c, f, region, award, rng.int(3, 5));
    return true;
  }
  return false;
}

/** Grants paid days or weeks before the beneficiary died: legitimate. */
function grantBeforeDeath(c: Collector): boolean {
  const { world, ctx } = c;
  for (const g of ctx.rng.shuffle(world.grants.slice(0, 60_000))) {
    const p = world.persons[g.beneficiary] as Person;
    if (p.death === undefined || p.death - g.paidDate > 30 || p.death - g.paidDate < 2) continue;
    if (c.add("grant_before_death", [p])) return true;
  }
  return false;
}

/** A firm officer sends money to a cadre's relative (the officer's own kin) for a wedding. */
function weddingRemittance(c: Collector): boolean {
  const { world, ctx } = c;
  const rng = ctx.rng;
  const cadres = ctx.eligibility.cadres;
  const officers = rng.shuffle([...new Set(world.roles.filter((r) => (r.role === "legal_rep" || r.role === "shareholder" || r.role === "manager") && !(world.companies[r.company] as Company).scheme).map((r) => r.person))]);
  for (const ok of officers) {
    const o = world.persons[ok] as Person;
    if (!o.inData || !c.usable(o) || cadres.has(o.k)) continue;
    for (const [r] of rng.shuffle(livingRelatives(world, o.k, START, (x) => x === "sibling" || x === "in_law" || x === "cousin" || x === "uncle_aunt" || x === "nephew_niece"))) {
      if (!c.usable(r) || cadres.has(r.k) || r.account === undefined || !alive(r, END)) continue;
      const cadreK = [...relatives(world, r.k)].find(([k, rel]) => cadres.has(k) && k !== o.k && rel !== "cousin" && !relatives(world, o.k).has(k))?.[0];
      if (cadreK === undefined) continue;
      const cadre = world.persons[cadreK] as Person;
      const kids = [r, ...r.children.map((k) => world.persons[k] as Person)].filter((k) => k.marriage !== undefined && k.marriage >= START + 30 && k.marriage <= END);
      const when = kids[0]?.marriage ?? rng.int(START + 30, END);
      if (!c.add("wedding_remittance", [o, r, cadre])) continue;
      ctx.recordKin(o.k, r.k, false);
      addTransfer(world, ctx.account(o), r.account, rng.pick([20_000, 30_000, 36_000, 50_000, 66_000, 88_000]), when - rng.int(3, 20));
      return true;
    }
  }
  return false;
}

function minorParentAccount(c: Collector): boolean {
  const { world, ctx } = c;
  for (const g of ctx.rng.shuffle(world.grants.filter((x) => x.account !== undefined).slice(0, 60_000))) {
    const p = world.persons[g.beneficiary] as Person;
    if (age(p.birth, g.paidDate) >= 18) continue;
    const parent = [p.father, p.mother].map((k) => P(world, k)).find((q) => q?.account === g.account);
    if (parent && c.add("minor_parent_account", [p, parent])) return true;
  }
  // No such grant yet (no education programme): medical relief for a poor family's child, paid to a parent.
  const program = programByKey(world, "medical") ?? programByKey(world, "temp") ?? (programByKey(world, "dibao") as Program);
  for (const p of ctx.rng.shuffle(world.persons.filter((x) => x.inData && !x.fictitious && age(x.birth, END) >= 4 && age(x.birth, END) <= 15))) {
    const parent = [p.mother, p.father].map((k) => P(world, k)).find((q) => q?.inData && q.account !== undefined && alive(q, END));
    const when = END - ctx.rng.int(30, 900);
    if (!parent || !alive(p, when) || !ctx.needy(p, when) || !c.add("minor_parent_account", [p, parent])) continue;
    const region = regionAt(world, p, when);
    addGrant(world, { program, beneficiary: p.k, region, year: yearOf(when), amount: ctx.rng.int(10, 80) * 100, paidDate: when, approvedBy: defaultApprover(world, program, region, when, false), account: parent.account });
    return true;
  }
  return false;
}

function elderChildAccount(c: Collector): boolean {
  const { world, ctx } = c;
  for (const g of ctx.rng.shuffle(world.grants.filter((x) => x.account !== undefined).slice(0, 60_000))) {
    const p = world.persons[g.beneficiary] as Person;
    if (age(p.birth, g.paidDate) < 75) continue;
    const child = p.children.map((k) => world.persons[k] as Person).find((q) => q.account === g.account);
    if (child && c.add("elderly_child_account", [p, child])) return true;
  }
  return false;
}

/** A woman who married into another village: her relief before the move in one village, after it in the other. */
function marriageMove(c: Collector): boolean {
  const { world, ctx } = c;
  const rng = ctx.rng;
  const temp = programByKey(world, "temp") ?? programByKey(world, "medical") ?? (programByKey(world, "dibao") as Program);
  for (const m of rng.shuffle(world.moves.slice())) {
    const p = world.persons[m.person] as Person;
    if (p.gender !== "F" || m.from === undefined || p.marriage === undefined || Math.abs(p.marriage - m.date) > 5 || !c.usable(p) || !alive(p, END)) continue;
    const fromRegion = (world.households[m.from] as { region: number }).region;
    const toRegion = (world.households[m.household] as { region: number }).region;
    if (fromRegion === toRegion || m.date < START + 200 || m.date > END - 200 || !ctx.needy(p, m.date - 1) || !ctx.needy(p, m.date + 1)) continue;
    if (!c.add("marriage_move", [p])) continue;
    const before = m.date - rng.int(60, 180);
    const after = m.date + rng.int(90, 180);
    addGrant(world, { program: temp, beneficiary: p.k, region: fromRegion, year: yearOf(before), amount: rng.int(10, 40) * 100, paidDate: before, approvedBy: defaultApprover(world, temp, fromRegion, before, false), account: ctx.account(p) });
    addGrant(world, { program: temp, beneficiary: p.k, region: toRegion, year: yearOf(after), amount: rng.int(10, 40) * 100, paidDate: after, approvedBy: defaultApprover(world, temp, toRegion, after, false), account: ctx.account(p) });
    return true;
  }
  return false;
}

/** A small job in a remote village where only one firm came to the negotiation. */
function remoteSingleBid(c: Collector): boolean {
  const { world, ctx } = c;
  const rng = ctx.rng;
  const remote = villages(world).filter((v) => !v.urban && v.remote > 0.6);
  for (let attempt = 0; attempt < 20 && remote.length > 0; attempt++) {
    const v = rng.pick(remote);
    const award = day(rng.int(2016, 2021), rng.int(3, 11), rng.int(1, 28));
    const field = pickField(rng);
    const pool = honestPool(world, ctx.tendering, v, field, award - 20).filter((x) => c.usable(x.c));
    if (pool.length === 0) continue;
    const firm = rng.weighted(pool, (x) => x.w).c;
    const approver = approverFor(world, rng, v, award);
    const who = approver === undefined ? undefined : (world.persons[approver] as Person);
    if (!who || !c.add("remote_single_bid", [firm, who])) continue;
    const budget = Math.round((world.style.threshold * rng.float(0.3, 0.9)) / 100) * 100;
    const project = addProject(world, { name: projectName(rng, world, v, field), region: v.k, field, budget, method: "competitive_negotiation", announce: award - rng.int(12, 20), deadline: award - rng.int(2, 6), award, approvedBy: approver });
    runTender(world, rng, ctx.tendering, project, [firm]);
    return true;
  }
  return false;
}

/** A poor household on 低保 that owns a tricycle. */
function cheapVehicle(c: Collector): boolean {
  const { world, ctx } = c;
  const dibao = programByKey(world, "dibao") as Program;
  const owners = new Set(world.assets.filter((a) => a.kind === "vehicle" && (a.value ?? 0) < 20_000 && a.owner.type === "person").map((a) => a.owner.k));
  for (const g of ctx.rng.shuffle(world.grants.filter((x) => x.program === dibao.k && owners.has(x.beneficiary)))) {
    if (c.add("cheap_vehicle_dibao", [world.persons[g.beneficiary] as Person])) return true;
  }
  return false;
}

/** An honest cadre named in spiteful letters (the tips are written later, in oversight). */
function maliciousTip(c: Collector): boolean {
  const slot = c.ctx.cadre(["party_secretary", "committee_director", "township_official"], 300);
  return slot !== undefined && c.add("malicious_tip", [slot.person]);
}

const KINDS: [string, (c: Collector, used: Set<string>) => boolean, number, number][] = [
  ["universal_kin", universalKin, 2, 3],
  ["declared_kin_aid", declaredKinAid, 2, 3],
  ["agent_cobid", agentCobid, 2, 3],
  ["busy_honest_firm", busyFirm, 2, 3],
  ["kin_firm_other_township", kinFirmElsewhere, 2, 3],
  ["young_firm_fair", youngFirm, 2, 2],
  ["grant_before_death", grantBeforeDeath, 2, 3],
  ["wedding_remittance", weddingRemittance, 2, 2],
  ["minor_parent_account", minorParentAccount, 2, 2],
  ["marriage_move", marriageMove, 2, 2],
  ["remote_single_bid", remoteSingleBid, 2, 3],
  ["malicious_tip", maliciousTip, 2, 3],
  ["elderly_child_account", elderChildAccount, 0, 1],
  ["cheap_vehicle_dibao", cheapVehicle, 0, 1],
];

export function plantLookalikes(world: World, ctx: Ctx): void {
  const rng = world.rng.fork("lookalikes");
  const c = new Collector(ctx, world);
  const used = new Set<string>();
  const scale = Math.min(1, world.style.persons / 15_000);
  const cap = Math.max(12, Math.round(rng.int(25, 30) * scale));
  const plan = KINDS.map(([kind, fn, lo, hi]) => ({ kind, fn, lo: scale < 1 ? Math.min(lo, 1) : lo, n: rng.int(lo, hi) }));
  let total = plan.reduce((t, p) => t + p.n, 0);
  while (total > cap) {
    const over = plan.filter((x) => x.n > x.lo);
    if (over.length === 0) break;
    rng.pick(over).n--;
    total--;
  }
  for (const p of plan) {
    let made = 0;
    for (let i = 0; i < p.n + 4 && made < p.n; i++) if (p.fn(c, used)) made++;
  }
  // Some kinds find nothing in some counties: top up with the others, up to the floor.
  const floor = Math.max(10, Math.round(25 * scale));
  for (let round = 0; world.lookalikes.length < floor && round < 4; round++) {
    for (const p of rng.shuffle(plan.slice())) {
      if (world.lookalikes.length >= floor) break;
      p.fn(c, used);
    }
  }
}
