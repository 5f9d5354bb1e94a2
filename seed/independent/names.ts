// Name material: surnames with rough national frequencies, given-name characters, place and firm
// name parts. Spellings vary between persons (variant characters, a space after the surname).
import type { Rng } from "./rng.ts";

/** Surname and relative frequency (per mille, roughly the national distribution). */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 73], ["李", 72], ["张", 69], ["刘", 54], ["陈", 45], ["杨", 31], ["黄", 22], ["赵", 20], ["吴", 20], ["周", 19],
  ["徐", 13], ["孙", 13], ["马", 12], ["朱", 11], ["胡", 11], ["郭", 10], ["何", 10], ["高", 9.5], ["林", 9.4], ["罗", 8.6],
  ["郑", 8.2], ["梁", 8], ["谢", 6.8], ["宋", 6], ["唐", 5.8], ["许", 5.5], ["韩", 5.3], ["冯", 5.2], ["邓", 5.2], ["曹", 5.1],
  ["彭", 4.9], ["曾", 4.8], ["肖", 4.7], ["田", 4.6], ["董", 4.5], ["袁", 4.4], ["潘", 4.3], ["于", 4.2], ["蒋", 4.1], ["蔡", 4],
  ["余", 3.9], ["杜", 3.8], ["叶", 3.7], ["程", 3.6], ["苏", 3.5], ["魏", 3.4], ["吕", 3.3], ["丁", 3.2], ["任", 3.1], ["沈", 3],
  ["姚", 2.9], ["卢", 2.8], ["姜", 2.7], ["崔", 2.6], ["钟", 2.5], ["谭", 2.4], ["陆", 2.3], ["汪", 2.2], ["范", 2.1], ["金", 2],
  ["石", 2], ["廖", 1.9], ["贾", 1.9], ["夏", 1.8], ["韦", 1.8], ["付", 1.7], ["方", 1.7], ["白", 1.6], ["邹", 1.6], ["孟", 1.5],
  ["熊", 1.5], ["秦", 1.4], ["邱", 1.4], ["江", 1.4], ["尹", 1.3], ["薛", 1.3], ["闫", 1.2], ["段", 1.2], ["雷", 1.2], ["侯", 1.1],
  ["龙", 1.1], ["史", 1.1], ["陶", 1], ["黎", 1], ["贺", 1], ["顾", 1], ["毛", 1], ["郝", 0.9], ["龚", 0.9], ["邵", 0.9],
  ["万", 0.8], ["钱", 0.8], ["严", 0.8], ["覃", 0.7], ["武", 0.7], ["戴", 0.7], ["莫", 0.6], ["孔", 0.6], ["向", 0.6], ["汤", 0.6],
  ["欧阳", 0.3], ["司马", 0.1], ["诸葛", 0.1],
];

/** Traditional or variant forms some clerks still type. */
const VARIANTS: Record<string, string> = {
  陈: "陳", 刘: "劉", 张: "張", 黄: "黃", 赵: "趙", 吴: "吳", 杨: "楊", 孙: "孫", 马: "馬", 郑: "鄭",
  罗: "羅", 谢: "謝", 许: "許", 韩: "韓", 冯: "馮", 邓: "鄧", 叶: "葉", 苏: "蘇", 卢: "盧", 钟: "鍾",
  华: "華", 国: "國", 军: "軍", 兰: "蘭", 凤: "鳳", 丽: "麗", 红: "紅", 龙: "龍", 东: "東", 伟: "偉",
  荣: "榮", 宝: "寶", 贵: "貴", 发: "發", 云: "雲", 庆: "慶", 义: "義", 书: "書", 亮: "亮",
};

const MALE_CHARS = "伟强军磊勇杰涛明超刚平辉建国华志文斌波海林峰春生福贵兵德成海龙东亮飞新宝祥庆忠义荣发全军顺根富金山水清德才和安永".split("");
const FEMALE_CHARS = "芳娟敏静丽艳秀英华玲霞燕红梅兰凤琴云莲桂珍萍玉洁雪娥菊香月春花翠金彩爱巧美琳婷".split("");
const GENERATION_CHARS = "建国永德家明志振兴文世宗光绍传承立忠庆长福有".split("");

export function pickSurname(rng: Rng, pool?: readonly string[]): string {
  if (pool && pool.length > 0) return rng.pick(pool);
  return rng.weighted(SURNAMES, (s) => s[1])[0];
}

/**
 * A given name. Men of one lineage and generation often share a generation character (字辈), which is
 * how clan villages end up with many near-identical names.
 */
export function givenName(rng: Rng, gender: "M" | "F", birthYear: number, generationChar?: string): string {
  const chars = gender === "M" ? MALE_CHARS : FEMALE_CHARS;
  const single = birthYear >= 1985 ? 0.45 : 0.2;
  if (rng.chance(single)) return rng.pick(chars);
  if (gender === "M" && generationChar && rng.chance(0.75)) return generationChar + rng.pick(chars);
  return rng.pick(gender === "M" ? MALE_CHARS.concat(GENERATION_CHARS) : FEMALE_CHARS) + rng.pick(chars);
}

export function generationChar(rng: Rng): string {
  return rng.pick(GENERATION_CHARS);
}

/** How the name is written in persons.csv: usually plainly; sometimes with variant characters or a space. */
export function writtenName(rng: Rng, surname: string, given: string, noise: number): string {
  const r = rng.next();
  if (r < noise * 0.05) return `${surname} ${given}`;
  if (r < noise * 0.1) {
    const swap = (s: string) => s.split("").map((c) => VARIANTS[c] ?? c).join("");
    return swap(surname) + swap(given);
  }
  return surname + given;
}

const PLACE_WORDS = "石桥 柳树 杨庄 清水 黄土 白马 青龙 凤凰 桃园 梨花 东山 西河 南岗 北湾 大坝 小河 新华 红旗 和平 团结 胜利 光明 长岭 双塘 三里 五里 七星 九龙 金竹 银杏 松林 枫树 竹园 荷塘 上坪 下坪 中岭 高桥 马鞍 龙潭 太平 永安 长乐 兴隆 富民 丰收 友谊 联合 前进 沙河 泉水 桥头 塘口 坝上 岭脚 湾里 庙前 古城".split(" ");
const TOWN_WORDS = "城关 临河 青石 白沙 龙泉 大桥 新集 石门 黄岗 柳林 双河 三河 高庄 马坊 官庄 东湖 西坪 南庄 北山 旧县 清溪 金鸡 梅林 长安 永丰 太和 安乐 云山 桃源 凤鸣".split(" ");
const COUNTY_WORDS = "青阳 临川 安平 永宁 长丰 清河 武陵 南溪 石城 宁远 桐柏 凤台 新安 怀远 泗水 黎川 定远 宜丰 和顺 灵丘".split(" ");

export function countyName(rng: Rng): string {
  return `${rng.pick(COUNTY_WORDS)}县`;
}

export function townshipNames(rng: Rng, n: number): string[] {
  const words = rng.sample(TOWN_WORDS.filter((w) => w !== "城关"), n);
  return words.map((w, i) => (i % 3 === 2 ? `${w}乡` : `${w}镇`));
}

export function villageName(rng: Rng, surnames: readonly string[], used: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const clan = surnames.length > 0 && rng.chance(0.7);
    const base = clan ? `${rng.pick(surnames)}${rng.pick(["家", "庄", "家", "营", "集"])}${rng.pick(["", "湾", "岭", "坝", "沟", "寨"])}` : rng.pick(PLACE_WORDS);
    const name = `${base}村`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `${rng.pick(PLACE_WORDS)}${used.size}村`;
  used.add(name);
  return name;
}

export function communityName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const name = `${rng.pick(["东街", "西街", "南门", "北门", "新城", "滨河", "文化", "人民", "建设", "解放", "城南", "城北"])}社区`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
    if (used.size > 12) return `第${used.size}社区`;
  }
}

export const STREETS = ["人民路", "解放路", "建设路", "文化路", "新华街", "中山路", "滨河路", "迎宾大道", "工业路", "商贸街"];

const BRANDS = "鑫源 宏达 恒通 兴旺 金诚 顺发 永安 华宇 众诚 盛世 天成 瑞丰 广源 博远 隆兴 泰和 鼎盛 安居 嘉禾 润泽 长盛 国泰 聚源 汇通 正和 中恒 豪庭 绿源 金鹏 德润 益民 兴农 丰禾 惠农 宏图 旭日 昌盛 锦程 腾飞 万通".split(" ");
const TRADES = {
  construction: ["建筑工程", "建设工程", "路桥工程", "市政工程", "建筑安装工程"],
  water: ["水利工程", "水电安装", "水务工程"],
  agriculture: ["农业开发", "园林绿化", "生态农业", "农业科技"],
  trade: ["商贸", "建材", "物资", "五金建材", "电器"],
  services: ["劳务", "电力安装", "装饰工程", "信息技术"],
} as const satisfies Record<string, readonly string[]>;

export type Trade = keyof typeof TRADES;
export const TRADE_KINDS = Object.keys(TRADES) as Trade[];

export function companyName(rng: Rng, county: string, trade: Trade, used: Set<string>): string {
  const short = county.replace(/县$/, "");
  for (let attempt = 0; attempt < 100; attempt++) {
    const brand = rng.pick(BRANDS);
    const tradeWord = rng.pick(TRADES[trade]);
    const suffix = rng.weighted(["有限公司", "有限责任公司", "有限公司", "（普通合伙）"], (_, i) => [6, 2, 0, 0.3][i] ?? 0);
    const name = rng.chance(0.8) ? `${short}县${brand}${tradeWord}${suffix}` : `${brand}${tradeWord}${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `${short}县${used.size}号${rng.pick(TRADES[trade])}有限公司`;
  used.add(name);
  return name;
}

export function cooperativeName(rng: Rng, village: string, used: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = `${village.replace(/村$/, "")}${rng.pick(["种植", "养殖", "茶叶", "果蔬", "中药材", "食用菌", "生猪", "水稻", "农机"])}专业合作社`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `${village}${used.size}号农民专业合作社`;
  used.add(name);
  return name;
}
