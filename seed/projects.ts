// Village construction projects with bids and awards. Background tenders are clean by construction:
// three or more genuine bids with natural spread, no firm holding two small awards in one village within
// a year, no firm taking a large share of a township's year, no idle bidder that never wins.
import type { Rng } from "./rng.ts";
import { W1, YEARS, day, yearOf, years, type Day } from "./dates.ts";
import type { Field, Method } from "./contract.ts";
import type { CountyStyle } from "./style.ts";
import type { Bid, Company, Person, Project } from "./model.ts";
import type { TownshipState } from "./world.ts";

const ITEMS: Record<string, readonly string[]> = {
  infrastructure: ["村道硬化", "巷道硬化", "过街涵洞", "便民桥", "道路拓宽", "村内道路维修", "排水渠", "护坡"],
  water: ["人畜饮水安全", "自来水管网改造", "蓄水池修建", "提水站", "水窖", "饮水井"],
  agriculture: ["高标准农田建设", "田间道路", "谷子种植基地", "节水灌溉", "梯田修复", "淤地坝维修"],
  poverty_alleviation: ["扶贫车间", "光伏电站", "养殖小区", "红枣加工厂房", "冷库", "种植大棚"],
  housing: ["危房改造统建", "易地搬迁安置房", "农房抗震改造", "村容整治"],
  other: ["村委会办公楼", "文化广场", "公厕改造", "路灯亮化", "卫生室", "幼儿园改造"],
};
const FIELDS: Field[] = ["infrastructure", "water", "agriculture", "poverty_alleviation", "housing", "other"];
const FIELD_WEIGHTS = [35, 15, 15, 15, 5, 15];

export function pickField(rng: Rng): Field {
  return rng.weighted(FIELDS, FIELD_WEIGHTS);
}

export function projectName(rng: Rng, regionName: string, year: number, field: Field): string {
  const items = ITEMS[field] ?? (ITEMS.other as readonly string[]);
  return `${regionName}${year}年${rng.pick(items)}${rng.chance(0.5) ? "工程" : "项目"}`;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function cv(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) * (b - m), 0) / xs.length;
  return Math.sqrt(v) / m;
}

export interface ProjectSpec {
  regionId: string;
  regionName: string;
  field: Field;
  budget: number;
  method: Method;
  award: Day;
  approvedBy: string | undefined;
  winner: Company;
  /** Losing bidders (empty for direct awards). */
  others: Company[];
  /** "close": near-identical bids (low coefficient of variation), as colluding bidders write them. */
  style?: "normal" | "close";
  /** Winner's bid as a fraction of budget. */
  winnerFactor?: number;
  disqualified?: Company[];
  deposit?: Map<Company, string>;
  preparer?: Map<Company, string>;
  name?: string;
  announceLead?: number;
}

/** Builds a project and its bids; the winner always holds the lowest valid bid. */
export function makeProject(tw: TownshipState, rng: Rng, s: ProjectSpec): Project {
  const year = yearOf(s.award);
  const competitive = s.method !== "direct_award" && s.method !== "single_source";
  const deadline = competitive ? s.award - rng.int(3, 15) : undefined;
  const announce = deadline !== undefined
    ? deadline - (s.announceLead ?? (s.method === "open_tender" ? rng.int(20, 30) : rng.int(5, 12)))
    : s.method === "single_source" ? s.award - rng.int(10, 30) : undefined;
  const style = tw.style;
  const wf = s.winnerFactor ?? rng.float(style.winnerFactor[0], style.winnerFactor[1]);
  const winAmount = round2(s.budget * wf);
  const bids: Bid[] = [];
  const bidders = competitive ? [s.winner, ...s.others] : s.method === "single_source" ? [s.winner] : [];
  const amounts: number[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    amounts.length = 0;
    for (let i = 0; i < bidders.length; i++) {
      if (i === 0) amounts.push(winAmount);
      else if (s.style === "close") amounts.push(round2(winAmount * (1 + rng.float(0.0008, 0.006))));
      else amounts.push(round2(winAmount * rng.float(style.markup[0], style.markup[1])));
    }
    if (s.style === "close" || amounts.length < 2 || cv(amounts) >= style.minCv) break;
  }
  bidders.forEach((c, i) => {
    const submitted = (deadline ?? s.award) - rng.int(0, 4);
    bids.push({
      company: c, amount: amounts[i] as number, submitted,
      deposit: s.deposit?.get(c) ?? (c.accounts[0] as { id: string }).id,
      preparer: s.preparer?.get(c) ?? (c.preparers.length > 0 ? rng.pick(c.preparers).id : c.legalRep?.id),
      disqualified: s.disqualified?.includes(c) ?? false,
    });
    c.bids++;
  });
  s.winner.wins++;
  const p: Project = {
    id: tw.run.ids.next("J", 6), name: s.name ?? projectName(rng, s.regionName, year, s.field), regionId: s.regionId,
    field: s.field, budget: s.budget, method: s.method, announce, deadline, award: s.award, approvedBy: s.approvedBy,
    winner: s.winner, awardAmount: winAmount, bids: rng.shuffle(bids), year,
  };
  tw.projects.push(p);
  return p;
}

/** Adds the firm as a losing bidder to a few of the township's competitive tenders after `after`. */
export function extraBids(tw: TownshipState, rng: Rng, c: Company, after: Day, n: number): void {
  // Only background tenders with three valid bids: planted ones keep exactly the bids their scheme gave them.
  const open = tw.projects.filter((p) => p.award > after && !tw.used.has(p.id) && p.bids.filter((b) => !b.disqualified).length >= 3
    && p.winner !== c && !p.bids.some((b) => b.company === c));
  for (const p of rng.sample(open, n)) {
    p.bids.push({
      company: c, amount: round2(p.awardAmount * rng.float(tw.style.markup[0] + 0.01, tw.style.markup[1] + 0.01)), submitted: (p.deadline ?? p.award) - rng.int(0, 4),
      deposit: (c.accounts[0] as { id: string }).id, preparer: c.legalRep?.id, disqualified: false,
    });
    c.bids++;
  }
}

/** Pool firms that could bid on day d: registered over a year before, still active. */
export function eligibleBidders(tw: TownshipState, d: Day): Company[] {
  return tw.county.pool.filter((c) => c.regDay <= d - years(1.2) && (c.endDay === undefined || c.endDay > d + 365) && c.pool);
}

/** Genuine competitors for planted projects: firms that do win now and then. */
export function genuineCompetitors(tw: TownshipState, rng: Rng, d: Day, n: number, exclude: readonly Company[]): Company[] {
  const all = eligibleBidders(tw, d).filter((c) => !exclude.includes(c));
  const winners = all.filter((c) => c.wins > 0 && c.wins * 5 >= c.bids);
  return rng.sample(winners.length >= n ? winners : all, n);
}

/** A pool firm to win a planted scheme: any contractor but the busy honest ones (their look-alike stays clean). */
export function poolWinner(tw: TownshipState, rng: Rng, d: Day, exclude: readonly Company[] = []): Company | undefined {
  return genuineCompetitors(tw, rng, d, 1, [...exclude, ...tw.county.pool.filter((c) => c.busy)])[0];
}

/** Below the county's tender limit a project is awarded directly or negotiated; from it on, tendered. */
export function methodFor(rng: Rng, budget: number, style: CountyStyle): Method {
  if (budget < style.tenderLimit) return rng.chance(style.directShare) ? "direct_award" : "competitive_negotiation";
  return rng.chance(0.85) ? "open_tender" : "invited_tender";
}

export function projectBudget(rng: Rng, median = 230_000): number {
  return Math.round(Math.min(6_000_000, Math.max(15_000, rng.lognormal(median, 0.9))) / 100) * 100;
}

/** After an award the winner buys materials and pays local labourers (never a cadre's family). */
function projectPayments(tw: TownshipState, rng: Rng, p: Project, workers: Person[]): void {
  const from = p.winner.accounts[0];
  if (from === undefined) return;
  const supplier = tw.county.suppliers.length > 0 ? rng.pick(tw.county.suppliers) : undefined;
  const d0 = p.award + rng.int(10, 90);
  if (supplier !== undefined && supplier.accounts[0] !== undefined && d0 <= W1 && rng.chance(0.7)) {
    tw.transfer(from.id, supplier.accounts[0].id, round2(p.awardAmount * rng.float(0.1, 0.35)), d0);
  }
  const n = Math.min(workers.length, rng.int(0, 5));
  for (const w of rng.sample(workers, n)) {
    const d = p.award + rng.int(30, 200);
    if (d > W1 || w.death <= d || w.account === undefined) continue;
    tw.transfer(from.id, w.account.id, rng.int(20, 150) * 100, d);
  }
}

export function backgroundProjects(tw: TownshipState): void {
  const rng = tw.rng.fork("projects");
  const style = tw.style;
  const shares = new Map<string, Map<Company, number>>();
  const totals = new Map<string, number>();
  const villageWins = new Set<string>();
  const scale = 1.5 * (tw.villages.length / 23) + 0.6;
  const workersOf = new Map<string, Person[]>();
  for (const v of tw.villages) {
    workersOf.set(v.id, tw.residentsOf(v).filter((p) => !p.excluded && p.account !== undefined && p.death > W1 && p.birth < day(1998, 1, 1) && p.birth > day(1956, 1, 1)));
  }
  for (const year of YEARS) {
    const slots: { regionId: string; regionName: string; village: boolean }[] = [];
    for (const v of tw.villages) for (let i = rng.poisson(0.85); i > 0; i--) slots.push({ regionId: v.id, regionName: v.name, village: true });
    for (let i = rng.poisson(scale); i > 0; i--) slots.push({ regionId: tw.plan.id, regionName: tw.plan.name, village: false });
    rng.shuffle(slots);
    const key = `${year}`;
    const share = shares.get(key) ?? new Map<Company, number>();
    shares.set(key, share);
    for (const slot of slots) {
      const field = pickField(rng);
      const budget = projectBudget(rng, slot.village ? 200_000 : 450_000);
      const method = methodFor(rng, budget, style);
      const award = day(year, 3, 1) + rng.int(0, 270);
      const approver = slot.village && rng.chance(0.75) ? tw.villageHead(slot.regionId, award, rng) : tw.townshipOfficial(award, rng, ["projects"]);
      const eligible = eligibleBidders(tw, award - 30);
      if (eligible.length < style.bidders[0] + 1) continue;
      const expected = budget * 0.92;
      const total = totals.get(key) ?? 0;
      const small = budget < style.tenderLimit;
      const ok = (c: Company): boolean => {
        if (slot.village && villageWins.has(`${slot.regionId}|${year}|${c.id}`)) return false;
        const last = c.smallAwards.get(slot.regionId);
        if (small && last !== undefined && award - last < 400) return false;
        if (c.busy) return true;
        const prev = share.get(c) ?? 0;
        return !(prev > 0 && (prev + expected) / (total + expected) > 0.4);
      };
      const competitive = method !== "direct_award";
      // A busy firm enters many tenders and, pricing lowest, often wins them.
      const busy = competitive ? eligible.filter((c) => c.busy && ok(c) && rng.chance(style.busyEntry)) : [];
      const busyWinner = busy.find(() => rng.chance(style.busyWin));
      // Firms that have bid a few times without winning go first, so none looks like a cover bidder.
      const order = rng.shuffle(eligible.filter((c) => !c.busy).slice()).sort((a, b) => Number(b.bids >= 3 && b.wins === 0) - Number(a.bids >= 3 && a.wins === 0));
      const winner = busyWinner ?? order.find(ok);
      if (winner === undefined) continue;
      const k = !competitive ? 0 : rng.int(style.bidders[0], style.bidders[1]);
      const entered = busy.filter((c) => c !== winner);
      const others = [...entered, ...rng.sample(eligible.filter((c) => c !== winner && !c.busy && !(c.bids >= 3 && c.wins === 0)), Math.max(0, k - 1 - entered.length) + (rng.chance(0.08) && k >= 3 ? 1 : 0))];
      const disqualified = others.length >= 3 && rng.chance(0.5) ? [others[others.length - 1] as Company] : [];
      const p = makeProject(tw, rng, { regionId: slot.regionId, regionName: slot.regionName, field, budget, method, award, approvedBy: approver?.ref.id, winner, others, disqualified });
      share.set(winner, (share.get(winner) ?? 0) + p.awardAmount);
      totals.set(key, total + p.awardAmount);
      if (slot.village) villageWins.add(`${slot.regionId}|${year}|${winner.id}`);
      if (small) winner.smallAwards.set(slot.regionId, award);
      projectPayments(tw, rng, p, workersOf.get(slot.regionId) ?? workersOf.get(tw.villages[0]?.id ?? "") ?? []);
    }
  }
}
