// Schemes around subsidies and relief: relatives favoured on means-tested lists, the dead and the
// invented kept on the rolls, money paid into accounts the beneficiary does not own, grants paid short,
// relief to people who fail the means test, and the same benefit drawn twice.
import { carAsset, flatAsset } from "../assets.ts";
import { holderAt, postsAt } from "../cadres.ts";
import { idNumber } from "../contacts.ts";
import { age, day, END, START, yearOf, yearsToDays, type Day } from "../dates.ts";
import { villages } from "../geography.ts";
import { relatives } from "../kin.ts";
import type { Grant, Person, Program, Region, Scheme } from "../model.ts";
import { addTransfer } from "../money.ts";
import { alive, createPerson, extraHousehold, householdAt, movePerson, regionAt } from "../population.ts";
import { addGrant, defaultApprover, grantsOf, money, programByKey } from "../programs.ts";
import type { Rng } from "../rng.ts";
import type { Ctx } from "./common.ts";

export const VILLAGE_LEAD = ["party_secretary", "committee_director"] as const;
export const VILLAGE_ANY = ["party_secretary", "committee_director", "committee_member", "accountant"] as const;
const RECURRING = new Set(["dibao", "tekun", "elder", "education", "industry"]);
const INSTALMENTS = new Set(["dibao", "tekun", "elder"]);

export function pickProgram(ctx: Ctx, keys: readonly string[]): Program | undefined {
  for (const key of ctx.rng.shuffle(keys.slice())) {
    const p = programByKey(ctx.world, key);
    if (p) return p;
  }
  return programByKey(ctx.world, "dibao");
}

/** A plausible amount for one payment of a programme. */
export function amountFor(rng: Rng, world: Ctx["world"], key: string): number {
  const n = world.style.dibaoInstallments;
  switch (key) {
    case "dibao":
      return money((rng.int(30, 52) * 10 * rng.int(1, 2) * 12) / n);
    case "tekun":
      return money((rng.int(45, 70) * 10 * 12) / n);
    case "elder":
      return money((rng.int(10, 30) * 10 * 12) / n);
    case "house":
      return rng.int(15, 35) * 1000;
    case "temp":
      return rng.int(20, 60) * 100;
    case "industry":
      return rng.int(50, 100) * 100;
    case "education":
      return rng.pick([2000, 2500, 3000]);
    case "medical":
      return rng.int(50, 300) * 100;
    default:
      return rng.int(10, 50) * 100;
  }
}

/** Payment days of a programme between two days: instalments for rolls, once a year, or once. */
export function schedule(ctx: Ctx, program: Program, from: Day, to: Day, maxYears: number): Day[] {
  const { rng, world } = ctx;
  if (to <= from) return [];
  if (!RECURRING.has(program.key)) return [rng.int(from, to)];
  const out: Day[] = [];
  const first = yearOf(from);
  for (let y = first; y < first + maxYears && y <= yearOf(to); y++) {
    const months = INSTALMENTS.has(program.key) ? (world.style.dibaoInstallments === 1 ? [rng.int(5, 12)] : world.style.dibaoInstallments === 2 ? [6, 12] : [3, 6, 9, 12]) : [rng.int(9, 11)];
    for (const m of months) {
      const d = day(y, m, rng.int(8, 26));
      if (d >= from && d <= to) out.push(d);
    }
  }
  if (out.length === 0) out.push(rng.int(from, to));
  return out;
}

interface PayOpts {
  program: Program;
  beneficiary: Person;
  region: number;
  dates: Day[];
  amount: number;
  approvedBy?: number;
  account?: number;
  approved?: (paid: number) => number | undefined;
  paid?: (approved: number) => number;
}

/** Writes the grants of a scheme, one per payment day. */
export function pay(ctx: Ctx, o: PayOpts): Grant[] {
  return o.dates
    .filter((d) => d <= END && d >= START)
    .map((d) => {
      const approved = o.amount;
      const paid = o.paid ? o.paid(approved) : approved;
      const shownApproved = o.approved ? o.approved(paid) : ctx.rng.chance(ctx.world.style.approvedAmountRate) ? approved : undefined;
      return addGrant(ctx.world, { program: o.program, beneficiary: o.beneficiary.k, region: o.region, year: yearOf(d), amount: paid, paidDate: d, approvedBy: o.approvedBy, account: o.account, approved: shownApproved });
    });
}

/** Somebody else in the village office (or the township) who signs instead, not kin of `avoid`. */
export function colleague(ctx: Ctx, region: number, at: Day, not: number, avoid: number): Person | undefined {
  const kin = relatives(ctx.world, avoid);
  const r = ctx.world.regions[region] as Region;
  const posts = [...postsAt(ctx.world, region, at, ["party_secretary", "committee_director", "accountant", "committee_member"]), ...postsAt(ctx.world, r.township, at, ["program_officer"])];
  const p = posts.map((x) => ctx.world.persons[x.person] as Person).find((q) => q.k !== not && q.k !== avoid && !kin.has(q.k));
  return p;
}

/** Gives a person a visible reason to fail a means test (a car, a flat in town, a share in a firm). */
function wealthSignal(ctx: Ctx, p: Person, before: Day): string {
  const { rng, world } = ctx;
  const roll = rng.next();
  if (roll < 0.45) {
    world.assets.push(carAsset(rng, p.k, before - rng.int(100, 1500), rng.int(60, 220) * 1000));
    return "car";
  }
  if (roll < 0.7) {
    world.assets.push(flatAsset(rng, p.k, before - rng.int(100, 2000), world.style.county));
    return "flat";
  }
  return "none";
}

function approverChoice(ctx: Ctx, slotPerson: Person, region: number, at: Day, beneficiary: number, program: Program): { approver?: Person; mode: string } {
  const roll = ctx.rng.next();
  if (roll < 0.45) return { approver: slotPerson, mode: "self" };
  if (roll < 0.8) {
    const c = colleague(ctx, region, at, slotPerson.k, beneficiary);
    if (c) return { approver: c, mode: "colleague" };
    return { approver: slotPerson, mode: "self" };
  }
  const k = defaultApprover(ctx.world, program, region, at, false);
  const p = k === undefined ? undefined : ctx.world.persons[k];
  if (p && p.k !== beneficiary && !relatives(ctx.world, beneficiary).has(p.k)) return { approver: p, mode: "township" };
  return { approver: slotPerson, mode: "self" };
}

/** 优亲厚友: a cadre's relative, who fails the means test, on a means-tested programme. */
export function kinBenefit(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 40; attempt++) {
    const slot = ctx.cadre(VILLAGE_ANY, 400, (s) => !s.region.urban);
    if (!slot) return undefined;
    const rel = ctx.relative(slot.person.k, slot.from, slot.to, ["sibling", "in_law", "cousin", "child", "nephew_niece", "uncle_aunt", "parent"], { sameRegion: slot.region.k, separateHousehold: true, minAge: 25 });
    if (!rel) continue;
    const [r] = rel;
    const program = pickProgram(ctx, ["dibao", "dibao", "dibao", "house", "industry", "temp", "medical", "education", "tekun"]) as Program;
    let beneficiary = r;
    if (program.key === "education") {
      const kid = r.children.map((c) => world.persons[c] as Person).find((c) => c.inData && ctx.free(c) && age(c.birth, slot.from) >= 6 && age(c.birth, slot.from) <= 19);
      if (!kid) continue;
      beneficiary = kid;
    }
    const first = rng.int(slot.from, Math.max(slot.from, slot.to - 365));
    const dates = schedule(ctx, program, first, slot.to, rng.int(2, 4));
    const { approver, mode } = approverChoice(ctx, slot.person, slot.region.k, first, beneficiary.k, program);
    const signal = wealthSignal(ctx, r, first);
    const tie = ctx.tieKin(slot.person, r);
    const b = ctx.start("KIN_BENEFIT", `${program.key}/${mode}/${signal}/${tie}`, first, `${slot.person.written}让亲属${r.written}享受${program.name}`);
    pay(ctx, { program, beneficiary, region: slot.region.k, dates, amount: amountFor(rng, world, program.key), approvedBy: approver?.k, account: ctx.account(r) });
    b.culprit(slot.person, "cadre").culprit(r, beneficiary === r ? "relative_beneficiary" : "relative_parent");
    if (beneficiary !== r) b.party(beneficiary, "nominal_beneficiary");
    if (approver && approver !== slot.person) b.party(approver, mode === "colleague" ? "cosigner" : "approver_unwitting");
    return b.commit();
  }
  return undefined;
}

/** 虚报冒领: payments that go on after the beneficiary's death, into an account the cadre controls. */
export function deceasedPayee(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 40; attempt++) {
    const slot = ctx.cadre(["accountant", "committee_director", "party_secretary"], 500, (s) => !s.region.urban);
    if (!slot) return undefined;
    const dead = world.persons.filter((p) => p.inData && !p.fictitious && ctx.free(p) && p.death !== undefined && p.death > slot.from + 60 && p.death < slot.to - 150 && regionAt(world, p, p.death - 1) === slot.region.k && age(p.birth, p.death) >= 55 && !ctx.eligibility.cadres.has(p.k) && ctx.needy(p, p.death - 1));
    if (dead.length === 0) continue;
    const d = rng.pick(dead);
    const death = d.death as Day;
    const prior = grantsOf(world, d.k).filter((g) => g.paidDate < death);
    const rolled = prior.map((g) => world.programs[g.program] as Program).find((p) => INSTALMENTS.has(p.key));
    const program = rolled ?? (pickProgram(ctx, ["dibao", "tekun"]) as Program);
    const amount = rolled ? (prior.filter((g) => g.program === rolled.k).at(-1)?.paid ?? amountFor(rng, world, rolled.key)) : amountFor(rng, world, program.key);
    if (!rolled) {
      // The cadre put the old person on the roll a year or two before the death.
      const since = Math.max(START, death - yearsToDays(rng.float(0.8, 2)));
      pay(ctx, { program, beneficiary: d, region: slot.region.k, dates: schedule(ctx, program, since, death - 5, 3), amount, approvedBy: slot.person.k, account: d.account ?? ctx.account(d) });
    }
    const variant = rng.weighted(["cadre_account", "relative_account", "own_account_then_transfer"], (_, i) => [1 - world.style.hiding, 1, world.style.hiding * 1.5][i] ?? 0);
    const b = ctx.start("DECEASED_PAYEE", `${program.key}/${variant}`, death, `${d.written}去世后仍在领取${program.name}`);
    let holder: Person = slot.person;
    if (variant !== "cadre_account") {
      const rel = ctx.relative(slot.person.k, slot.from, slot.to, ["spouse", "child", "sibling", "in_law", "nephew_niece"], { minAge: 20 });
      if (rel) holder = rel[0];
    }
    const after = schedule(ctx, program, death + rng.int(10, 60), Math.min(slot.to, death + yearsToDays(rng.float(1, 3))), 3);
    const approvedBy = rng.chance(0.75) ? slot.person : (colleague(ctx, slot.region.k, death, slot.person.k, d.k) ?? slot.person);
    let into = holder === slot.person ? (rng.chance(0.5) ? ctx.quietAccount(slot.person, death - rng.int(30, 400)) : ctx.account(slot.person)) : ctx.account(holder);
    if (variant === "own_account_then_transfer") into = d.account ?? ctx.account(d);
    const grants = pay(ctx, { program, beneficiary: d, region: slot.region.k, dates: after, amount, approvedBy: approvedBy.k, account: into });
    if (variant === "own_account_then_transfer") for (const g of grants) addTransfer(world, into, ctx.account(holder), g.paid, g.paidDate + rng.int(1, 20));
    b.culprit(slot.person, approvedBy === slot.person ? "approving_cadre" : "cadre");
    if (holder !== slot.person) b.culprit(holder, "account_holder");
    if (approvedBy !== slot.person) b.party(approvedBy, "cosigner");
    b.party(d, "deceased_payee");
    return b.commit();
  }
  return undefined;
}

/** 截留 / 冒领: a victim's grants (or an invented person's) paid into the cadre's or a relative's account. */
export function divertedPayment(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 40; attempt++) {
    const slot = ctx.cadre(["accountant", "committee_director", "party_secretary"], 500, (s) => !s.region.urban);
    if (!slot) return undefined;
    const variant = rng.weighted(["relative_account", "cadre_account", "fictitious", "unlisted_account", "accountant_pool"], (_, i) => [1, 0.8, 1, world.style.hiding, slot.post.role === "accountant" ? 1 : 0][i] ?? 0);
    const first = rng.int(slot.from, Math.max(slot.from, slot.to - 400));
    const rel = ctx.relative(slot.person.k, slot.from, slot.to, ["spouse", "child", "sibling", "in_law", "nephew_niece", "cousin"], { minAge: 20 });
    const holder: Person = variant === "cadre_account" || variant === "accountant_pool" || !rel ? slot.person : rel[0];
    let account = holder === slot.person ? ctx.quietAccount(slot.person, first - rng.int(30, 300)) : ctx.account(holder);
    if (variant === "unlisted_account" && holder !== slot.person) {
      // The relative's card number appears only on the relative's person record, not in the bank list.
      account = ctx.quietAccount(holder, first - rng.int(30, 300));
      (world.accounts[account] as { unlisted: boolean }).unlisted = true;
      holder.account = account;
      world.showAccount.add(holder.k);
    }
    if (holder !== slot.person && variant !== "unlisted_account" && rng.chance(0.5)) ctx.recordKin(slot.person.k, holder.k);
    const b = ctx.start("DIVERTED_PAYMENT", variant, first, `${slot.person.written}把补贴打到自己人的卡上`);
    const victims: Person[] = [];
    if (variant === "fictitious") {
      const birth = day(rng.int(1935, 1958), rng.int(1, 12), rng.int(1, 28));
      const f = createPerson(world, rng, { surname: rng.chance(0.6) && slot.region.surnames.length > 0 ? rng.pick(slot.region.surnames) : slot.person.surname, gender: rng.chance(0.5) ? "M" : "F", birth, home: slot.region.k, death: null });
      f.inData = true;
      f.fictitious = true;
      f.noHousehold = true;
      if (rng.chance(0.4)) f.idNumber = idNumber(world.style.areaCode, birth, f.gender, rng);
      victims.push(f);
      b.party(f, "fictitious_identity");
    } else {
      const n = variant === "accountant_pool" ? rng.int(3, 5) : 1;
      const cands = world.persons.filter((p) => p.inData && !p.fictitious && ctx.free(p) && alive(p, first) && alive(p, slot.to) && regionAt(world, p, first) === slot.region.k && age(p.birth, first) >= 65 && !relatives(world, slot.person.k).has(p.k) && !ctx.eligibility.cadres.has(p.k) && ctx.needy(p, first));
      for (const v of rng.sample(cands, n)) {
        victims.push(v);
        b.party(v, "beneficiary_victim");
      }
    }
    if (victims.length === 0) continue;
    for (const v of victims) {
      const program = pickProgram(ctx, v.fictitious ? ["dibao", "tekun"] : ["dibao", "tekun", "house", "temp", "medical"]) as Program;
      pay(ctx, { program, beneficiary: v, region: slot.region.k, dates: schedule(ctx, program, first, slot.to, rng.int(2, 3)), amount: amountFor(rng, world, program.key), approvedBy: rng.chance(0.7) ? slot.person.k : (defaultApprover(world, program, slot.region.k, first, false) ?? slot.person.k), account });
    }
    b.culprit(slot.person, "cadre");
    if (holder !== slot.person) b.culprit(holder, "account_holder");
    return b.commit();
  }
  return undefined;
}

/** 克扣: grants paid short of the approved amount by the cadre who hands them out. */
export function skimming(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 30; attempt++) {
    const slot = ctx.cadre(["accountant", "committee_director", "party_secretary"], 400, (s) => !s.region.urban);
    if (!slot) return undefined;
    const victims = rng.sample(
      world.persons.filter((p) => p.inData && !p.fictitious && ctx.free(p) && alive(p, slot.from) && alive(p, slot.to) && age(p.birth, slot.from) >= 30 && regionAt(world, p, slot.from) === slot.region.k && !ctx.eligibility.cadres.has(p.k) && !relatives(world, slot.person.k).has(p.k) && ctx.needy(p, slot.from)),
      rng.int(4, 9),
    );
    if (victims.length < 3) continue;
    const style = rng.weighted(["percent", "fixed_fee", "round_down"], (_, i) => [2, 1, 1][i] ?? 0);
    const rate = rng.float(0.55, 0.88);
    const fee = rng.pick([500, 1000, 2000]);
    const b = ctx.start("SKIMMING", style, slot.from, `${slot.person.written}克扣补助款`);
    const second = rng.chance(0.25) ? colleague(ctx, slot.region.k, slot.from, slot.person.k, slot.person.k) : undefined;
    for (const v of victims) {
      const program = pickProgram(ctx, ["house", "industry", "temp", "house", "medical"]) as Program;
      const when = rng.int(slot.from, slot.to);
      const amount = amountFor(rng, world, program.key) + (program.key === "temp" ? 2000 : 0);
      const signer = second && rng.chance(0.5) ? second : rng.chance(0.85) ? slot.person : undefined;
      const approvedBy = signer?.k ?? defaultApprover(world, program, slot.region.k, when, false);
      pay(ctx, {
        program,
        beneficiary: v,
        region: slot.region.k,
        dates: [when],
        amount,
        approvedBy,
        account: v.account ?? ctx.account(v),
        approved: () => amount,
        paid: (approved) => (style === "percent" ? Math.round((approved * rate) / 100) * 100 : style === "fixed_fee" ? Math.max(100, approved - fee) : Math.floor((approved * rate) / 1000) * 1000),
      });
      b.party(v, "short_paid_beneficiary");
      if (approvedBy !== undefined && !signer) b.party(world.persons[approvedBy] as Person, "approver_unwitting");
    }
    b.culprit(slot.person, "cadre");
    if (second) b.culprit(second, "cadre_accomplice");
    return b.commit();
  }
  return undefined;
}

/** 吃低保: relief to a public employee, a firm officer, or the owner of a car or a flat. */
export function ineligible(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  const e = ctx.eligibility;
  for (let attempt = 0; attempt < 40; attempt++) {
    const kind = rng.weighted(["public_employee", "firm_officer", "car_owner", "property_owner"], (_, i) => [1, 1, 1.2, 0.8][i] ?? 0);
    const pool = world.persons.filter((p) => {
      if (!p.inData || p.fictitious || !ctx.free(p) || !alive(p, START) || p.death !== undefined || e.cadres.has(p.k)) return false;
      const a = age(p.birth, START);
      if (a < 25 || a > 70) return false;
      const r = world.regions[regionAt(world, p, START)] as Region;
      if (r.urban) return false;
      if (kind === "public_employee") return p.publicEmployee;
      if (kind === "firm_officer") return e.officers.has(p.k);
      if (kind === "car_owner") return e.wealthy.has(p.k) || rng.chance(0.02);
      return e.wealthy.has(p.k);
    });
    if (pool.length === 0) continue;
    const p = rng.pick(pool);
    const region = regionAt(world, p, START);
    const first = day(rng.int(2016, 2020), rng.int(1, 12), rng.int(1, 28));
    if (kind === "car_owner" && !e.wealthy.has(p.k)) world.assets.push(carAsset(rng, p.k, first - rng.int(200, 1500), rng.int(80, 250) * 1000));
    if (kind === "property_owner" && !world.assets.some((a) => a.owner.k === p.k && a.owner.type === "person" && a.kind === "real_estate")) world.assets.push(flatAsset(rng, p.k, first - rng.int(200, 1500), world.style.county));
    const program = pickProgram(ctx, ["dibao", "dibao", "tekun", "temp", "house"]) as Program;
    const arranged = rng.chance(0.5);
    const cadre = arranged ? (holderAt(world, region, "committee_director", first) ?? holderAt(world, region, "party_secretary", first)) : undefined;
    if (arranged && (!cadre || !ctx.free(cadre) || relatives(world, p.k).has(cadre.k))) continue;
    const approver = cadre?.k ?? defaultApprover(world, program, region, first, false);
    const dates = schedule(ctx, program, first, Math.min(END, first + yearsToDays(rng.float(1, 3))), 3);
    const b = ctx.start("INELIGIBLE", `${kind}/${arranged ? "arranged" : "lax_review"}/${program.key}`, first, `${p.written}不符合条件却吃低保`);
    pay(ctx, { program, beneficiary: p, region, dates, amount: amountFor(rng, world, program.key), approvedBy: approver, account: ctx.account(p) });
    b.culprit(p, "ineligible_beneficiary");
    if (cadre) {
      b.culprit(cadre, "approving_cadre");
      if (rng.chance(0.6)) addTransfer(world, ctx.account(p), ctx.account(cadre), rng.int(10, 50) * 100, (dates[0] ?? first) + rng.int(5, 60));
    } else if (approver !== undefined) b.party(world.persons[approver] as Person, "approver_unwitting");
    return b.commit();
  }
  return undefined;
}

/** 重复领取: the same benefit in two villages, twice in a year, or after a household split made for it. */
export function duplicateBenefit(ctx: Ctx): Scheme | undefined {
  const { rng, world } = ctx;
  for (let attempt = 0; attempt < 40; attempt++) {
    const slot = ctx.cadre(VILLAGE_ANY, 500, (s) => !s.region.urban);
    if (!slot) return undefined;
    const variant = rng.weighted(["two_regions", "twice_a_year", "split_household"], (_, i) => [1, 0.8, 1][i] ?? 0);
    const relPick = ctx.relative(slot.person.k, slot.from, slot.to, variant === "split_household" ? ["child", "parent", "sibling", "grandparent"] : ["sibling", "child", "in_law", "cousin", "nephew_niece", "parent"], { sameRegion: slot.region.k, minAge: variant === "split_household" ? 20 : 25 });
    if (!relPick) continue;
    const [k] = relPick;
    const b = ctx.start("DUPLICATE_BENEFIT", variant, slot.from, `${k.written}重复领取补贴`);
    ctx.tieKin(slot.person, k);
    if (variant === "two_regions") {
      const others = villages(world).filter((v) => v.township === slot.region.township && v.k !== slot.region.k && !v.urban);
      if (others.length === 0) continue;
      const move = rng.int(slot.from + 60, Math.max(slot.from + 61, slot.to - 400));
      const to = extraHousehold(world, rng, rng.pick(others).k, k.k, move);
      movePerson(world, k, to, move);
      const program = pickProgram(ctx, ["dibao", "tekun"]) as Program;
      const amount = amountFor(rng, world, program.key);
      const oldDates = schedule(ctx, program, Math.max(START, move - yearsToDays(1)), Math.min(slot.to, move + yearsToDays(rng.float(1, 2.5))), 4);
      pay(ctx, { program, beneficiary: k, region: slot.region.k, dates: oldDates, amount, approvedBy: slot.person.k, account: ctx.account(k) });
      const newDates = schedule(ctx, program, move + rng.int(30, 120), Math.min(END, move + yearsToDays(2)), 3);
      pay(ctx, { program, beneficiary: k, region: to.region, dates: newDates, amount, approvedBy: defaultApprover(world, program, to.region, move + 60, false), account: ctx.account(k) });
    } else if (variant === "twice_a_year") {
      const program = pickProgram(ctx, ["industry", "temp", "house", "education"]) as Program;
      const when = rng.int(slot.from, slot.to - 60);
      const amount = amountFor(rng, world, program.key);
      const y = yearOf(when);
      const dates = [when, Math.min(day(y, 12, 28), when + rng.int(15, 90))];
      const second = colleague(ctx, slot.region.k, when, slot.person.k, k.k);
      pay(ctx, { program, beneficiary: k, region: slot.region.k, dates: [dates[0] as Day], amount, approvedBy: slot.person.k, account: ctx.account(k) });
      pay(ctx, { program, beneficiary: k, region: slot.region.k, dates: [dates[1] as Day], amount, approvedBy: (rng.chance(0.5) && second ? second : slot.person).k, account: rng.chance(0.5) ? ctx.account(k) : ctx.quietAccount(k, when - 30) });
    } else {
      const split = rng.int(slot.from + 30, Math.max(slot.from + 31, slot.to - 300));
      const hh = householdAt(k, split);
      const to = extraHousehold(world, rng, slot.region.k, k.k, split, hh);
      to.poor = true;
      movePerson(world, k, to, split);
      const program = pickProgram(ctx, ["dibao", "house", "tekun"]) as Program;
      const first = split + rng.int(30, 120);
      pay(ctx, { program, beneficiary: k, region: slot.region.k, dates: schedule(ctx, program, first, Math.min(slot.to, first + yearsToDays(2)), 2), amount: amountFor(rng, world, program.key), approvedBy: (rng.chance(0.6) ? slot.person : (colleague(ctx, slot.region.k, first, slot.person.k, k.k) ?? slot.person)).k, account: ctx.account(k) });
    }
    b.culprit(k, "relative_beneficiary").culprit(slot.person, "cadre");
    return b.commit();
  }
  return undefined;
}
