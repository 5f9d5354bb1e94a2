// Programmes and the honest grants under them. Universal entitlements reach almost every farming
// household (or everyone over 80) year after year, cadres' families included; means-tested and
// discretionary programmes reach few, and a cadre never signs for his own kin (someone else signs,
// and the tie is often declared).
import { cadreSet, holderAt, postsAt } from "./cadres.ts";
import { age, day, END, inYear, YEARS, type Day } from "./dates.ts";
import { villages } from "./geography.ts";
import { relatives } from "./kin.ts";
import type { Field, Grant, Household, Person, Program, Region, World } from "./model.ts";
import { pairKey } from "./model.ts";
import { alive, headAt, householdAt, regionAt } from "./population.ts";
import type { Rng } from "./rng.ts";

interface Spec {
  key: string;
  name: string;
  field: Field;
  meansTested: boolean;
}

const SPECS: Spec[] = [
  { key: "farm", name: "耕地地力保护补贴", field: "agriculture", meansTested: false },
  { key: "grain", name: "种粮农民补贴", field: "agriculture", meansTested: false },
  { key: "machinery", name: "农机购置补贴", field: "agriculture", meansTested: false },
  { key: "elder", name: "高龄津贴", field: "other", meansTested: false },
  { key: "dibao", name: "农村最低生活保障金", field: "dibao", meansTested: true },
  { key: "tekun", name: "特困人员救助供养金", field: "dibao", meansTested: true },
  { key: "house", name: "农村危房改造补助", field: "housing", meansTested: true },
  { key: "temp", name: "临时救助金", field: "other", meansTested: true },
  { key: "industry", name: "到户产业扶持资金", field: "poverty_alleviation", meansTested: true },
  { key: "education", name: "雨露计划教育资助", field: "education", meansTested: true },
  { key: "medical", name: "医疗救助金", field: "medical", meansTested: true },
];

export function buildPrograms(world: World): void {
  const p = world.style.programmes;
  const on: Record<string, boolean> = { farm: true, elder: true, dibao: true, house: true, grain: p.grain, machinery: p.machinery, tekun: p.tekun, temp: p.temp, industry: p.industry, education: p.education, medical: p.medical };
  for (const s of SPECS) {
    if (!on[s.key]) continue;
    world.programs.push({ k: world.programs.length, id: world.ids.next("prg"), key: s.key, name: s.name, field: s.field, meansTested: s.meansTested });
  }
}

export function programByKey(world: World, key: string): Program | undefined {
  return world.programs.find((p) => p.key === key);
}

/** Means-tested programmes this county runs. */
export function meansTested(world: World): Program[] {
  return world.programs.filter((p) => p.meansTested);
}

const CIVIL = "民政办主任";

/** Who signs a grant of programme `program` to someone living in `region` on `at` (before any recusal). */
export function defaultApprover(world: World, program: Program, region: number, at: Day, villageSigns: boolean): number | undefined {
  const r = world.regions[region] as Region;
  const village = () => (holderAt(world, region, "committee_director", at) ?? holderAt(world, region, "party_secretary", at))?.k;
  const township = (title: string) => (holderAt(world, r.township, "program_officer", at, title) ?? holderAt(world, r.township, "program_officer", at, CIVIL))?.k;
  if (program.key === "machinery") return holderAt(world, 0, "program_officer", at, "县农业农村局农机站站长")?.k;
  if (!program.meansTested) {
    const style = world.style.universalApprover;
    if (style === "none") return undefined;
    if (style === "village") return village();
    return township(program.key === "elder" ? CIVIL : "农业服务中心主任");
  }
  if (villageSigns) return village() ?? township(CIVIL);
  if (program.key === "house") return holderAt(world, 0, "program_officer", at, "县住建局村镇股股长")?.k ?? township(CIVIL);
  if (program.key === "industry" || program.key === "education") return township("扶贫工作站站长");
  return township(CIVIL);
}

/** A signer for a means-tested grant who is not the beneficiary's kin: the tie is often declared. */
export function recusedApprover(world: World, rng: Rng, program: Program, beneficiary: number, region: number, at: Day, first: number | undefined): number | undefined {
  if (first === undefined || !program.meansTested) return first;
  const kin = relatives(world, beneficiary);
  if (first !== beneficiary && !kin.has(first)) return first;
  if (rng.chance(0.75)) {
    const o = world.kinOverrides.get(pairKey(first, beneficiary)) ?? {};
    if (o.declared === undefined) world.kinOverrides.set(pairKey(first, beneficiary), { ...o, declared: true });
  }
  const r = world.regions[region] as Region;
  const others = [...postsAt(world, region, at, ["party_secretary", "committee_director", "accountant"]), ...postsAt(world, r.township, at, ["program_officer", "township_official"])].map((p) => p.person);
  return others.find((k) => k !== first && k !== beneficiary && !kin.has(k));
}

export interface GrantInit {
  program: Program;
  beneficiary: number;
  region: number;
  year: number;
  amount: number;
  paidDate: Day;
  approvedBy?: number;
  account?: number;
  approved?: number;
}

export function addGrant(world: World, g: GrantInit): Grant {
  const grant: Grant = {
    k: world.grants.length,
    id: world.ids.next("g"),
    program: g.program.k,
    beneficiary: g.beneficiary,
    region: g.region,
    year: g.year,
    approved: g.approved,
    paid: g.amount,
    paidDate: g.paidDate,
    approvedBy: g.approvedBy,
    account: g.account,
  };
  world.grants.push(grant);
  return grant;
}

/** The account a grant is paid into: the beneficiary's own, or (minors, the very old, people without one) a family member's. */
export function payInto(world: World, rng: Rng, p: Person, at: Day): number | undefined {
  if (!rng.chance(world.style.grantAccountRate)) return undefined;
  const own = p.account;
  const a = age(p.birth, at);
  const family = () => {
    const hh = householdAt(p, at);
    const cands = [p.mother, p.father, p.spouse, ...p.children]
      .map((k) => (k === undefined ? undefined : world.persons[k]))
      .filter((q): q is Person => q !== undefined && q.inData && q.account !== undefined && alive(q, at) && age(q.birth, at) >= 18 && (householdAt(q, at) === hh || q.k === p.mother || q.k === p.father || p.children.includes(q.k)));
    return cands.length > 0 ? rng.pick(cands).account : undefined;
  };
  if (a < 18) return family();
  if (own === undefined) return family();
  if (a >= 80 && rng.chance(0.2)) return family() ?? own;
  return own;
}

function installmentDays(rng: Rng, year: number, n: 1 | 2 | 4): Day[] {
  if (n === 1) return [inYear(rng, year, rng.int(1, 12), 12)];
  const months = n === 2 ? [6, 12] : [3, 6, 9, 12];
  return months.map((m) => day(year, m, rng.int(8, 26)));
}

export function money(x: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

export interface Eligibility {
  wealthy: Set<number>;
  officers: Set<number>;
  cadres: Set<number>;
}

export function eligibility(world: World): Eligibility {
  const wealthy = new Set<number>();
  for (const a of world.assets) if (a.owner.type === "person" && ((a.kind === "vehicle" && (a.value ?? 100_000) >= 30_000) || a.kind === "real_estate")) wealthy.add(a.owner.k);
  const officers = new Set(world.roles.filter((r) => r.role === "legal_rep" || r.role === "shareholder" || r.role === "director").map((r) => r.person));
  return { wealthy, officers, cadres: cadreSet(world) };
}

/** A household passes the means test when no member is a public employee, firm officer or owner of a car or flat. */
export function passesMeansTest(world: World, e: Eligibility, h: Household): boolean {
  return h.members.every((k) => {
    const p = world.persons[k] as Person;
    return !p.publicEmployee && !e.officers.has(k) && !e.wealthy.has(k) && !e.cadres.has(k);
  });
}

function livingMembers(world: World, h: Household, at: Day): Person[] {
  return h.members.map((k) => world.persons[k] as Person).filter((p) => p.inData && alive(p, at) && householdAt(p, at) === h.k);
}

export function buildGrants(world: World): void {
  const { style } = world;
  const rng = world.rng.fork("grants");
  const e = eligibility(world);
  const villageSigns = new Map<number, boolean>();
  for (const v of villages(world)) villageSigns.set(v.k, style.meansApprover === "village" || (style.meansApprover === "mixed" && rng.chance(0.5)));
  const give = (program: Program | undefined, p: Person, year: number, amount: number, paidDate: Day, decimals = 0) => {
    if (!program || !alive(p, paidDate) || !p.inData || paidDate > END) return;
    const region = regionAt(world, p, paidDate);
    let approvedBy = defaultApprover(world, program, region, paidDate, villageSigns.get(region) ?? false);
    approvedBy = recusedApprover(world, rng, program, p.k, region, paidDate, approvedBy);
    const paid = money(amount, decimals);
    const approved = rng.chance(style.approvedAmountRate) ? paid : undefined;
    addGrant(world, { program, beneficiary: p.k, region, year, amount: paid, paidDate, approvedBy, account: payInto(world, rng, p, paidDate), approved });
  };
  const P = (key: string) => programByKey(world, key);
  const farmRate = rng.float(90, 140);
  const grainRate = rng.float(15, 60);
  const dibaoBase = rng.float(260, 420);
  const elderMonthly = style.elderAge === 80 ? rng.int(5, 20) * 10 : rng.int(10, 30) * 10;
  const poor = world.households.filter((h) => h.poor && passesMeansTest(world, e, h));
  const dibao = new Set<number>();
  const tekun = new Set<number>();
  const housed = new Set<number>();
  // The 低保 roster: sized so that about dibaoRate of people are covered.
  const perHousehold = 1.8;
  const target = Math.round((style.dibaoRate * style.persons) / perHousehold);
  for (const h of rng.sample(poor, target)) dibao.add(h.k);
  for (const year of YEARS) {
    const y0 = day(year, 1, 1);
    if (year > 2016) {
      for (const k of [...dibao]) if (rng.chance(0.12)) dibao.delete(k);
      for (const h of rng.sample(poor.filter((x) => !dibao.has(x.k)), Math.max(0, target - dibao.size))) dibao.add(h.k);
    }
    const farmDate = () => inYear(rng, year, 4, 7);
    for (const h of world.households) {
      if ((h.created ?? 0) > day(year, 3, 1)) continue;
      const when = farmDate();
      const livingNow = livingMembers(world, h, when);
      if (livingNow.length === 0) continue;
      const headK = headAt(h, when);
      const head = headK !== undefined && livingNow.some((m) => m.k === headK) ? (world.persons[headK] as Person) : livingNow.slice().sort((a, b) => a.birth - b.birth)[0];
      if (!head) continue;
      if (h.farming && rng.chance(0.95)) give(P("farm"), head, year, h.mu * farmRate, when, 2);
      if (h.farming && P("grain") && rng.chance(0.7)) give(P("grain"), head, year, h.mu * grainRate, inYear(rng, year, 6, 10), 2);
      if (h.farming && !h.poor && P("machinery") && rng.chance(0.015)) give(P("machinery"), head, year, rng.int(20, 400) * 100, inYear(rng, year, 3, 11));
      if (dibao.has(h.k)) {
        const covered = Math.min(3, Math.max(1, livingNow.length));
        const monthly = dibaoBase * (1 + 0.08 * (year - 2016)) * covered;
        const days = installmentDays(rng, year, style.dibaoInstallments);
        for (const d of days) give(P("dibao"), head, year, (monthly * 12) / days.length, d);
      }
      if (h.poor && passesMeansTest(world, e, h)) {
        const alone = livingNow.length === 1 && age(head.birth, y0) >= 65 && head.children.every((c) => !(world.persons[c] as Person).inData);
        if (alone && P("tekun")) tekun.add(head.k);
        if (!housed.has(h.k) && rng.chance(0.05)) {
          housed.add(h.k);
          const amount = rng.int(8, 35) * 1000;
          give(P("house"), head, year, amount, inYear(rng, year, 3, 12));
        }
        if (year <= 2020 && rng.chance(0.3)) give(P("industry"), head, year, rng.int(20, 100) * 100, inYear(rng, year, 3, 11));
        for (const m of livingNow) {
          const a = age(m.birth, day(year, 9, 1));
          if (a >= 6 && a <= 21 && rng.chance(0.7)) give(P("education"), m, year, rng.pick([1000, 1500, 2000, 2500, 3000]), inYear(rng, year, 9, 11));
          if (rng.chance(0.02)) give(P("medical"), m, year, rng.int(10, 200) * 100, inYear(rng, year, 1, 12));
        }
      }
      if ((h.poor || rng.chance(0.02)) && rng.chance(0.04) && passesMeansTest(world, e, h)) give(P("temp"), head, year, rng.int(5, 50) * 100, inYear(rng, year, 1, 12));
    }
    for (const k of tekun) {
      const p = world.persons[k] as Person;
      for (const d of installmentDays(rng, year, style.dibaoInstallments)) give(P("tekun"), p, year, (rng.int(40, 70) * 10 * 12) / style.dibaoInstallments, d);
    }
    // Elderly allowance: everyone over the county's age line.
    const elderDays = installmentDays(rng, year, style.dibaoInstallments === 4 ? 4 : 1);
    for (const p of world.persons) {
      if (!p.inData || p.fictitious || age(p.birth, y0) < style.elderAge) continue;
      for (const d of elderDays) give(P("elder"), p, year, (elderMonthly * 12) / elderDays.length, d);
    }
  }
}

/** Grants made to a person. */
export function grantsOf(world: World, person: number): Grant[] {
  return world.grants.filter((g) => g.beneficiary === person);
}

