// Livelihoods of a township: registered-poor households (建档立卡), dibao households among them, and
// public employees (teachers, doctors, civil servants) with their employers.
import type { Rng } from "./rng.ts";
import { W0, ageOn, day } from "./dates.ts";
import type { Household } from "./model.ts";
import { byHousehold, type TownshipState } from "./world.ts";

const VILLAGE_EMPLOYERS = ["中心学校", "卫生院", "人民政府", "中心幼儿园", "农业综合服务中心", "财政所", "派出所"];
const COUNTY_EMPLOYERS = ["第一中学", "第二中学", "人民医院", "中医院", "公安局", "财政局", "自然资源局", "市场监督管理局", "人力资源和社会保障局", "实验小学", "疾病预防控制中心", "税务局", "交通运输局", "卫生健康局"];

/** Registered-poor households (建档立卡), dibao households within them, farming households, and public employees. */
export function assignLivelihoods(tw: TownshipState, rng: Rng): void {
  const style = tw.style;
  for (const [h, members] of byHousehold(tw.emitted)) {
    const living = members.filter((m) => m.death > W0);
    if (living.length === 0) continue;
    const elderly = living.every((m) => ageOn(m.birth, W0) >= 60);
    let p = h.village.community ? 0.04 : 0.13;
    if (elderly) p += 0.12;
    if (living.length === 1) p += 0.06;
    h.poor = rng.chance(Math.min(0.8, p * style.poorRate));
    h.dibao = h.poor && rng.chance(Math.min(0.95, (elderly ? 1.35 : 0.8) * style.dibaoShare));
    h.farms = !h.village.community && rng.chance(style.farming);
  }
  const county = tw.county.plan;
  for (const p of tw.emitted) {
    const h = p.hh as Household;
    if (h.poor) continue;
    const age = ageOn(p.birth, day(2019, 1, 1));
    if (age < 23 || age > 58) continue;
    if (!rng.chance(h.village.community ? 0.08 : 0.025)) continue;
    p.publicEmployee = true;
    p.employer = h.village.community || rng.chance(0.3)
      ? county.name + rng.pick(COUNTY_EMPLOYERS)
      : tw.plan.name + rng.pick(VILLAGE_EMPLOYERS);
  }
}
