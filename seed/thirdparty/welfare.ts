// Programmes and honest grants: universal entitlements paid to almost every farming household every
// year (cadres' families included), means-tested and discretionary aid with low coverage, batch
// payment days per township, migrants' and old people's money paid into a relative's card.
import { cents, type County } from "./county.ts";
import { EXPORT_DAY, FIRST_YEAR, LAST_YEAR, ageOn, day, type Day } from "./dates.ts";
import type { Field, Grant, Household, Person, Program, ProgramKey, Region } from "./model.ts";

const PROGRAMS: readonly (readonly [ProgramKey, string, string, Field, boolean])[] = [
  ["farmland", "GDLB", "耕地地力保护补贴", "agriculture", false],
  ["machinery", "NJGZ", "农机购置补贴", "agriculture", false],
  ["elderly", "GLBT", "高龄补贴", "other", false],
  ["forest", "STGYL", "生态公益林补偿", "agriculture", false],
  ["dibao", "DB", "农村最低生活保障金", "dibao", true],
  ["tekun", "TK", "特困人员救助供养金", "dibao", true],
  ["housing", "WFGZ", "农村危房改造补助", "housing", true],
  ["relief", "LSJZ", "临时救助金", "other", true],
  ["industry", "CYFC", "产业扶持资金", "poverty_alleviation", true],
  ["education", "JYZZ", "雨露计划教育资助", "education", true],
  ["disability", "CJBT", "困难残疾人生活补贴", "medical", true],
];

export function alive(p: Person, on: Day): boolean {
  return p.died === undefined || p.died > on;
}

export interface GrantSpec {
  key: ProgramKey;
  beneficiary: Person;
  year: number;
  paid: number;
  paidOn: Day;
  approved?: number;
  approver?: Person | null;
  account?: string | null;
  region?: Region;
  remark?: string;
}

export class Welfare {
  /** Batch payment days per township, programme and year. */
  private readonly batches = new Map<string, Day>();

  constructor(private readonly c: County) {}

  programs(): void {
    for (const [key, code, name, field, meansTested] of PROGRAMS) {
      this.c.programs.set(key, { id: this.c.ids.program(code), name, field, meansTested, key });
    }
  }

  code(p: Program): string {
    return p.id.replace(/^XM-/, "");
  }

  /** The day a township pays a programme's batch in a year (period 0..n-1 of `periods`). */
  batchDay(town: Region, key: ProgramKey, year: number, period = 0, periods = 1): Day {
    const k = `${town.id}|${key}|${year}|${period}`;
    let d = this.batches.get(k);
    if (d === undefined) {
      const rng = this.c.rng;
      const month = periods === 1 ? (key === "farmland" ? rng.int(4, 7) : key === "forest" ? rng.int(9, 12) : rng.int(3, 12)) : Math.min(12, Math.round(((period + 1) * 12) / periods));
      d = day(year, month, rng.int(5, 28));
      this.batches.set(k, d);
    }
    return d;
  }

  /** Who signs a means-tested grant in a village on a day, by this county's practice. */
  approver(village: Region, on: Day, key: ProgramKey): Person | undefined {
    const { c } = this;
    const style = c.profile.approver;
    const village_ = style === "village" || (style === "mixed" && (key === "dibao" || key === "relief" || key === "education" || key === "industry"));
    const signOn = on - c.rng.int(10, 60);
    if (village_) {
      const v = c.holder(village, signOn, c.rng.chance(0.75) ? ["committee_director", "party_secretary"] : ["party_secretary", "committee_director"]);
      if (v) return v;
    }
    const town = village.parent as Region;
    const officer = c.postsOn(town, signOn, ["program_officer"]).find((p) => p.title === (key === "industry" ? "扶贫工作站站长" : "民政办主任"));
    return officer?.person ?? c.holder(town, signOn, ["program_officer"]);
  }

  universalApprover(village: Region, on: Day, key: ProgramKey): Person | undefined {
    const { c } = this;
    if (!c.profile.universalApprover) return undefined;
    const town = village.parent as Region;
    const title = key === "elderly" ? "民政办主任" : "农业综合服务中心主任";
    return c.postsOn(town, on - 20, ["program_officer"]).find((p) => p.title === title)?.person;
  }

  /** Writes a grant; `approver: null` and `account: null` leave those columns empty. */
  pay(s: GrantSpec): Grant {
    const { c } = this;
    const program = c.program(s.key);
    const region = s.region ?? s.beneficiary.village;
    const approver =
      s.approver === null ? undefined : (s.approver ?? (program.meansTested ? this.approver(region, s.paidOn, s.key) : this.universalApprover(region, s.paidOn, s.key)));
    const account = s.account === null ? undefined : (s.account ?? c.payAccount(s.beneficiary));
    const showApproved = program.meansTested ? c.rng.chance(0.92) : c.rng.chance(0.3);
    const g: Grant = {
      id: c.ids.grant(s.year, this.code(program)),
      program,
      beneficiary: s.beneficiary,
      region,
      year: s.year,
      approved: s.approved !== undefined ? cents(s.approved) : showApproved ? cents(s.paid) : undefined,
      paid: cents(s.paid),
      paidOn: s.paidOn,
      approver,
      account,
      batch: c.rng.chance(0.5) ? `${s.year}年第${c.rng.int(1, 4)}批` : undefined,
      remark: s.remark,
    };
    c.grants.push(g);
    return g;
  }

  /** The account a household member's money really goes to: migrants' to a parent or spouse at home. */
  homeAccount(p: Person, on: Day): string | undefined {
    const { c } = this;
    if (p.migrant && c.rng.chance(0.6)) {
      const home = [p.father, p.mother, p.spouse].filter((x): x is Person => x !== undefined && !x.gone && !x.migrant && alive(x, on) && c.payAccount(x) !== undefined);
      if (home.length > 0) return c.payAccount(home[0] as Person);
    }
    if (ageOn(p.born, on) >= 80 && c.rng.chance(0.3)) {
      const kid = p.children.find((k) => !k.gone && !k.migrant && alive(k, on) && c.payAccount(k) !== undefined);
      if (kid) return c.payAccount(kid);
    }
    return c.payAccount(p);
  }

  /** The household member a household grant is paid to in a year: the head, or who took over. */
  recipient(h: Household, on: Day): Person | undefined {
    if (h.head && alive(h.head, on)) return h.head;
    const alive_ = h.members.filter((m) => alive(m, on) && ageOn(m.born, on) >= 18).sort((a, b) => (a.male === b.male ? a.born - b.born : a.male ? -1 : 1));
    return alive_[0];
  }

  build(): void {
    this.programs();
    const { c } = this;
    const { rng, profile } = c;
    const disabled = new Set(rng.sample(c.living, Math.round(c.living.length * 0.012)));
    const dibaoSpell = new Map<Household, [number, number]>();
    for (const h of c.households) {
      if (!h.members.some((m) => m.needy) || !rng.chance(0.7)) continue;
      const from = rng.int(FIRST_YEAR - 2, LAST_YEAR - 1);
      dibaoSpell.set(h, [from, Math.min(LAST_YEAR, from + rng.int(2, 8))]);
    }
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const rateFactor = 1 + (year - FIRST_YEAR) * 0.004;
      for (const h of c.households) {
        const town = h.village.parent as Region;
        // Universal: farmland protection and forest compensation to almost every household.
        const farmDay = this.batchDay(town, "farmland", year) + rng.int(0, 2);
        const who = this.recipient(h, farmDay);
        if (!who || farmDay > EXPORT_DAY) continue;
        const land = h.head?.land ?? 0;
        if (land > 0 && rng.chance(0.96)) {
          this.pay({ key: "farmland", beneficiary: who, year, paid: land * profile.farmlandRate * rateFactor, paidOn: farmDay, account: this.homeAccount(who, farmDay) ?? null });
        }
        if (h.forest > 0 && rng.chance(0.97)) {
          const d = this.batchDay(town, "forest", year);
          if (alive(who, d)) this.pay({ key: "forest", beneficiary: who, year, paid: h.forest * 15.75, paidOn: d, account: this.homeAccount(who, d) ?? null });
        }
        if (rng.chance(0.025)) {
          const d = day(year, rng.int(3, 11), rng.int(1, 28));
          if (alive(who, d)) this.pay({ key: "machinery", beneficiary: who, year, paid: rng.pick([1_560, 2_400, 3_800, 6_500, 12_000, 21_000]) * rng.float(0.9, 1.1), paidOn: d });
        }
        // Dibao, in this county's payment periods.
        const spell = dibaoSpell.get(h);
        if (spell && year >= spell[0] && year <= spell[1]) {
          const members = h.members.filter((m) => alive(m, day(year, 1, 1))).length;
          const factor = rng.float(0.45, 0.95);
          for (let k = 0; k < profile.dibaoPeriods; k++) {
            const d = this.batchDay(town, "dibao", year, k, profile.dibaoPeriods) + rng.int(0, 3);
            const r = this.recipient(h, d);
            if (!r || d > EXPORT_DAY) continue;
            const amount = Math.round((members * profile.dibaoMonthly * factor) / 10) * 10 * (12 / profile.dibaoPeriods);
            this.pay({ key: "dibao", beneficiary: r, year, paid: amount, paidOn: d });
          }
        }
        const needy = h.members.some((m) => m.needy);
        if (needy && year <= 2020 && rng.chance(0.18)) {
          const d = this.batchDay(town, "industry", year);
          if (alive(who, d)) this.pay({ key: "industry", beneficiary: who, year, paid: rng.pick([2_000, 3_000, 4_000, 5_000]), paidOn: d });
        }
        if ((needy && rng.chance(0.035)) || rng.chance(0.002)) {
          const d = day(year, rng.int(4, 12), rng.int(1, 28));
          const grades = profile.housingGrades;
          const amount = needy ? rng.pick(grades) : (grades[0] as number);
          if (alive(who, d) && d < EXPORT_DAY) this.pay({ key: "housing", beneficiary: who, year, paid: amount, paidOn: d });
        }
      }
      for (const p of c.living) {
        const mid = day(year, 7, 1);
        if (!alive(p, day(year, 1, 1))) continue;
        const age = ageOn(p.born, mid);
        if (age >= 80) {
          const d = this.batchDay(p.village.parent as Region, "elderly", year) + rng.int(0, 2);
          if (alive(p, d) && d < EXPORT_DAY) {
            const monthly = age >= 100 ? 300 : age >= 90 ? 100 : 50;
            this.pay({ key: "elderly", beneficiary: p, year, paid: monthly * 12, paidOn: d, account: this.homeAccount(p, d) ?? null });
          }
        }
        if (disabled.has(p)) {
          const d = this.batchDay(p.village.parent as Region, "disability", year);
          if (alive(p, d) && d < EXPORT_DAY) this.pay({ key: "disability", beneficiary: p, year, paid: rng.pick([60, 80, 100]) * 12, paidOn: d });
        }
        if (p.needy && age >= 60 && !p.spouse && p.children.every((k) => k.gone) && rng.chance(0.9)) {
          const d = this.batchDay(p.village.parent as Region, "tekun", year);
          if (alive(p, d) && d < EXPORT_DAY) this.pay({ key: "tekun", beneficiary: p, year, paid: rng.int(600, 800) * 12, paidOn: d });
        }
        if (p.needy && age >= 15 && age <= 21 && rng.chance(0.6)) {
          const d = this.batchDay(p.village.parent as Region, "education", year);
          if (alive(p, d) && d < EXPORT_DAY) this.pay({ key: "education", beneficiary: p, year, paid: rng.pick([1_500, 3_000]), paidOn: d, account: this.homeAccount(p.father ?? p, d) ?? null });
        }
        if (rng.chance(p.needy ? 0.03 : 0.004)) {
          const d = day(year, rng.int(1, 12), rng.int(1, 28));
          if (!alive(p, d) || d > EXPORT_DAY || age < 18) continue;
          const big = rng.chance(0.25);
          const cap = profile.reliefCap;
          const amount = big ? rng.float(cap, cap * 3) : rng.float(300, cap);
          const approver = big ? this.approver(p.village, d, "housing") : this.approver(p.village, d, "relief");
          this.pay({ key: "relief", beneficiary: p, year, paid: Math.round(amount / 100) * 100, paidOn: d, approver: approver ?? null });
        }
      }
    }
  }
}
