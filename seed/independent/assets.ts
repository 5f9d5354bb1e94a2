// Cars, flats in the county seat, shop licences; poor households at most own a tricycle.
import { cadreSet } from "./cadres.ts";
import { age, day, END, START } from "./dates.ts";
import type { Asset, Household, Person, Region, World } from "./model.ts";
import { alive } from "./population.ts";
import type { Rng } from "./rng.ts";

export function carAsset(rng: Rng, owner: number, registered: number, value?: number): Asset {
  return { owner: { type: "person", k: owner }, kind: "vehicle", value: value ?? Math.round(rng.logNormal(110_000, 0.45) / 100) * 100, registered, description: rng.pick(["小型轿车", "小型普通客车", "SUV", "小型越野客车", "轻型货车"]) };
}

export function flatAsset(rng: Rng, owner: number, registered: number, county: string): Asset {
  const area = rng.int(70, 140);
  return { owner: { type: "person", k: owner }, kind: "real_estate", value: Math.round(area * rng.float(3200, 6500) / 1000) * 1000, registered, description: `${county}城关镇商品房${area}㎡` };
}

export function buildAssets(world: World): void {
  const rng = world.rng.fork("assets");
  const cadres = cadreSet(world);
  const drop = (a: Asset) => {
    if (rng.chance(world.style.noise * 0.3)) delete a.value;
    if (rng.chance(world.style.noise * 0.3)) delete a.registered;
    if (rng.chance(world.style.noise * 0.2)) delete a.description;
    world.assets.push(a);
  };
  for (const h of world.households) {
    const members = h.members.map((k) => world.persons[k] as Person).filter((p) => p.inData && age(p.birth, END) >= 20 && alive(p, Math.max(START, p.birth)));
    if (members.length === 0) continue;
    const owner = rng.pick(members);
    const urban = (world.regions[h.region] as Region).urban;
    if (h.poor) {
      if (rng.chance(0.14)) drop({ owner: { type: "person", k: owner.k }, kind: "vehicle", value: rng.int(25, 150) * 100, registered: day(rng.int(2010, 2020), rng.int(1, 12), rng.int(1, 28)), description: rng.pick(["三轮车", "农用三轮车", "电动三轮车", "低速货车"]) });
      continue;
    }
    const rich = members.some((m) => cadres.has(m.k) || m.publicEmployee);
    if (rng.chance((urban ? 0.45 : 0.2) + (rich ? 0.25 : 0))) drop(carAsset(rng, owner.k, day(rng.int(2008, 2021), rng.int(1, 12), rng.int(1, 28))));
    if (rng.chance(urban ? 0.55 : 0.07 + (rich ? 0.1 : 0))) drop(flatAsset(rng, owner.k, day(rng.int(2005, 2021), rng.int(1, 12), rng.int(1, 28)), world.style.county));
    if (rng.chance(0.05)) drop({ owner: { type: "person", k: owner.k }, kind: "business_license", registered: day(rng.int(2005, 2021), rng.int(1, 12), rng.int(1, 28)), description: `个体工商户：${rng.pick(["小卖部", "农资店", "餐馆", "理发店", "五金店", "快递代办点"])}` });
    if (!urban && rng.chance(0.1)) drop({ owner: { type: "person", k: owner.k }, kind: "vehicle", value: rng.int(30, 200) * 100, registered: day(rng.int(2010, 2021), rng.int(1, 12), rng.int(1, 28)), description: rng.pick(["农用三轮车", "拖拉机", "微耕机"]) });
  }
  for (const c of world.companies) {
    if (c.coop || !rng.chance(0.35)) continue;
    world.assets.push({ owner: { type: "company", k: c.k }, kind: rng.chance(0.8) ? "vehicle" : "real_estate", value: rng.int(50, 600) * 1000, registered: Math.max(c.registered ?? START, day(2010)), description: rng.pick(["挖掘机", "重型自卸货车", "混凝土搅拌车", "办公用房"]) });
  }
}

/** Whether a household owns a car or a flat (not a tricycle): fails the means test. */
export function householdHasWealth(world: World, h: Household): boolean {
  const members = new Set(h.members);
  return world.assets.some((a) => a.owner.type === "person" && members.has(a.owner.k) && ((a.kind === "vehicle" && (a.value ?? 100_000) >= 30_000) || a.kind === "real_estate"));
}
