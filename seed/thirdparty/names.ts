// Names of people, places, firms and banks, drawn from short word lists of this generator's own.
import type { Rng } from "./rng.ts";

/** Surnames with a rough frequency weight; clans take theirs from the top of a shuffled copy. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 9], ["李", 9], ["张", 8], ["刘", 7], ["陈", 7], ["杨", 5], ["黄", 5], ["赵", 4], ["吴", 4], ["周", 4],
  ["徐", 3], ["孙", 3], ["马", 3], ["朱", 3], ["胡", 3], ["郭", 3], ["何", 3], ["罗", 3], ["高", 3], ["林", 2],
  ["郑", 2], ["梁", 2], ["谢", 2], ["宋", 2], ["唐", 2], ["许", 2], ["韩", 2], ["冯", 2], ["邓", 2], ["曹", 2],
  ["彭", 2], ["曾", 2], ["肖", 2], ["田", 2], ["董", 1], ["潘", 1], ["袁", 1], ["蔡", 1], ["蒋", 1], ["余", 1],
  ["于", 1], ["杜", 1], ["叶", 1], ["程", 1], ["魏", 1], ["苏", 1], ["吕", 1], ["丁", 1], ["任", 1], ["卢", 1],
  ["姚", 1], ["沈", 1], ["钟", 1], ["姜", 1], ["崔", 1], ["谭", 1], ["陆", 1], ["范", 1], ["汪", 1], ["廖", 1],
  ["石", 1], ["金", 1], ["贾", 1], ["夏", 1], ["付", 1], ["方", 1], ["邹", 1], ["熊", 1], ["白", 1], ["孟", 1],
  ["秦", 1], ["邱", 1], ["侯", 1], ["江", 1], ["尹", 1], ["薛", 1], ["闫", 1], ["段", 1], ["雷", 1], ["龙", 1],
  ["黎", 1], ["史", 1], ["陶", 1], ["贺", 1], ["毛", 1], ["郝", 1], ["顾", 1], ["龚", 1], ["邵", 1], ["万", 1],
  ["覃", 1], ["武", 1], ["钱", 1], ["戴", 1], ["严", 1], ["莫", 1], ["孔", 1], ["向", 1], ["常", 1], ["易", 1],
];

/** Generation names (字辈) a clan gives its sons, one character per generation. */
const GENERATION_CHARS = "德仁义礼智信忠孝传家永世昌隆兴承先启后光宗耀祖学文正大明远";

const MALE_OLD = "福贵富财有发生春根金宝山林海清明德广顺荣长";
const MALE_MID = "建国军华平伟强勇斌杰红兵刚志文辉东明涛波峰";
const MALE_NEW = "浩宇轩子豪俊涛鑫磊博文杰晨睿泽航逸凯阳";
const FEMALE_OLD = "秀英兰桂珍翠凤莲芳玉梅花菊香娥云";
const FEMALE_MID = "丽红艳敏霞燕娟萍琴静芳玲慧琳华";
const FEMALE_NEW = "欣怡梓涵诗雨婷萱佳琪思颖悦可馨彤";

function pool(male: boolean, birthYear: number): string {
  if (birthYear < 1960) return male ? MALE_OLD : FEMALE_OLD;
  if (birthYear < 1990) return male ? MALE_MID : FEMALE_MID;
  return male ? MALE_NEW : FEMALE_NEW;
}

/** A given name; `generationChar` is the clan's 字辈 character for sons of that generation. */
export function givenName(rng: Rng, male: boolean, birthYear: number, generationChar?: string): string {
  const p = pool(male, birthYear);
  if (generationChar && male) return generationChar + rng.pick([...p]);
  if (rng.chance(birthYear < 1990 ? 0.6 : 0.4)) return rng.pick([...p]) + rng.pick([...p]);
  return rng.pick([...p]);
}

export function generationChar(clanIndex: number, generation: number): string {
  const chars = [...GENERATION_CHARS];
  return chars[(clanIndex * 7 + generation) % chars.length] as string;
}

const PLACE_A = "青石白马黄龙桃花杨柳梅溪枫林竹园松山清水长岭高桥新田大坪茶园凤凰双河金鸡太平龙潭沙坪石门";
const PLACE_B = "坪湾冲垄岗塘坝坳溪桥山岭田湖";

/** Two-character place root, e.g. 青石 or 梅溪. */
export function placeRoot(rng: Rng): string {
  const a = [...PLACE_A];
  const i = rng.int(0, a.length / 2 - 1) * 2;
  return (a[i] as string) + (a[i + 1] as string);
}

export function villageName(rng: Rng, clanSurname: string | undefined): string {
  if (clanSurname && rng.chance(0.45)) return `${clanSurname}家${rng.pick([...PLACE_B])}村`;
  return `${placeRoot(rng)}${rng.pick(["", "", rng.pick([...PLACE_B])])}村`;
}

export function townshipName(rng: Rng): string {
  return `${placeRoot(rng)}${rng.chance(0.6) ? "镇" : "乡"}`;
}

export function countyName(rng: Rng): string {
  return `${placeRoot(rng)}县`;
}

const FIRM_ROOTS = "鑫盛宏达华泰恒通顺发兴旺永盛金源鼎成瑞丰联创东方振华广厦安居佳和昌隆富民惠民汇通天成";
const FIRM_TRADES: readonly (readonly [string, string])[] = [
  ["建筑工程有限公司", "construction"],
  ["建设工程有限公司", "construction"],
  ["路桥工程有限公司", "construction"],
  ["水利水电工程有限公司", "water"],
  ["劳务有限公司", "labour"],
  ["建材有限公司", "supply"],
  ["商贸有限公司", "trade"],
  ["农业开发有限公司", "agriculture"],
  ["种养专业合作社", "coop"],
  ["农机专业合作社", "coop"],
  ["园林绿化工程有限公司", "construction"],
  ["机械租赁有限公司", "supply"],
  ["电子科技有限公司", "trade"],
  ["餐饮管理有限公司", "trade"],
];

export type Trade = "construction" | "water" | "labour" | "supply" | "trade" | "agriculture" | "coop" | "bookkeeping";

export function firmRoot(rng: Rng): string {
  const a = [...FIRM_ROOTS];
  const i = rng.int(0, a.length / 2 - 1) * 2;
  return (a[i] as string) + (a[i + 1] as string);
}

/** A firm name for a trade; the county or township name prefixes it as registrars require. */
export function firmName(rng: Rng, place: string, trade: Trade): string {
  if (trade === "bookkeeping") return `${place}${firmRoot(rng)}财务咨询有限公司`;
  const options = FIRM_TRADES.filter(([, t]) => t === trade);
  const suffix = (rng.pick(options.length > 0 ? options : FIRM_TRADES) as readonly [string, string])[0];
  return `${place}${firmRoot(rng)}${suffix}`;
}

export const BANKS = ["中国农业银行", "农村信用合作联社", "中国邮政储蓄银行", "中国建设银行", "中国工商银行", "村镇银行"];

/** Where migrants work. */
export const MIGRANT_EMPLOYERS = [
  "东莞市长安镇电子厂", "深圳市宝安区鞋厂", "广州市白云区服装厂", "浙江义乌小商品市场", "宁波市北仑区模具厂",
  "苏州工业园区电子厂", "上海市嘉定区物流公司", "福建晋江鞋业公司", "佛山市顺德区家具厂", "长沙市建筑工地",
];

export const ROAD_WORDS = ["建设路", "人民路", "解放路", "新华路", "中山路", "滨江路", "迎宾大道", "府前街", "工业园路"];
