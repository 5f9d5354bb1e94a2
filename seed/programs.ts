// Subsidy programs (dibao, 特困, housing renovation, relocation, poverty alleviation, education, medical,
// agriculture, old-age allowance) and the background grants paid under them: one grant per person,
// program and year, to people who qualify, approved by the official who signs for that program.
import type { Rng } from "./rng.ts";
import { W1, YEARS, ageOn, day, yearEnd, yearStart, type Day } from "./dates.ts";
import type { Field } from "./contract.ts";
import type { Grant, Household, Person, Post } from "./model.ts";
import { aliveOn, byHousehold, type TownshipState } from "./world.ts";

export interface Program {
  id: string;
  name: string;
  field: Field;
  meansTested: boolean;
}

export const PROGRAMS = {
  dibao: { id: "PG01", name: "农村最低生活保障金", field: "dibao", meansTested: true },
  tekun: { id: "PG02", name: "特困人员救助供养金", field: "dibao", meansTested: true },
  housing: { id: "PG03", name: "农村危房改造补助", field: "housing", meansTested: true },
  relocation: { id: "PG04", name: "易地扶贫搬迁补助", field: "poverty_alleviation", meansTested: true },
  industry: { id: "PG05", name: "产业扶贫到户补助", field: "poverty_alleviation", meansTested: true },
  solar: { id: "PG06", name: "光伏扶贫收益分配", field: "poverty_alleviation", meansTested: true },
  publicJob: { id: "PG07", name: "扶贫公益性岗位补贴", field: "poverty_alleviation", meansTested: true },
  yulu: { id: "PG08", name: "雨露计划职业教育补助", field: "education", meansTested: true },
  student: { id: "PG09", name: "建档立卡家庭学生资助", field: "education", meansTested: true },
  medical: { id: "PG10", name: "城乡医疗救助", field: "medical", meansTested: true },
  disabled: { id: "PG11", name: "困难残疾人生活补贴", field: "other", meansTested: true },
  machinery: { id: "PG12", name: "农机购置补贴", field: "agriculture", meansTested: false },
  grain: { id: "PG13", name: "种粮大户补贴", field: "agriculture", meansTested: false },
  elderly: { id: "PG14", name: "高龄津贴", field: "other", meansTested: false },
  forest: { id: "PG15", name: "退耕还林补助", field: "agriculture", meansTested: false },
} as const satisfies Record<string, Program>;

export type ProgramKey = keyof typeof PROGRAMS;
export const PROGRAM_LIST: readonly Program[] = Object.values(PROGRAMS);

const DIBAO_STANDARD: Record<number, number> = { 2016: 3240, 2017: 3600, 2018: 4200, 2019: 4800, 2020: 5100, 2021: 5400 };

/** A typical amount for one grant (yuan). */
export function typicalAmount(key: ProgramKey, rng: Rng, year: number, size = 2): number {
  const std = DIBAO_STANDARD[year] ?? 4800;
  const r10 = (x: number): number => Math.max(10, Math.round(x / 10) * 10);
  switch (key) {
    case "dibao": return r10(std * Math.min(size, 5) * rng.float(0.25, 0.55));
    case "tekun": return r10(std * rng.float(1.2, 1.5));
    case "housing": return rng.pick([14000, 15000, 18000, 20000, 25000, 35000]);
    case "relocation": return 25000 * Math.min(Math.max(size, 1), 5);
    case "industry": return rng.pick([2000, 3000, 3000, 5000, 5000]);
    case "solar": return r10(rng.float(800, 3000));
    case "publicJob": return rng.pick([4800, 6000, 6000, 7200]);
    case "yulu": return 3000;
    case "student": return rng.pick([1000, 1250, 2000, 2500]);
    case "medical": return r10(Math.min(60000, Math.max(500, rng.lognormal(3500, 0.9))));
    case "disabled": return rng.pick([720, 960, 1200, 1440]);
    case "machinery": return r10(Math.min(120000, Math.max(1500, rng.lognormal(9000, 0.9))));
    case "grain": return r10(rng.float(4000, 30000));
    case "elderly": return rng.pick([600, 720, 1200]);
    case "forest": return r10(rng.float(400, 3000));
  }
}

/** Who signs a grant of this program in this township on day d (several plausible signatories). */
export function approverFor(tw: TownshipState, key: ProgramKey, villageId: string, d: Day, rng: Rng): Post | undefined {
  const field = PROGRAMS[key].field;
  const r = rng.next();
  const county = (f: string): Post | undefined => tw.county.officialFor(f, d, rng);
  const town = (...f: string[]): Post | undefined => tw.townshipOfficial(d, rng, f);
  const village = (): Post | undefined => tw.villageHead(villageId, d, rng);
  let p: Post | undefined;
  switch (field) {
    case "dibao":
    case "other":
      p = r < 0.5 ? town("dibao") : r < 0.75 ? village() : county(key === "elderly" ? "other" : "dibao");
      break;
    case "poverty_alleviation":
      p = r < 0.45 ? town("poverty_alleviation") : r < 0.75 ? county("poverty_alleviation") : village();
      break;
    case "housing":
      p = r < 0.6 ? county("housing") : r < 0.8 ? town("projects") : village();
      break;
    case "education":
      p = r < 0.8 ? county("education") : town("general");
      break;
    case "medical":
      p = r < 0.85 ? county("medical") : town("dibao");
      break;
    default:
      p = r < 0.6 ? county("agriculture") : village();
  }
  return p ?? tw.townshipOfficial(d, rng) ?? village();
}

/** Means-tested help goes to poor households without civil servants, cadres, firm officers or cars. */
export function qualifies(p: Person): boolean {
  return !p.excluded && !p.officer && !p.publicEmployee && !p.assetOwner && !p.cadre && p.account !== undefined
    && (p.hh?.poor ?? false);
}

function payDay(rng: Rng, p: Person, year: number, late = false): Day | undefined {
  const from = Math.max(yearStart(year), p.hhSince + 30, (p.account?.opened ?? W1) + 1);
  const to = Math.min(yearEnd(year), p.death - 1, W1);
  if (from > to) return undefined;
  return late ? Math.max(from, to - rng.int(0, 90)) : from + rng.int(0, to - from);
}

export function addBackgroundGrant(tw: TownshipState, rng: Rng, key: ProgramKey, p: Person, year: number, amount: number, late = false): Grant | undefined {
  const prog = PROGRAMS[key];
  const h = p.hh as Household;
  const seen = p.programs?.get(prog.id);
  // One region per person and program: a move never makes the background look like double dipping.
  if (seen !== undefined && seen !== h.village.id) return undefined;
  if (p.programs?.has(`${prog.id}/${year}`)) return undefined;
  const d = payDay(rng, p, year, late);
  if (d === undefined || p.account === undefined) return undefined;
  const approver = approverFor(tw, key, h.village.id, d, rng);
  p.programs ??= new Map();
  p.programs.set(prog.id, h.village.id);
  p.programs.set(`${prog.id}/${year}`, "1");
  return tw.grant({
    programId: prog.id, beneficiaryId: p.id, regionId: h.village.id, year, approved: amount, paid: amount, paidDay: d,
    approvedBy: approver?.ref.id, account: p.account.id,
  });
}

export function backgroundGrants(tw: TownshipState): void {
  const rng = tw.rng.fork("grants");
  for (const [h, members] of byHousehold(tw.emitted)) {
    for (const year of YEARS) {
      const mid = day(year, 7, 1);
      const living = members.filter((m) => aliveOn(m, mid) || aliveOn(m, yearStart(year) + 1));
      if (living.length === 0) continue;
      const adults = living.filter((m) => ageOn(m.birth, mid) >= 18);
      const head = h.head !== undefined && living.includes(h.head) && ageOn(h.head.birth, mid) >= 18 ? h.head : adults[0];
      if (h.poor) {
        const recipient = head !== undefined && qualifies(head) ? head : adults.find(qualifies);
        if (recipient !== undefined) {
          const single = living.length === 1 && ageOn(recipient.birth, mid) >= 60;
          if (h.dibao) {
            const key: ProgramKey = single ? "tekun" : "dibao";
            addBackgroundGrant(tw, rng, key, recipient, year, typicalAmount(key, rng, year, living.length), true);
          }
          if (year <= 2019 && rng.chance(0.14)) addBackgroundGrant(tw, rng, "industry", recipient, year, typicalAmount("industry", rng, year));
          if (year >= 2018 && rng.chance(0.55)) addBackgroundGrant(tw, rng, "solar", recipient, year, typicalAmount("solar", rng, year));
          if (rng.chance(0.012)) addBackgroundGrant(tw, rng, "housing", recipient, year, typicalAmount("housing", rng, year));
          if (year <= 2019 && rng.chance(0.004)) addBackgroundGrant(tw, rng, "relocation", recipient, year, typicalAmount("relocation", rng, year, living.length));
        }
        for (const m of living) {
          if (!qualifies(m)) continue;
          const age = ageOn(m.birth, mid);
          if (age >= 16 && age <= 22 && rng.chance(0.45)) {
            const key: ProgramKey = rng.chance(0.4) ? "yulu" : "student";
            addBackgroundGrant(tw, rng, key, m, year, typicalAmount(key, rng, year));
          }
          if (age >= 18 && rng.chance(0.035)) addBackgroundGrant(tw, rng, "medical", m, year, typicalAmount("medical", rng, year));
          if (age >= 25 && age <= 60 && rng.chance(0.05)) addBackgroundGrant(tw, rng, "publicJob", m, year, typicalAmount("publicJob", rng, year));
          if (age >= 18 && rng.chance(0.012)) addBackgroundGrant(tw, rng, "disabled", m, year, typicalAmount("disabled", rng, year));
        }
      } else if (head !== undefined && !head.excluded) {
        if (!h.village.community && rng.chance(0.02)) addBackgroundGrant(tw, rng, "forest", head, year, typicalAmount("forest", rng, year));
        if (!h.village.community && rng.chance(0.006)) addBackgroundGrant(tw, rng, "machinery", head, year, typicalAmount("machinery", rng, year));
        if (!h.village.community && rng.chance(0.002)) addBackgroundGrant(tw, rng, "grain", head, year, typicalAmount("grain", rng, year));
      }
      for (const m of living) {
        if (!m.excluded && m.account !== undefined && ageOn(m.birth, mid) >= 80 && rng.chance(0.35)) {
          addBackgroundGrant(tw, rng, "elderly", m, year, typicalAmount("elderly", rng, year));
        }
      }
    }
  }
}
