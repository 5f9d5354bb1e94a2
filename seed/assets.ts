// Assets: cars and trucks (晋J plates), flats in the county seat, sole-trader licences, and contractors'
// machinery and offices. Only households that are not registered poor own them in the background.
import type { Rng } from "./rng.ts";
import { W0, W1, ageOn, day, years, type Day } from "./dates.ts";
import type { Asset, Company, Person } from "./model.ts";
import type { CountyState, TownshipState } from "./world.ts";

const CARS = ["大众捷达", "五菱宏光", "长城哈弗H6", "别克英朗", "吉利帝豪", "丰田卡罗拉", "本田雅阁", "奥迪A6L", "宝马X3", "大众帕萨特", "长安CS75", "比亚迪宋"];
const PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

function plate(rng: Rng): string {
  const body = Array.from({ length: 5 }, () => (rng.chance(0.25) ? PLATE_LETTERS[rng.int(0, PLATE_LETTERS.length - 1)] : String(rng.int(0, 9)))).join("");
  return `晋J·${body}`;
}

export function vehicle(rng: Rng, ownerId: string, registered: Day, value?: number): Asset {
  const v = value ?? Math.round(rng.lognormal(90000, 0.6) / 100) * 100;
  return { ownerId, kind: "vehicle", value: v, registered, description: `小型轿车 ${rng.pick(CARS)} ${plate(rng)}` };
}

export function flat(rng: Rng, ownerId: string, county: CountyState, registered: Day, value?: number): Asset {
  const area = rng.int(70, 140);
  const v = value ?? Math.round((area * rng.float(2800, 5200)) / 100) * 100;
  const estates = ["锦绣华庭", "滨河花园", "龙泉御府", "阳光水岸", "府前名苑", "凤山新城"];
  return {
    ownerId, kind: "real_estate", value: v, registered,
    description: `${county.plan.name}城关镇${rng.pick(estates)}${rng.int(1, 18)}号楼${rng.int(1, 3)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室 ${area}㎡`,
  };
}

export function backgroundAssets(tw: TownshipState): void {
  const rng = tw.rng.fork("assets");
  const owners = new Set<Person>();
  for (const p of tw.emitted) {
    const h = p.hh;
    if (h === undefined || h.poor || p.death <= W1) continue;
    const age = ageOn(p.birth, W0);
    if (age < 22 || age > 70) continue;
    const urban = h.village.community;
    if (rng.chance(urban ? 0.2 : 0.07)) {
      tw.assets.push(vehicle(rng, p.id, day(2008, 1, 1) + rng.int(0, W1 - day(2008, 1, 1))));
      owners.add(p);
    }
    if (rng.chance(urban ? 0.06 : 0.015)) {
      tw.assets.push(flat(rng, p.id, tw.county, day(2005, 1, 1) + rng.int(0, W1 - day(2005, 1, 1))));
      owners.add(p);
    }
    if (rng.chance(urban ? 0.03 : 0.01)) {
      const shops = ["小卖部", "农资店", "修理部", "饭店", "理发店", "超市", "五金店"];
      tw.assets.push({ ownerId: p.id, kind: "business_license", value: undefined, registered: day(2005, 1, 1) + rng.int(0, years(16)), description: `个体工商户营业执照 ${h.village.name}${rng.pick(shops)}` });
      owners.add(p);
    }
  }
  for (const p of owners) p.assetOwner = true;
}

/** Contractors own trucks, excavators and their office. */
export function companyAssets(county: CountyState, rng: Rng, c: Company): void {
  if (c.kind !== "contractor" && c.kind !== "supplier") return;
  const n = rng.int(0, 3);
  for (let i = 0; i < n; i++) {
    const kind = rng.pick(["自卸货车", "挖掘机", "装载机", "混凝土搅拌车"]);
    county.assets.push({ ownerId: c.id, kind: "vehicle", value: Math.round(rng.lognormal(280000, 0.5) / 100) * 100, registered: Math.max(c.regDay, W0 - years(6)) + rng.int(0, years(5)), description: `${kind} ${plate(rng)}` });
  }
  if (rng.chance(0.3)) county.assets.push(flat(rng, c.id, county, c.regDay + rng.int(0, years(3))));
}
