// County → townships (…镇/…乡, the seat is 城关镇) → villages (…村) and urban communities (…社区),
// with plausible loess-plateau place names and the dominant clan surnames of each village.
import type { Rng } from "./rng.ts";
import { pickSurname } from "./names.ts";
import { SHANXI_CODES } from "./idnumber.ts";
import type { ScaleSpec } from "./scale.ts";
import type { CountyStyle } from "./style.ts";

export interface Region {
  id: string;
  name: string;
  level: "county" | "township" | "village";
  parentId: string;
  /** Full name used in addresses, e.g. 山西省吕梁市岚河县柳沟镇. */
  fullName: string;
}

export interface VillagePlan extends Region {
  level: "village";
  index: number;
  community: boolean;
  targetPop: number;
  /** Clan surnames, most common first. */
  clans: string[];
  /** Most lineages descend from a few founding brothers (宗族村): most households are related. */
  clan: boolean;
}

export interface TownshipPlan extends Region {
  level: "township";
  index: number;
  seat: boolean;
  villages: VillagePlan[];
}

export interface CountyPlan extends Region {
  level: "county";
  index: number;
  /** Index into SHANXI_CODES: the county's own identity-number region code. */
  codeIndex: number;
  shortName: string;
  city: string;
  townships: TownshipPlan[];
}

const COUNTY_NAMES = ["岚河", "云岭", "秀峪", "蔚泉", "桃川", "石坪", "黄塬", "凤岭", "柳川", "玉峰", "枣林", "紫岩"];
const TOWN_FIRST = ["柳", "石", "杨", "桃", "安", "平", "兴", "丰", "永", "宁", "清", "白", "红", "青", "龙", "凤", "马", "高", "双", "三", "大", "东", "西", "南", "北", "金", "枣", "梁", "碛", "岔", "万", "太", "汾", "吴"];
const TOWN_SECOND = ["沟", "泉", "河", "川", "峪", "坪", "塬", "关", "口", "渠", "湾", "庄", "堡", "寨", "头", "家", "林", "山", "门", "水", "城", "阳", "峰", "会", "业", "安", "台"];
const VILLAGE_SUFFIX = ["庄", "沟", "峁", "坪", "塔", "湾", "岔", "洼", "坡", "寨", "堡", "墕", "峪", "河", "塬", "梁", "滩", "圪台", "渠", "则"];
const VILLAGE_FIRST = ["上", "下", "前", "后", "东", "西", "南", "北", "大", "小", "高", "石", "柳", "杨", "枣", "桃", "杏", "榆", "槐", "白", "红", "青", "黑", "马", "牛", "羊", "龙", "凤", "圪", "中", "新", "古", "曹", "孟", "车", "碾", "窑", "庙", "井", "泉"];
const VILLAGE_MIDDLE = ["", "", "", "树", "林", "子", "家", "儿", "圪", "沟", "头"];
const COMMUNITY_NAMES = ["府前", "滨河", "新华", "北关", "南关", "东关", "西关", "龙泉", "文化", "朝阳", "锦绣", "凤山", "育才", "东城", "西城", "利民", "和平", "长青"];

/** City of a Shanxi region code (for addresses). */
function cityOf(code: string): string {
  if (code.startsWith("1411")) return "吕梁市";
  if (code.startsWith("1409")) return "忻州市";
  if (code.startsWith("1410")) return "临汾市";
  if (code.startsWith("1407")) return "晋中市";
  return "太原市";
}

export class RegionIds {
  private n = 0;
  next(): string {
    this.n++;
    return "R" + String(this.n).padStart(5, "0");
  }
}

export function planCounty(rng: Rng, spec: ScaleSpec, style: CountyStyle, countyIndex: number, ids: RegionIds): CountyPlan {
  const shortName = (COUNTY_NAMES[countyIndex % COUNTY_NAMES.length] as string) + (countyIndex >= COUNTY_NAMES.length ? String(countyIndex) : "");
  const code = SHANXI_CODES[countyIndex] as string;
  const city = cityOf(code);
  const county: CountyPlan = {
    id: ids.next(), name: shortName + "县", level: "county", parentId: "", index: countyIndex, codeIndex: countyIndex,
    shortName, city, fullName: `山西省${city}${shortName}县`, townships: [],
  };
  // Village counts first, so the county's persons can be shared out over its villages.
  const m = style.villagesPerTownship;
  const counts: number[] = [];
  for (let t = 0; t < style.townships; t++) {
    const n = Math.max(2, rng.int(Math.round(m * 0.7), Math.round(m * 1.3)));
    counts.push(t === 0 && style.seatCommunities > 0 ? Math.max(2, Math.round(n / 2)) : n);
  }
  const villages = counts.reduce((a, b) => a + b, 0);
  const villagePop = Math.max(150, (style.persons - style.seatCommunities * spec.communityPop) / villages);
  const sigma = style.villageSigma;
  const usedTowns = new Set<string>();
  const usedVillages = new Set<string>();
  for (let t = 0; t < style.townships; t++) {
    let name = "城关镇";
    if (t > 0) {
      do {
        name = rng.pick(TOWN_FIRST) + rng.pick(TOWN_SECOND) + (rng.chance(0.45) ? "镇" : "乡");
      } while (usedTowns.has(name) || name.startsWith("城关"));
    }
    usedTowns.add(name);
    const township: TownshipPlan = {
      id: ids.next(), name, level: "township", parentId: county.id, index: t, seat: t === 0,
      fullName: county.fullName + name, villages: [],
    };
    const communities = t === 0 ? style.seatCommunities : 0;
    const nTotal = communities + (counts[t] as number);
    for (let v = 0; v < nTotal; v++) {
      const community = v < communities;
      let vname: string;
      let clans: string[];
      if (community) {
        vname = (COMMUNITY_NAMES[v % COMMUNITY_NAMES.length] as string) + "社区";
        clans = [];
      } else {
        const lead = pickSurname(rng);
        do {
          vname = rng.chance(0.45)
            ? lead + "家" + rng.pick(VILLAGE_SUFFIX) + "村"
            : rng.pick(VILLAGE_FIRST) + rng.pick(VILLAGE_MIDDLE) + rng.pick(VILLAGE_SUFFIX) + "村";
        } while (usedVillages.has(vname));
        clans = [lead];
        const second = pickSurname(rng);
        if (second !== lead) clans.push(second);
      }
      usedVillages.add(vname);
      const mean = community ? spec.communityPop : villagePop;
      // Village sizes vary a lot on the loess plateau: from a few hundred to a few thousand.
      const s = community ? 0.2 : sigma;
      const targetPop = Math.max(120, Math.round(rng.lognormal(mean / Math.exp((s * s) / 2), s)));
      township.villages.push({
        id: ids.next(), name: vname, level: "village", parentId: township.id, index: v, community,
        fullName: township.fullName + vname, targetPop, clans, clan: !community && rng.chance(style.clanVillages),
      });
    }
    county.townships.push(township);
  }
  // Scale the villages so the county holds the persons its style aims at, however the sizes fell.
  const rural = county.townships.flatMap((t) => t.villages.filter((v) => !v.community));
  const drawn = rural.reduce((a, v) => a + v.targetPop, 0);
  const factor = Math.max(0, style.persons - style.seatCommunities * spec.communityPop) / drawn;
  for (const v of rural) v.targetPop = Math.max(120, Math.round(v.targetPop * factor));
  return county;
}
