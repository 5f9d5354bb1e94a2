// Schemes between firms and officials: rings of bidders (cover bids just above the winner, shared
// preparers, deposits from one account, a common officer), money back to the approving cadre after
// an award (directly, to kin, through an intermediary, or squeezed out of subsidy recipients), and
// full collusion rings where a township official, a village secretary, their relatives' firms and
// cover bidders share out a township's projects.
import { newMobile } from "../accounts.ts";
import { holderAt } from "../cadres.ts";
import { day, END, yearsToDays, type Day } from "../dates.ts";
import { addRole } from "../firms.ts";
import { townships, villagesOf } from "../geography.ts";
import { relatives } from "../kin.ts";
import type { Company, Person, Program, Project, Region, Scheme } from "../model.ts";
import { addTransfer } from "../money.ts";
import { regionAt } from "../population.ts";
import { addBid, approverFor, bidAmount, drawBidders, honestPool, pickField, preparerFor } from "../procurement.ts";
import { amountFor, pay, pickProgram, VILLAGE_LEAD } from "./benefits.ts";
import type { Ctx, SchemeBuilder } from "./common.ts";
import { controller, steeredProject, steeredShape, workRegion } from "./contracts.ts";

interface RingBid {
  firm: Company;
  boss: Person;
}

interface RingSignals {
  preparer?: string;
  deposit?: number;
  nearIdentical: boolean;
}

/** Picks which traces the ring leaves, and leaves the structural ones (shared officer, phone). */
function ringSignals(ctx: Ctx, ring: RingBid[], leader: RingBid): { signals: RingSignals; names: string[] } {
  const { rng, world } = ctx;
  const names: string[] = [];
  const options = rng.shuffle(["preparer", "deposit", "officer", "phone", "identical"]);
  const n = rng.weighted([1, 2, 3], (_, i) => [1 + world.style.hiding * 2, 2, 1.5 - world.style.hiding][i] ?? 0);
  const chosen = options.slice(0, n);
  const signals: RingSignals = { nearIdentical: chosen.includes("identical") };
  if (chosen.includes("preparer")) signals.preparer = rng.chance(0.5) ? leader.boss.written : (world.persons[rng.int(0, world.persons.length - 1)] as Person).written;
  if (chosen.includes("deposit")) signals.deposit = leader.firm.account;
  if (chosen.includes("officer")) {
    const cover = ring.find((r) => r !== leader);
    if (cover) addRole(world, leader.boss.k, cover.firm.k, rng.chance(0.5) ? "supervisor" : "shareholder", { share: rng.chance(0.5) ? rng.pick([0.1, 0.2, 0.3]) : undefined, start: (cover.firm.registered ?? day(2010)) + rng.int(100, 1500) });
  }
  if (chosen.includes("phone")) {
    leader.firm.phone ??= newMobile(world, rng);
    for (const r of ring) if (r !== leader && rng.chance(0.6)) r.firm.phone = leader.firm.phone;
  }
  names.push(...chosen);
  return { signals, names };
}

/** Bids of one rigged tender: the chosen winner low, the others just above, honest outsiders higher. */
function riggedTender(ctx: Ctx, b: SchemeBuilder, project: Project, ring: RingBid[], winner: RingBid, signals: RingSignals, honest: number): void {
  const { rng, world } = ctx;
  const amount = project.awardAmount as number;
  const deadline = (project.deadline ?? project.award) as Day;
  for (const r of ring) {
    if (r === winner) continue;
    const bid = Math.round(amount * (signals.nearIdentical ? rng.float(1.001, 1.008) : rng.float(1.008, 1.03)));
    addBid(world, {
      project: project.k,
      company: r.firm.k,
      amount: Math.min(project.budget, bid),
      submitted: deadline - rng.int(0, 3),
      deposit: signals.deposit !== undefined && rng.chance(0.7) ? signals.deposit : rng.chance(0.7) ? r.firm.account : undefined,
      preparer: signals.preparer !== undefined && rng.chance(0.8) ? signals.preparer : preparerFor(world, rng, r.firm, ctx.tendering.agency),
      disqualified: rng.chance(0.5) ? false : undefined,
    });
  }
  if (signals.preparer !== undefined) {
    const own = world.bids.find((x) => x.project === project.k && x.company === winner.firm.k);
    if (own && rng.chance(0.7)) own.preparer = signals.preparer;
  }
  if (honest > 0) {
    const region = world.regions[project.region] as Region;
    const pool = honestPool(world, ctx.tendering, region, project.field, project.announce ?? deadline - 20).filter((x) => !ring.some((r) => r.firm.k === x.c.k) && ctx.free(x.c));
    for (const c of drawBidders(rng, ctx.tendering, pool, honest)) {
      const bid = Math.max(bidAmount(rng, world, c, project.budget), Math.min(project.budget, Math.round(amount * rng.float(1.03, 1.1))));
      addBid(world, { project: project.k, company: c.k, amount: bid, submitted: deadline - rng.int(0, 8), deposit: rng.chance(0.7) ? c.account : undefined, preparer: preparerFor(world, rng, c, ctx.tendering.agency) });
      b.party(c, "honest_competitor");
    }
  }
}

function ringMembers(ctx: Ctx, township: Region, k: number, from: Day, to: Day): RingBid[] {
  const { rng, world } = ctx;
  const near = ctx.firms(from, to, (f) => (f.trade === "construction" || f.trade === "water") && (world.regions[f.region ?? 0]?.township === township.k || world.regions[f.region ?? 0]?.urban === true) && !(f as Company & { busy?: boolean }).busy);
  const ring: RingBid[] = [];
  for (const f of rng.shuffle(near)) {
    const boss = controller(ctx, f);
    if (!boss || !ctx.free(boss) || ring.some((r) => r.boss.k === boss.k || relatives(world, r.boss.k).has(boss.k))) continue;
    ring.push({ firm: f, boss });
    if (ring.length >= k) break;
  }
  while (ring.length < k) {
    const seat = villagesOf(world, township.k)[0] ?? township;
    const boss = ctx.villager(seat.k, from, to, (p) => !ctx.eligibility.officers.has(p.k));
    if (!boss) break;
    const f = ctx.firm("construction", seat, from - yearsToDays(rng.float(1, 6)), boss);
    f.scheme = false;
    ring.push({ firm: f, boss });
  }
  return ring;
}

/** 串通投标: a ring of firms that takes turns or lets one firm win, the others covering. */
export function bidRigging(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 20; attempt++) {
    const township = rng.pick(townships(world).filter((t) => !t.urban));
    const from = day(rng.int(2016, 2019), rng.int(1, 12), 1);
    const to = Math.min(END - 30, from + yearsToDays(rng.float(1.5, 3)));
    const ring = ringMembers(ctx, township, rng.int(3, 4), from, to);
    if (ring.length < 3) continue;
    const leader = ring[0] as RingBid;
    const mode = rng.chance(0.55) ? "cover" : "rotation";
    const { signals, names } = ringSignals(ctx, ring, leader);
    const b = ctx.start("BID_RIGGING", `${mode}/${names.join("+")}`, from, `${township.name}几家公司轮流坐庄围标`);
    const tenders = rng.int(3, 6);
    for (let i = 0; i < tenders; i++) {
      const award = rng.int(from, to);
      const region = rng.chance(0.3) ? township : rng.pick(villagesOf(world, township.k).filter((v) => !v.urban).concat([township]));
      const winner = mode === "cover" ? leader : (ring[i % ring.length] as RingBid);
      const budget = Math.round((world.style.threshold * rng.float(1.1, 4)) / 100) * 100;
      const { project } = steeredProject(ctx, { region, field: rng.pick(["infrastructure", "water", "housing", "poverty_alleviation"]), budget, method: rng.chance(0.7) ? "open_tender" : "invited_tender", award, approvedBy: approverFor(world, rng, region, award), winner: winner.firm, price: rng.float(0.93, 0.985), deposit: signals.deposit, preparer: signals.preparer });
      riggedTender(ctx, b, project, ring, winner, signals, rng.chance(0.45) ? rng.int(1, 2) : 0);
    }
    for (const r of ring) b.culprit(r.firm, r === leader && mode === "cover" ? "ring_leader" : mode === "cover" ? "cover_bidder" : "ring_firm").culprit(r.boss, "ring_controller");
    return b.commit();
  }
  return undefined;
}

/** 利益输送: money back to the approving cadre after an award, or squeezed out of subsidy recipients. */
export function kickback(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 40; attempt++) {
    const extortion = rng.chance(0.25);
    const slot = extortion || rng.chance(0.7) ? ctx.cadre(VILLAGE_LEAD, 400, (s) => !s.region.urban) : ctx.cadre(["township_official"], 400);
    if (!slot) return undefined;
    const c = slot.person;
    const spouse = c.spouse !== undefined ? (world.persons[c.spouse] as Person) : undefined;
    const kin = spouse?.inData && ctx.free(spouse) ? spouse : ctx.relative(c.k, slot.from, slot.to, ["child", "sibling", "in_law"], { minAge: 20 })?.[0];
    if (extortion) {
      const victims = rng.sample(world.persons.filter((p) => p.inData && !p.fictitious && ctx.free(p) && p.death === undefined && p.account !== undefined && !ctx.eligibility.cadres.has(p.k) && !relatives(world, c.k).has(p.k) && regionAt(world, p, slot.from) === slot.region.k && ctx.needy(p, slot.from)), rng.int(2, 4));
      if (victims.length < 2) continue;
      const receiver = kin && rng.chance(0.5) ? kin : c;
      const b = ctx.start("KICKBACK", "extortion", slot.from, `${c.written}办危房改造要收好处费`);
      for (const v of victims) {
        const program = pickProgram(ctx, ["house", "industry", "house"]) as Program;
        const when = rng.int(slot.from, slot.to - 60);
        const [g] = pay(ctx, { program, beneficiary: v, region: slot.region.k, dates: [when], amount: amountFor(rng, world, program.key), approvedBy: c.k, account: v.account });
        if (g) addTransfer(world, v.account, ctx.account(receiver), rng.chance(0.5) ? rng.pick([1000, 2000, 3000]) : Math.round(g.paid * rng.float(0.08, 0.15)), when + rng.int(5, 45));
        b.party(v, "extorted_beneficiary");
      }
      b.culprit(c, "cadre");
      if (receiver !== c) b.culprit(receiver, "account_holder");
      return b.commit();
    }
    const award = rng.int(slot.from, Math.min(slot.to, END - 120));
    const firms = ctx.firms(award, award + 120, (f) => f.trade === "construction" || f.trade === "water");
    if (firms.length === 0) return undefined;
    const firm = rng.pick(firms);
    const boss = controller(ctx, firm);
    if (!boss || !ctx.free(boss) || relatives(world, c.k).has(boss.k)) continue;
    const region = workRegion(ctx, slot.region);
    const route = rng.weighted(["firm_to_cadre", "officer_to_relative", "via_intermediary", "split"], (_, i) => [1 - world.style.hiding * 0.5, 1, 0.3 + world.style.hiding, 0.8][i] ?? 0);
    const when = award + rng.int(14, 84);
    const mid = route === "via_intermediary" ? (ctx.relative(boss.k, award, when + 30, ["sibling", "cousin", "in_law", "nephew_niece"], { minAge: 20 })?.[0] ?? ctx.villager(region.k, award, when + 30, (p) => !relatives(world, c.k).has(p.k))) : undefined;
    if (route === "via_intermediary" && !mid) continue;
    const shape = steeredShape(ctx, rng.chance(0.4));
    const { project, rivals } = steeredProject(ctx, { region, budget: shape.budget, method: shape.method, award, approvedBy: c.k, winner: firm, price: rng.float(0.9, 0.99), rivals: shape.method === "direct_award" ? 0 : rng.int(1, 4), above: true });
    const b = ctx.start("KICKBACK", route, award, `${c.written}收了${firm.name}的好处`);
    for (const r of rivals) b.party(r, "honest_competitor");
    const total = Math.max(3000, (project.awardAmount ?? shape.budget) * rng.float(0.03, 0.12));
    const round = (x: number) => (rng.chance(1 - world.style.hiding * 0.6) ? Math.round(x / 1000) * 1000 : Math.round(x));
    const receiver = route === "firm_to_cadre" || !kin ? c : kin;
    const source = route === "firm_to_cadre" ? (firm.account as number) : ctx.account(boss);
    if (mid) {
      addTransfer(world, source, ctx.account(mid), round(total), when);
      addTransfer(world, ctx.account(mid), ctx.account(receiver), round(total * rng.float(0.9, 1)), when + rng.int(1, 15));
      b.culprit(mid, "intermediary");
    } else if (route === "split") {
      const parts = rng.int(2, 3);
      for (let i = 0; i < parts; i++) addTransfer(world, rng.chance(0.5) ? source : (firm.account as number), ctx.account(receiver), round(total / parts), when + i * rng.int(10, 40));
    } else addTransfer(world, source, ctx.account(receiver), round(total), when);
    b.culprit(c, "approving_cadre").culprit(firm, "paying_firm").culprit(boss, "controller");
    if (receiver !== c) b.culprit(receiver, "account_holder");
    return b.commit();
  }
  return undefined;
}

/** 团伙: a township official, a village secretary, their relatives' firms and cover bidders. */
export function collusionRing(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 30; attempt++) {
    const official = ctx.cadre(["township_official"], 700);
    if (!official) return undefined;
    const township = official.region;
    const secretary = ctx.cadre(["party_secretary", "committee_director"], 500, (s) => s.region.township === township.k && !s.region.urban && s.from < official.to - 400 && s.to > official.from + 400 && !relatives(world, official.person.k).has(s.person.k));
    if (!secretary) continue;
    const from = Math.max(official.from, secretary.from);
    const to = Math.min(official.to, secretary.to);
    if (to - from < 400) continue;
    const r1 = ctx.relative(official.person.k, from, to, ["sibling", "in_law", "nephew_niece", "cousin", "child"], { minAge: 25, maxAge: 62 })?.[0];
    const r2 = ctx.relative(secretary.person.k, from, to, ["sibling", "child", "in_law", "nephew_niece", "spouse"], { minAge: 25, maxAge: 62 })?.[0];
    if (!r1 || !r2 || r1 === r2) continue;
    const seat = villagesOf(world, township.k)[0] ?? township;
    const f1 = ctx.firm("construction", seat, from - yearsToDays(rng.float(1, 5)), r1);
    const f2 = ctx.firm(rng.chance(0.5) ? "construction" : "water", secretary.region, from - yearsToDays(rng.float(1, 5)), r2);
    ctx.tieKin(official.person, r1);
    ctx.tieKin(secretary.person, r2);
    const covers = ringMembers(ctx, township, 2, from, to);
    if (covers.length < 2) continue;
    const ring: RingBid[] = [{ firm: f1, boss: r1 }, { firm: f2, boss: r2 }, ...covers];
    const { signals, names } = ringSignals(ctx, ring, ring[0] as RingBid);
    const b = ctx.start("COLLUSION_RING", names.join("+"), from, `${township.name}干部和老板抱团分工程`);
    const projects = rng.int(4, 8);
    for (let i = 0; i < projects; i++) {
      const award = rng.int(from, to);
      const winner = ring[i % 2] as RingBid;
      const region = i % 2 === 0 ? (rng.chance(0.5) ? township : workRegion(ctx, township)) : secretary.region;
      const approver = region === secretary.region ? secretary.person.k : region.level === "township" ? official.person.k : (holderAt(world, region.k, "party_secretary", award)?.k ?? official.person.k);
      const shape = steeredShape(ctx, rng.chance(0.2));
      const method = shape.method === "direct_award" ? "competitive_negotiation" : shape.method;
      const { project } = steeredProject(ctx, { region, field: pickField(rng), budget: shape.budget, method, award, approvedBy: approver, winner: winner.firm, price: rng.float(0.93, 0.985), deposit: signals.deposit, preparer: signals.preparer });
      riggedTender(ctx, b, project, ring, winner, signals, rng.chance(0.3) ? 1 : 0);
      if (approver !== official.person.k && approver !== secretary.person.k) b.party(world.persons[approver] as Person, "approver_unwitting");
      if (rng.chance(0.5)) {
        const receiver = winner === ring[0] ? official.person : secretary.person;
        const spouse = receiver.spouse !== undefined ? world.persons[receiver.spouse] : undefined;
        const to2 = spouse?.inData && rng.chance(0.5) ? spouse : receiver;
        addTransfer(world, rng.chance(0.5) ? winner.firm.account : ctx.account(winner.boss), ctx.account(to2), Math.round((project.awardAmount ?? 0) * rng.float(0.03, 0.08) / 100) * 100, award + rng.int(15, 90));
        if (to2 !== receiver) b.culprit(to2, "account_holder");
      }
    }
    b.culprit(official.person, "official").culprit(secretary.person, "cadre");
    for (const r of ring) b.culprit(r.firm, r.firm === f1 || r.firm === f2 ? "ring_firm" : "cover_bidder").culprit(r.boss, r.firm === f1 || r.firm === f2 ? "controller" : "cover_controller");
    return b.commit();
  }
  return undefined;
}
