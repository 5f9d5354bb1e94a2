// Village and township projects and their honest tenders. Below this county's threshold projects are
// mostly awarded directly; above it they are tendered, with independent bids spread around each
// firm's own cost level, the lowest usually winning. Remote villages draw few bidders. Firms tied to
// a cadre of the region (or the cadre's kin) stay out of that region's tenders.
import { cadresNear, holderAt } from "./cadres.ts";
import { day, END, YEARS, type Day } from "./dates.ts";
import { townships, villages } from "./geography.ts";
import { relatives } from "./kin.ts";
import type { Bid, Company, Field, Method, Person, Project, Region, World } from "./model.ts";
import type { Rng } from "./rng.ts";

const FIELD_WORKS: Record<string, string[]> = {
  infrastructure: ["村道硬化工程", "产业路建设工程", "危桥改造工程", "路灯安装工程", "村组道路拓宽工程", "文化广场建设工程", "村级活动场所改造"],
  water: ["饮水安全巩固提升工程", "山塘整治工程", "灌溉渠道修缮工程", "自来水管网延伸工程", "河道清淤工程"],
  agriculture: ["高标准农田建设", "农田水利配套工程", "土地整理项目", "种苗采购", "农资采购"],
  housing: ["危房集中改造工程", "易地扶贫搬迁安置点配套", "农房风貌整治工程"],
  poverty_alleviation: ["光伏扶贫电站建设", "扶贫车间建设", "产业基地建设", "扶贫产业园配套"],
  education: ["村小校舍维修", "幼儿园改造工程", "学校食堂设备采购"],
  medical: ["村卫生室标准化建设", "医疗设备采购"],
  other: ["人居环境整治", "垃圾收集设施采购", "绿化工程", "村务公开栏制作"],
};

const FIELD_WEIGHTS: [Field, number][] = [
  ["infrastructure", 30],
  ["water", 15],
  ["agriculture", 14],
  ["housing", 8],
  ["poverty_alleviation", 10],
  ["education", 5],
  ["medical", 3],
  ["other", 15],
];

export function projectName(rng: Rng, world: World, region: Region, field: Field, suffix = ""): string {
  const prefix = region.level === "township" ? region.name : `${(world.regions[region.township] as Region).name}${region.name}`;
  return `${prefix}${rng.pick(FIELD_WORKS[field] ?? ["建设工程"])}${suffix}`;
}

export function pickField(rng: Rng): Field {
  return rng.weighted(FIELD_WEIGHTS, (f) => f[1])[0];
}

/** Controlling officers of every firm, and everyone related to them. */
export class Conflicts {
  private readonly kinOf = new Map<number, Set<number>>();
  private readonly officers = new Map<number, number[]>();
  constructor(private readonly world: World) {
    for (const r of world.roles) {
      if (r.role === "employee" || r.role === "agent") continue;
      const list = this.officers.get(r.company);
      if (list) list.push(r.person);
      else this.officers.set(r.company, [r.person]);
    }
  }

  officersOf(company: number): number[] {
    return this.officers.get(company) ?? [];
  }

  /** Officers and their relatives. */
  circle(company: number): Set<number> {
    let s = this.kinOf.get(company);
    if (!s) {
      s = new Set<number>();
      for (const o of this.officersOf(company)) {
        s.add(o);
        for (const k of relatives(this.world, o).keys()) s.add(k);
      }
      this.kinOf.set(company, s);
    }
    return s;
  }

  /** True when a cadre of the region (or its township) on `at`, or the cadre's kin, has a say in the firm. */
  conflicted(company: number, region: number, at: Day): boolean {
    const circle = this.circle(company);
    return cadresNear(this.world, region, at).some((p) => circle.has(p.person));
  }

  /** True when two firms share a controlling officer (affiliated firms never bid against each other honestly). */
  affiliated(a: number, b: number): boolean {
    const oa = this.officersOf(a);
    return this.officersOf(b).some((o) => oa.includes(o));
  }
}

export function firmAt(c: Company, at: Day): boolean {
  return !c.scheme && (c.registered ?? 0) <= at - 30 && (c.closed === undefined || c.closed > at + 60);
}

export function bidAmount(rng: Rng, world: World, c: Company, budget: number): number {
  const discount = c.efficiency + rng.normal(0, world.style.bidSpread);
  // The budget is the ceiling price: a firm whose costs run over it bids just under it.
  const factor = 1 - discount > 1 ? 1 - Math.abs(rng.normal(0, world.style.bidSpread / 4)) : 1 - discount;
  const x = budget * Math.min(1, Math.max(0.7, factor));
  return rng.chance(0.5) ? Math.round(x) : Math.round(x / 100) * 100;
}

/** Name of whoever wrote the firm's bid: its own people, or (in some counties) a bid-writing shop. */
export function preparerFor(world: World, rng: Rng, c: Company, agency: readonly string[]): string | undefined {
  if (agency.length > 0 && rng.chance(0.25)) return rng.pick(agency);
  if (!rng.chance(0.55)) return undefined;
  const people = world.roles.filter((r) => r.company === c.k && (r.role === "legal_rep" || r.role === "manager" || r.role === "employee"));
  if (people.length === 0) return undefined;
  return (world.persons[rng.pick(people).person] as Person).written;
}

export function approverFor(world: World, rng: Rng, region: Region, at: Day): number | undefined {
  if (region.level === "township") return (holderAt(world, region.k, "township_official", at, region.name.endsWith("乡") ? "乡长" : "镇长") ?? holderAt(world, region.k, "township_official", at))?.k;
  const first = rng.chance(0.6) ? "party_secretary" : "committee_director";
  return (holderAt(world, region.k, first, at) ?? holderAt(world, region.k, "party_secretary", at) ?? holderAt(world, region.township, "township_official", at))?.k;
}

export function addProject(world: World, p: Omit<Project, "k" | "id">): Project {
  const project: Project = { ...p, k: world.projects.length, id: world.ids.next("x") };
  world.projects.push(project);
  return project;
}

export function addBid(world: World, b: Bid): void {
  world.bids.push(b);
}

export interface Tendering {
  conflicts: Conflicts;
  agency: string[];
}

export function tenderContext(world: World): Tendering {
  const rng = world.rng.fork("agency");
  const agency: string[] = [];
  if (world.style.bidAgency) {
    const shop = `${world.style.county.replace(/县$/, "")}${rng.pick(["正达", "宏远", "诚信", "公信"])}招标代理`;
    agency.push(`${shop}`, `${shop}-${rng.pick(["李", "王", "张", "刘"])}工`);
  }
  return { conflicts: new Conflicts(world), agency };
}

/** Candidates for an honest tender: able, in the trade, not conflicted, weighted by closeness. */
export function honestPool(world: World, t: Tendering, region: Region, field: Field, at: Day): { c: Company; w: number }[] {
  const out: { c: Company; w: number }[] = [];
  for (const c of world.companies) {
    if (!firmAt(c, at) || !c.fields.includes(field) || c.coop) continue;
    if (t.conflicts.conflicted(c.k, region.k, at)) continue;
    const home = world.regions[c.region ?? 0] as Region;
    const local = home.township === region.township ? 3 : home.urban ? 1.5 : 0.6;
    const reach = home.township === region.township ? 1 : 1 - 0.6 * region.remote;
    out.push({ c, w: c.activity * local * reach });
  }
  return out;
}

/** Draws `n` bidders without affiliated pairs. */
export function drawBidders(rng: Rng, t: Tendering, pool: { c: Company; w: number }[], n: number): Company[] {
  const chosen: Company[] = [];
  const left = pool.slice();
  while (chosen.length < n && left.length > 0) {
    const pick = rng.weighted(left, (x) => x.w);
    left.splice(left.indexOf(pick), 1);
    if (chosen.some((c) => t.conflicts.affiliated(c.k, pick.c.k))) continue;
    chosen.push(pick.c);
  }
  return chosen;
}

/** Runs a competitive procedure: bids, disqualifications, award. Returns the winner. */
export function runTender(world: World, rng: Rng, t: Tendering, project: Project, bidders: Company[], opts: { lowestWins?: number } = {}): Company | undefined {
  const announce = project.announce ?? project.award ?? END;
  const deadline = project.deadline ?? announce + 20;
  const bids: { c: Company; amount: number; dq: boolean }[] = bidders.map((c) => ({ c, amount: bidAmount(rng, world, c, project.budget), dq: false }));
  // A tender needs three valid bids to stand, so a bid is thrown out only when four or more came in.
  if (bids.length > 3) for (const b of bids) if (rng.chance(0.05) && bids.filter((x) => !x.dq).length > 3) b.dq = true;
  if (bids.every((b) => b.dq) && bids[0]) bids[0].dq = false;
  for (const b of bids) {
    addBid(world, {
      project: project.k,
      company: b.c.k,
      amount: b.amount,
      submitted: rng.chance(0.85) ? Math.min(deadline, announce + rng.int(3, Math.max(4, deadline - announce))) : undefined,
      deposit: rng.chance(0.7) ? b.c.account : undefined,
      preparer: preparerFor(world, rng, b.c, t.agency),
      disqualified: b.dq ? true : rng.chance(0.6) ? false : undefined,
    });
  }
  const valid = bids.filter((b) => !b.dq).sort((a, b) => a.amount - b.amount);
  const winner = valid.length > 1 && !rng.chance(opts.lowestWins ?? world.style.lowestWins) ? valid[1] : valid[0];
  if (!winner) return undefined;
  project.awardedTo = winner.c.k;
  project.awardAmount = winner.amount;
  return winner.c;
}

export function budgetFor(rng: Rng, world: World, township: boolean): number {
  const T = world.style.threshold;
  const b = rng.logNormal(township ? T * 1.6 : T * 0.55, 0.85);
  return Math.max(8000, Math.min(6_000_000, Math.round(b / 100) * 100));
}

export function methodFor(rng: Rng, world: World, budget: number, region: Region): Method {
  if (budget < world.style.threshold) {
    return rng.weighted(["direct_award", "competitive_negotiation", "invited_tender", "single_source"] as Method[], (_, i) => [65, 22 + region.remote * 10, 8, 5][i] ?? 0);
  }
  return rng.weighted(["open_tender", "invited_tender", "competitive_negotiation"] as Method[], (_, i) => [80, 14, 6][i] ?? 0);
}

export function bidderCount(rng: Rng, world: World, method: Method, region: Region, above = false): number {
  const mean = world.style.bidMean * (1 - 0.45 * region.remote);
  switch (method) {
    case "open_tender":
      return 3 + rng.poisson(Math.max(0.3, mean - 3));
    case "invited_tender":
      return rng.int(3, 5);
    case "competitive_negotiation":
      // Below the threshold a remote village may get a single offer; above it, at least two.
      return Math.max(above ? 2 : 1, rng.poisson(Math.max(0.6, mean * 0.6)));
    default:
      return 1;
  }
}

/** One honest project from announcement to award. */
export function honestProject(world: World, rng: Rng, t: Tendering, region: Region, year: number): Project | undefined {
  const field = pickField(rng);
  const budget = budgetFor(rng, world, region.level === "township");
  const method = methodFor(rng, world, budget, region);
  const announce = day(year, rng.int(2, 11), rng.int(1, 28));
  const competitive = method !== "direct_award" && method !== "single_source";
  const deadline = competitive ? announce + (method === "open_tender" ? rng.int(20, 30) : rng.int(7, 15)) : undefined;
  const award = (deadline ?? announce) + rng.int(2, 12);
  if (award > END) return undefined;
  const pool = honestPool(world, t, region, field, announce);
  if (pool.length === 0) return undefined;
  const above = budget >= world.style.threshold;
  const bidders = competitive ? drawBidders(rng, t, pool, bidderCount(rng, world, method, region, above)) : [];
  // Fewer than three bidders: the tender fails and the job is negotiated instead; above the
  // threshold with a single offer it is put off altogether.
  let shown: Method = method;
  if (competitive && method !== "competitive_negotiation" && bidders.length < 3) shown = "competitive_negotiation";
  if (competitive && above && bidders.length < 2) return undefined;
  const project = addProject(world, {
    name: projectName(rng, world, region, field),
    region: region.k,
    field,
    budget,
    method: shown,
    announce: competitive || rng.chance(0.4) ? announce : undefined,
    deadline,
    award,
    approvedBy: approverFor(world, rng, region, award),
  });
  if (competitive) runTender(world, rng, t, project, bidders);
  else {
    const c = rng.weighted(pool, (x) => x.w).c;
    const amount = bidAmount(rng, world, c, budget);
    project.awardedTo = c.k;
    project.awardAmount = amount;
    if (world.style.directAwardBidRows) addBid(world, { project: project.k, company: c.k, amount, submitted: award - rng.int(1, 10), deposit: undefined, preparer: undefined });
  }
  if (project.awardedTo === undefined) project.award = undefined;
  return project;
}

export function buildProjects(world: World): Tendering {
  const rng = world.rng.fork("projects");
  const t = tenderContext(world);
  for (const year of YEARS) {
    for (const v of villages(world)) {
      const n = rng.poisson(world.style.projectRate * (v.urban ? 0.3 : 0.5 + 0.4 * Math.min(2, v.size)));
      for (let i = 0; i < n; i++) honestProject(world, rng, t, v, year);
    }
    for (const tw of townships(world)) {
      const n = rng.poisson(world.style.projectRate * 1.8);
      for (let i = 0; i < n; i++) honestProject(world, rng, t, tw, year);
    }
  }
  return t;
}
