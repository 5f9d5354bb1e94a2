// Villagers' tips (群众举报): most name people or firms of planted schemes, some are noise about innocent
// people, a few name look-alikes. Received after the events they describe.
import type { Rng } from "./rng.ts";
import { W0, W1 } from "./dates.ts";
import type { Tip } from "./model.ts";
import { fullName } from "./model.ts";
import type { TownshipState } from "./world.ts";

const SUMMARY: Record<string, string> = {
  KIN_BENEFIT: "反映{name}优亲厚友，将亲属违规纳入补助名单",
  KIN_CONTRACT: "反映{name}将村级工程发包给亲属开办的公司",
  HIDDEN_TIE: "反映{name}与中标公司关系密切，疑似暗中参股",
  DECEASED_PAYEE: "反映{name}为已故村民继续冒领补助资金",
  DIVERTED_PAYMENT: "反映{name}截留群众补助款，补助款打入他人账户",
  SKIMMING: "反映{name}在发放补助时克扣群众钱款",
  INELIGIBLE: "反映{name}不符合条件却享受低保等救助",
  DUPLICATE_BENEFIT: "反映{name}重复领取补助，分户骗取低保",
  SINGLE_BID: "反映{name}相关工程未经公开招标即确定施工方",
  SPLIT_PURCHASE: "反映{name}将工程拆分发包规避招标",
  BID_RIGGING: "反映{name}等公司串通投标、轮流中标",
  KICKBACK: "反映{name}收受工程老板好处费",
  DOMINANT_WINNER: "反映{name}垄断本地工程项目",
  SHELL_WINNER: "反映{name}临时注册公司承揽工程",
  COLLUSION_RING: "反映{name}一家把持村务，工程、低保都由其亲属把持",
};
const NOISE = [
  "反映{name}工作作风粗暴，办事推诿", "反映{name}在村务公开中信息不全", "反映{name}参与宅基地纠纷处理不公",
  "反映{name}违规操办婚丧喜庆事宜", "反映{name}在人居环境整治中工作不力", "反映{name}家庭邻里纠纷",
];
const CHANNELS: readonly Tip["channel"][] = ["letter", "phone", "web", "visit"];
const CHANNEL_WEIGHTS = [35, 25, 30, 10];

function nameOf(tw: TownshipState, id: string): string {
  const p = tw.byId.get(id);
  if (p !== undefined) return fullName(p);
  const c = tw.companies.find((x) => x.id === id) ?? tw.county.companies.find((x) => x.id === id);
  return c?.name ?? "有关人员";
}

function received(rng: Rng, after: number): number {
  const from = Math.max(W0, after + 30);
  return from >= W1 ? W1 : from + rng.int(0, Math.min(W1 - from, 700));
}

/** Tips about planted schemes: named subjects are the cadre or the firm, sometimes a relative. */
export function schemeTips(tw: TownshipState): void {
  const rng = tw.rng.fork("tips");
  const byScheme = new Map<string, { typology: string; ids: Map<string, string> }>();
  for (const l of tw.labels) {
    let s = byScheme.get(l.schemeId);
    if (s === undefined) byScheme.set(l.schemeId, (s = { typology: l.typology, ids: new Map() }));
    if (!s.ids.has(l.role)) s.ids.set(l.role, l.entityId);
  }
  for (const s of byScheme.values()) {
    if (!rng.chance(s.typology === "COLLUSION_RING" ? 0.8 : 0.45)) continue;
    // Villagers name the firm in tender complaints, the cadre otherwise.
    const firmFirst = ["SHELL_WINNER", "BID_RIGGING", "DOMINANT_WINNER", "SINGLE_BID"].includes(s.typology);
    const lead = firmFirst ? (s.ids.get("company") ?? s.ids.get("cadre")) : (s.ids.get("cadre") ?? s.ids.get("company"));
    const subjects = [lead ?? s.ids.get("beneficiary") ?? s.ids.get("deceased")].filter((x): x is string => x !== undefined);
    const extra = s.ids.get("relative") ?? s.ids.get("company");
    if (extra !== undefined && !subjects.includes(extra) && rng.chance(0.4)) subjects.push(extra);
    if (subjects.length === 0) continue;
    const first = subjects[0] as string;
    const summary = (SUMMARY[s.typology] ?? "反映{name}有违纪问题").replace("{name}", nameOf(tw, first));
    tw.tips.push({ id: tw.run.ids.next("TIP", 6), received: received(rng, W0 + rng.int(100, 900)), channel: rng.weighted(CHANNELS, CHANNEL_WEIGHTS), subjects, summary });
  }
}

/** Noise: complaints about innocent cadres and villagers, and a few about look-alikes. */
export function backgroundTips(tw: TownshipState): void {
  const rng = tw.rng.fork("noise-tips");
  const n = Math.max(1, Math.round(tw.emitted.length / 2500));
  const cadres = tw.posts.map((p) => p.person).filter((p) => p !== undefined && !tw.used.has(p.id));
  for (let i = 0; i < n; i++) {
    const p = rng.chance(0.7) && cadres.length > 0 ? rng.pick(cadres) : rng.pick(tw.emitted);
    if (p === undefined || tw.used.has(p.id)) continue;
    tw.tips.push({ id: tw.run.ids.next("TIP", 6), received: received(rng, W0), channel: rng.weighted(CHANNELS, CHANNEL_WEIGHTS), subjects: [p.id], summary: rng.pick(NOISE).replace("{name}", fullName(p)) });
  }
  const lookalikeSubjects = [...new Set(tw.lookalikes.map((l) => l.entityId))].filter((id) => tw.byId.has(id));
  for (const id of rng.sample(lookalikeSubjects, Math.ceil(lookalikeSubjects.length * 0.05))) {
    tw.tips.push({ id: tw.run.ids.next("TIP", 6), received: received(rng, W0 + 200), channel: rng.weighted(CHANNELS, CHANNEL_WEIGHTS), subjects: [id], summary: (SUMMARY.KIN_BENEFIT as string).replace("{name}", nameOf(tw, id)) });
  }
}
