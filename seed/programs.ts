// Subsidy programs: means-tested and discretionary help (dibao, 特困, housing renovation, relocation,
// poverty alleviation, education, medical, temporary relief) and entitlements nearly everyone in a
// group receives (farmland subsidy, returned-farmland subsidy, old-age allowance); their typical amounts
// and who signs for them.
import type { Rng } from "./rng.ts";
import type { Day } from "./dates.ts";
import type { Field } from "./contract.ts";
import type { Person, Post } from "./model.ts";
import type { TownshipState } from "./world.ts";

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
  farmland: { id: "PG16", name: "耕地地力保护补贴", field: "agriculture", meansTested: false },
  relief: { id: "PG17", name: "临时救助金", field: "dibao", meansTested: true },
} as const satisfies Record<string, Program>;

/** Entitlements paid to nearly everyone in a group, cadres' families included. */
export const UNIVERSAL: readonly ProgramKey[] = ["farmland", "forest", "elderly"];

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
    case "farmland": return r10(rng.lognormal(8, 0.5) * rng.float(75, 120));
    case "relief": return rng.pick([500, 800, 1000, 1500, 2000, 3000, 5000]);
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
