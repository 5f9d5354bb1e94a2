// Schemes around village and township projects: awards to a relative's firm (openly or through a
// front), concealed ties between a cadre and a winning firm, one-bidder awards above the threshold,
// purchases split under this county's threshold, shell firms born for one project, and a firm that
// takes most of a township's work through its connections.
import { newMobile } from "../accounts.ts";
import { holderAt } from "../cadres.ts";
import { day, END, START, yearOf, yearsToDays, type Day } from "../dates.ts";
import { addRole, firmAddress, legalRep } from "../firms.ts";
import { villagesOf } from "../geography.ts";
import { relatives } from "../kin.ts";
import type { Company, Field, Method, Person, Project, Region, Scheme } from "../model.ts";
import { addTransfer } from "../money.ts";
import type { Trade } from "../names.ts";
import { householdAt, regionAt } from "../population.ts";
import { addBid, addProject, bidAmount, drawBidders, honestPool, pickField, preparerFor, projectName } from "../procurement.ts";
import type { Program } from "../model.ts";
import { amountFor, colleague, pay, pickProgram, schedule, VILLAGE_LEAD } from "./benefits.ts";
import type { Ctx, SchemeBuilder } from "./common.ts";

export interface AwardOpts {
  region: Region;
  field?: Field;
  budget: number;
  method: Method;
  award: Day;
  approvedBy?: number;
  winner: Company;
  /** Winning amount as a share of the budget. */
  price?: number;
  /** Honest firms that bid too; `above` puts their bids above the winner's. */
  rivals?: number;
  above?: boolean;
  name?: string;
  deposit?: number;
  preparer?: string;
}

/** A project steered to `winner`, with whatever honest bids the procedure called for. */
export function steeredProject(ctx: Ctx, o: AwardOpts): { project: Project; rivals: Company[] } {
  const { rng, world } = ctx;
  const field = o.field ?? pickField(rng);
  const competitive = o.method !== "direct_award" && o.method !== "single_source";
  const deadline = competitive ? o.award - rng.int(2, 10) : undefined;
  const announce = deadline !== undefined ? deadline - (o.method === "open_tender" ? rng.int(20, 30) : rng.int(7, 15)) : o.award - rng.int(3, 30);
  const amount = Math.round(o.budget * (o.price ?? rng.float(0.965, 0.995)));
  const project = addProject(world, {
    name: o.name ?? projectName(rng, world, o.region, field),
    region: o.region.k,
    field,
    budget: o.budget,
    method: o.method,
    announce: competitive || rng.chance(0.4) ? announce : undefined,
    deadline,
    award: o.award,
    approvedBy: o.approvedBy,
    awardedTo: o.winner.k,
    awardAmount: amount,
  });
  ctx.steered.add(project.k);
  if (competitive || world.style.directAwardBidRows) {
    addBid(world, { project: project.k, company: o.winner.k, amount, submitted: (deadline ?? o.award) - rng.int(0, 5), deposit: o.deposit ?? (rng.chance(0.7) ? o.winner.account : undefined), preparer: o.preparer ?? preparerFor(world, rng, o.winner, ctx.tendering.agency), disqualified: rng.chance(0.5) ? false : undefined });
  }
  const rivals: Company[] = [];
  if (competitive && (o.rivals ?? 0) > 0) {
    const pool = honestPool(world, ctx.tendering, o.region, field, announce).filter((x) => x.c.k !== o.winner.k && ctx.free(x.c));
    for (const c of drawBidders(rng, ctx.tendering, pool, o.rivals ?? 0)) {
      let bid = bidAmount(rng, world, c, o.budget);
      if (o.above && bid <= amount) bid = Math.min(o.budget, Math.round(amount * rng.float(1.01, 1.08)));
      addBid(world, { project: project.k, company: c.k, amount: bid, submitted: (deadline as Day) - rng.int(0, 8), deposit: rng.chance(0.7) ? c.account : undefined, preparer: preparerFor(world, rng, c, ctx.tendering.agency), disqualified: rng.chance(0.6) ? false : undefined });
      rivals.push(c);
    }
  }
  return { project, rivals };
}

/** Budget and method of a steered project: under the threshold it can be awarded directly. */
export function steeredShape(ctx: Ctx, below: boolean): { budget: number; method: Method } {
  const T = ctx.world.style.threshold;
  if (below) return { budget: Math.round((T * ctx.rng.float(0.3, 0.97)) / 100) * 100, method: ctx.rng.chance(0.8) ? "direct_award" : "competitive_negotiation" };
  return { budget: Math.round((T * ctx.rng.float(1.1, 4)) / 100) * 100, method: ctx.rng.chance(0.6) ? "invited_tender" : "open_tender" };
}

/** Where a village or township cadre's projects happen. */
export function workRegion(ctx: Ctx, slotRegion: Region): Region {
  if (slotRegion.level === "village") return slotRegion;
  const vs = villagesOf(ctx.world, slotRegion.k).filter((v) => !v.urban);
  return ctx.rng.chance(0.4) || vs.length === 0 ? slotRegion : ctx.rng.pick(vs);
}

function markRivals(b: SchemeBuilder, rivals: Company[]): void {
  for (const c of rivals) b.party(c, "honest_competitor");
}

/** 违规发包: projects awarded to a firm run by the cadre's relative, openly or through a front. */
export function kinContract(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 40; attempt++) {
    const township = rng.chance(0.2);
    const slot = township ? ctx.cadre(["township_official"], 500) : ctx.cadre(VILLAGE_LEAD, 500, (s) => !s.region.urban);
    if (!slot) return undefined;
    const rel = ctx.relative(slot.person.k, slot.from, slot.to, ["sibling", "child", "in_law", "nephew_niece", "cousin"], { minAge: 25, maxAge: 62 });
    if (!rel) continue;
    const [r] = rel;
    const variant = rng.weighted(["direct", "front", "spouse_silent"], (_, i) => [1, 0.4 + world.style.hiding * 1.2, 0.4][i] ?? 0);
    const regFirm = world.regions[regionAt(world, r, START)] as Region;
    const registered = slot.from - yearsToDays(rng.float(1, 6));
    const b = ctx.start("KIN_CONTRACT", variant, slot.from, `${slot.person.written}把工程给亲属的公司`);
    let firm: Company;
    if (variant === "front") {
      const nominee = ctx.villager(regFirm.k, slot.from, slot.to, (p) => !ctx.eligibility.officers.has(p.k)) ?? ctx.villager(slot.region.k, slot.from, slot.to);
      if (!nominee) continue;
      firm = ctx.firm(rng.pick<Trade>(["construction", "construction", "water"]), regFirm, registered, nominee, { share: rng.chance(0.5) ? 0.1 : undefined });
      addRole(world, r.k, firm.k, rng.chance(world.style.hiding) ? "manager" : "shareholder", { share: rng.chance(0.6) ? 0.9 : undefined, start: registered + rng.int(0, 200) });
      b.party(nominee, "nominee");
    } else {
      firm = ctx.firm(rng.pick<Trade>(["construction", "water", "agriculture"]), regFirm, registered, r);
      if (variant === "spouse_silent" && slot.person.spouse !== undefined) {
        const s = world.persons[slot.person.spouse] as Person;
        if (s.inData && ctx.free(s)) {
          addRole(world, s.k, firm.k, "shareholder", { share: 0.3, start: registered });
          b.culprit(s, "controller");
        }
      }
    }
    ctx.tieKin(slot.person, r);
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i++) {
      const award = rng.int(slot.from, slot.to);
      const region = workRegion(ctx, slot.region);
      const shape = steeredShape(ctx, rng.chance(0.55));
      const signer = rng.chance(0.65) || slot.region.level === "township" ? slot.person : colleague(ctx, region.k, award, slot.person.k, r.k);
      const { rivals } = steeredProject(ctx, { region, budget: shape.budget, method: shape.method, award, approvedBy: signer?.k, winner: firm, rivals: shape.method === "direct_award" ? 0 : rng.int(1, 3) });
      if (signer && signer !== slot.person) b.party(signer, "cosigner");
      markRivals(b, rivals);
    }
    b.culprit(slot.person, "approving_cadre").culprit(r, "controller").culprit(firm, "winning_firm");
    return b.commit();
  }
  return undefined;
}

/** A concealed link: the cadre (or kin) shares a phone, address or account with a winner or a beneficiary. */
export function hiddenTie(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 40; attempt++) {
    const slot = ctx.cadre(VILLAGE_LEAD, 500, (s) => !s.region.urban);
    if (!slot) return undefined;
    const c = slot.person;
    const kind = rng.weighted(["phone", "address", "account", "grant"], (_, i) => [1.2, 1, 0.8, 0.7][i] ?? 0);
    const b = ctx.start("HIDDEN_TIE", kind, slot.from, `${c.written}与承包老板关系不一般`);
    if (kind === "grant") {
      const beneficiary = ctx.villager(slot.region.k, slot.from, slot.to, (p) => !relatives(world, c.k).has(p.k) && p.gender !== c.gender);
      if (!beneficiary) continue;
      c.phone ??= newMobile(world, rng);
      if (rng.chance(0.5)) beneficiary.phone = c.phone;
      else beneficiary.address = world.households[householdAt(c, slot.from) ?? 0]?.address;
      const program = pickProgram(ctx, ["dibao", "temp", "house", "industry"]) as Program;
      pay(ctx, { program, beneficiary, region: slot.region.k, dates: schedule(ctx, program, rng.int(slot.from, slot.to - 200), slot.to, 3), amount: amountFor(rng, world, program.key), approvedBy: c.k, account: ctx.account(beneficiary) });
      b.culprit(c, "approving_cadre").culprit(beneficiary, "hidden_beneficiary");
      return b.commit();
    }
    const firms = ctx.firms(slot.from, slot.to, (f) => (f.trade === "construction" || f.trade === "water") && world.roles.some((r) => r.company === f.k && r.role === "legal_rep"));
    let firm = firms.length > 0 && rng.chance(0.5) ? rng.pick(firms) : undefined;
    let officer = firm ? legalRep(world, firm.k) : undefined;
    if (!firm || !officer || !ctx.free(officer) || relatives(world, c.k).has(officer.k)) {
      const township = world.regions[slot.region.township] as Region;
      const seatVillage = villagesOf(world, township.k)[0] ?? slot.region;
      officer = ctx.villager(seatVillage.k, slot.from, slot.to, (p) => !relatives(world, c.k).has(p.k) && !ctx.eligibility.officers.has(p.k));
      if (!officer) continue;
      firm = ctx.firm("construction", seatVillage, slot.from - yearsToDays(rng.float(1, 5)), officer);
    }
    const spouse = c.spouse !== undefined ? (world.persons[c.spouse] as Person) : undefined;
    const kinPartner = spouse?.inData && ctx.free(spouse) && rng.chance(0.5) ? spouse : undefined;
    const partner = kinPartner ?? c;
    if (kind === "phone") {
      partner.phone ??= newMobile(world, rng);
      if (rng.chance(0.5)) firm.phone = partner.phone;
      else officer.phone = partner.phone;
    } else if (kind === "address") {
      const address = world.households[householdAt(c, slot.from) ?? 0]?.address ?? firmAddress(world, rng, slot.region);
      if (rng.chance(0.5)) firm.address = address;
      else officer.address = address;
    } else {
      // The officer's card on file is an account the cadre's family holds.
      const acc = ctx.quietAccount(partner, slot.from - rng.int(200, 1500));
      officer.account = acc;
      world.showAccount.add(officer.k);
      if (rng.chance(0.5)) firm.account = acc;
    }
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i++) {
      const award = rng.int(slot.from, slot.to);
      const shape = steeredShape(ctx, rng.chance(0.6));
      const { rivals } = steeredProject(ctx, { region: slot.region, budget: shape.budget, method: shape.method, award, approvedBy: c.k, winner: firm, rivals: shape.method === "direct_award" ? 0 : rng.int(1, 3), above: true });
      markRivals(b, rivals);
    }
    b.culprit(c, "approving_cadre").culprit(firm, "winning_firm").culprit(officer, "officer");
    if (kinPartner) b.culprit(kinPartner, "hidden_partner");
    return b.commit();
  }
  return undefined;
}

/** Controlling person of a firm: its legal representative (or the largest shareholder). */
export function controller(ctx: Ctx, firm: Company): Person | undefined {
  const roles = ctx.world.roles.filter((r) => r.company === firm.k && (r.role === "legal_rep" || r.role === "shareholder"));
  roles.sort((a, b) => (b.share ?? (b.role === "legal_rep" ? 0.5 : 0)) - (a.share ?? (a.role === "legal_rep" ? 0.5 : 0)));
  const r = roles[0];
  return r ? ctx.world.persons[r.person] : undefined;
}

/** No competition: a big project awarded without tender, or a tender where every rival was disqualified. */
export function singleBid(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 40; attempt++) {
    const slot = rng.chance(0.5) ? ctx.cadre(["township_official"], 400) : ctx.cadre(VILLAGE_LEAD, 400, (s) => !s.region.urban);
    if (!slot) return undefined;
    const award = rng.int(slot.from, slot.to);
    const firms = ctx.firms(award, award + 90, (f) => f.trade === "construction" || f.trade === "water");
    if (firms.length === 0) return undefined;
    const firm = rng.pick(firms);
    const boss = controller(ctx, firm);
    if (!boss || !ctx.free(boss)) continue;
    const variant = rng.weighted(["no_tender", "rivals_disqualified", "lone_bidder"], (_, i) => [1, 1, 0.7][i] ?? 0);
    const region = workRegion(ctx, slot.region);
    const budget = Math.round((world.style.threshold * rng.float(1.3, 5)) / 100) * 100;
    const method: Method = variant === "no_tender" ? (rng.chance(0.6) ? "single_source" : "direct_award") : "open_tender";
    const b = ctx.start("SINGLE_BID", variant, award, `${region.name}的工程没有招标就给了${firm.name}`);
    const { project } = steeredProject(ctx, { region, budget, method, award, approvedBy: slot.person.k, winner: firm, price: rng.float(0.975, 0.999) });
    if (variant === "rivals_disqualified") {
      const pool = honestPool(world, ctx.tendering, region, project.field, award - 20).filter((x) => x.c.k !== firm.k && ctx.free(x.c));
      for (const r of drawBidders(rng, ctx.tendering, pool, rng.int(2, 4))) {
        addBid(world, { project: project.k, company: r.k, amount: bidAmount(rng, world, r, budget), submitted: award - rng.int(5, 12), deposit: rng.chance(0.7) ? r.account : undefined, preparer: preparerFor(world, rng, r, ctx.tendering.agency), disqualified: true });
        b.party(r, "disqualified_competitor");
      }
    }
    b.culprit(slot.person, "approving_cadre").culprit(firm, "winning_firm").culprit(boss, "controller");
    return b.commit();
  }
  return undefined;
}

const PHASES = ["（一期）", "（二期）", "（三期）", "（四期）"];

/** 化整为零: one job cut into direct awards just under this county's threshold, weeks apart. */
export function splitPurchase(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  const T = world.style.threshold;
  for (let attempt = 0; attempt < 40; attempt++) {
    const township = rng.chance(0.25);
    const slot = township ? ctx.cadre(["township_official"], 300) : ctx.cadre(VILLAGE_LEAD, 300, (s) => !s.region.urban);
    if (!slot) return undefined;
    const start = rng.int(slot.from, Math.max(slot.from, slot.to - 120));
    const firms = ctx.firms(start, start + 120, (f) => f.trade === "construction" || f.trade === "water" || f.trade === "services");
    if (firms.length === 0) return undefined;
    const firm = rng.pick(firms);
    const boss = controller(ctx, firm);
    if (!boss || !ctx.free(boss)) continue;
    const parts = rng.int(3, 4);
    const hideNames = rng.chance(world.style.hiding);
    const field = pickField(rng);
    const region = township ? workRegion(ctx, slot.region) : slot.region;
    const base = projectName(rng, world, region, field);
    const b = ctx.start("SPLIT_PURCHASE", `${parts}x${hideNames ? "/renamed" : "/phased"}`, start, `${region.name}把工程拆开直接发包给${firm.name}`);
    let d = start;
    for (let i = 0; i < parts; i++) {
      const budget = Math.round((T * rng.float(0.78, 0.985)) / 100) * 100;
      steeredProject(ctx, { region, field: hideNames ? pickField(rng) : field, budget, method: rng.chance(0.85) ? "direct_award" : "single_source", award: Math.min(END, d), approvedBy: slot.person.k, winner: firm, price: rng.float(0.97, 0.999), name: hideNames ? undefined : `${base}${PHASES[i]}` });
      d += rng.int(6, 40);
    }
    b.culprit(slot.person, "approving_cadre").culprit(firm, "winning_firm").culprit(boss, "controller");
    return b.commit();
  }
  return undefined;
}

/** 为特定项目而生: a firm registered weeks before the tender it wins, run by a nominee for the real owner. */
export function shellWinner(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 40; attempt++) {
    const slot = rng.chance(0.35) ? ctx.cadre(["township_official"], 400) : ctx.cadre(VILLAGE_LEAD, 400, (s) => !s.region.urban);
    if (!slot) return undefined;
    const award = rng.int(Math.max(slot.from, day(2016, 4)), slot.to);
    const rel = ctx.relative(slot.person.k, award, Math.min(END, award + 200), ["sibling", "child", "in_law", "nephew_niece", "cousin", "spouse"], { minAge: 22, maxAge: 65 });
    const owner = rel ? rel[0] : slot.person;
    const region = workRegion(ctx, slot.region);
    const nominee = ctx.villager(rng.pick(villagesOf(world, region.township)).k, award - 200, award + 200, (p) => !ctx.eligibility.officers.has(p.k));
    if (!nominee) continue;
    const registered = award - rng.int(15, 75);
    const atAgent = rng.chance(world.style.hiding * 0.6);
    const home = villagesOf(world, region.township)[0] ?? region;
    const shell = ctx.firm(rng.pick<Trade>(["construction", "services", "water"]), home, registered, nominee, { share: rng.chance(0.5) ? 1 : undefined });
    if (atAgent) {
      const agentFirm = world.companies.find((c) => world.roles.some((r) => r.company === c.k && r.role === "agent"));
      if (agentFirm?.address) shell.address = agentFirm.address;
    }
    const link = rng.weighted(["shareholder", "phone", "account"], (_, i) => [1 - world.style.hiding * 0.6, 1, 0.8][i] ?? 0);
    if (link === "shareholder") addRole(world, owner.k, shell.k, "shareholder", { share: rng.chance(0.6) ? rng.pick([0.6, 0.8, 0.9]) : undefined, start: registered });
    else if (link === "phone") {
      owner.phone ??= newMobile(world, rng);
      shell.phone = owner.phone;
    }
    if (owner !== slot.person) ctx.tieKin(slot.person, owner);
    shell.status = rng.weighted(["active", "deregistered", "revoked"], (_, i) => [1, 1.5, 0.8][i] ?? 0) as Company["status"];
    const below = rng.chance(0.5);
    const shape = steeredShape(ctx, below);
    const b = ctx.start("SHELL_WINNER", `${link}${atAgent ? "/agent_address" : ""}`, award, `新注册的${shell.name}刚成立就中标`);
    const { rivals } = steeredProject(ctx, { region, budget: shape.budget, method: shape.method, award, approvedBy: slot.person.k, winner: shell, rivals: shape.method === "direct_award" ? 0 : rng.int(1, 3), above: true });
    markRivals(b, rivals);
    const project = world.projects[world.projects.length - 1] as Project;
    // The money leaves the shell for the real owner within weeks.
    const out = (project.awardAmount ?? shape.budget) * rng.float(0.25, 0.6);
    const parts = rng.int(1, 3);
    for (let i = 0; i < parts; i++) addTransfer(world, shell.account, ctx.account(owner), Math.round(out / parts), award + rng.int(20, 120));
    b.culprit(shell, "shell_firm").culprit(owner, "controller").culprit(slot.person, owner === slot.person ? "approving_cadre_owner" : "approving_cadre");
    b.party(nominee, "nominee");
    return b.commit();
  }
  return undefined;
}

/** 标王: one firm takes most of a township's award value in a year, through a township official. */
export function dominantWinner(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 40; attempt++) {
    const slot = ctx.cadre(["township_official"], 500);
    if (!slot) return undefined;
    const year = rng.int(Math.max(2016, yearOf(slot.from)), Math.min(2021, yearOf(slot.to)));
    const y0 = Math.max(slot.from, day(year, 1, 15));
    const y1 = Math.min(slot.to, day(year, 12, 15));
    if (y1 - y0 < 120) continue;
    const rel = ctx.relative(slot.person.k, y0, y1, ["sibling", "in_law", "nephew_niece", "cousin", "child"], { minAge: 25, maxAge: 62 });
    if (!rel) continue;
    const [r] = rel;
    const variant = rng.weighted(["relative_owner", "front_owner"], (_, i) => [1, world.style.hiding][i] ?? 0);
    const township = slot.region;
    const firms = ctx.firms(y0, y1, (f) => f.trade === "construction" && world.regions[f.region ?? 0]?.township === township.k);
    let firm: Company;
    let boss: Person = r;
    const b = ctx.start("DOMINANT_WINNER", variant, y0, `${township.name}的工程几乎都被一家公司拿走`);
    if (variant === "front_owner" || firms.length === 0) {
      const front = ctx.villager((villagesOf(world, township.k)[0] ?? township).k, y0, y1, (p) => !ctx.eligibility.officers.has(p.k));
      if (!front) continue;
      firm = ctx.firm("construction", villagesOf(world, township.k)[0] ?? township, y0 - yearsToDays(rng.float(1.5, 6)), front);
      addRole(world, r.k, firm.k, "shareholder", { share: rng.chance(0.6) ? 0.7 : undefined, start: firm.registered });
      b.party(front, "nominee");
    } else {
      firm = ctx.firm("construction", villagesOf(world, township.k)[0] ?? township, y0 - yearsToDays(rng.float(2, 8)), r);
      boss = r;
    }
    ctx.tieKin(slot.person, r);
    // The township's honest award value that year, then enough steered work to hold most of it.
    const regionsIn = new Set([township.k, ...villagesOf(world, township.k).map((v) => v.k)]);
    const honest = world.projects.filter((p) => regionsIn.has(p.region) && p.award !== undefined && yearOf(p.award) === year).reduce((t, p) => t + (p.awardAmount ?? 0), 0);
    const want = Math.max(world.style.threshold * 3, honest * rng.float(1.6, 3));
    let won = 0;
    while (won < want) {
      const award = rng.int(y0, y1);
      const region = rng.chance(0.5) ? township : workRegion(ctx, township);
      const shape = steeredShape(ctx, rng.chance(0.3));
      const approver = region.level === "township" ? slot.person.k : (holderAt(world, region.k, "party_secretary", award)?.k ?? slot.person.k);
      const { project, rivals } = steeredProject(ctx, { region, budget: shape.budget, method: shape.method, award, approvedBy: approver, winner: firm, rivals: shape.method === "direct_award" ? 0 : rng.int(1, 3), above: true });
      markRivals(b, rivals);
      if (approver !== slot.person.k) b.party(world.persons[approver] as Person, "approver_unwitting");
      won += project.awardAmount ?? 0;
    }
    b.culprit(slot.person, "connected_official").culprit(firm, "dominant_firm").culprit(boss, "controller");
    return b.commit();
  }
  return undefined;
}
