// Village and township projects awarded by this county's own rules: direct awards below its
// limit, negotiations and invited tenders in between, open tenders above; honest bids spread
// around their costs, the big firms usually cheapest.
import { cents, type County } from "./county.ts";
import { EXPORT_DAY, FIRST_YEAR, LAST_YEAR, day, type Day } from "./dates.ts";
import type { FirmBuilder } from "./firms.ts";
import type { Bid, Company, Field, Method, Person, Project, Region } from "./model.ts";

const WORKS: readonly (readonly [Field, string])[] = [
  ["infrastructure", "通组公路硬化工程"],
  ["infrastructure", "村道拓宽改造工程"],
  ["infrastructure", "便民桥维修加固工程"],
  ["infrastructure", "村部综合楼维修工程"],
  ["water", "农村安全饮水巩固提升工程"],
  ["water", "灌溉水渠修复工程"],
  ["water", "山塘清淤整治工程"],
  ["agriculture", "高标准农田建设项目"],
  ["agriculture", "产业路建设项目"],
  ["housing", "人居环境整治项目"],
  ["education", "村小学校舍维修工程"],
  ["medical", "村卫生室标准化建设"],
  ["poverty_alleviation", "扶贫车间建设项目"],
  ["poverty_alleviation", "光伏扶贫电站建设"],
  ["other", "村级文化广场建设"],
  ["other", "太阳能路灯安装工程"],
];

const FUNDS = ["财政衔接推进乡村振兴补助资金", "一事一议财政奖补资金", "县级财政专项资金", "中央财政扶贫资金", "省级农田水利专项"];

export class ProjectBuilder {
  constructor(
    private readonly c: County,
    private readonly firms: FirmBuilder,
  ) {}

  /** The method this county's rules give a budget. */
  honestMethod(budget: number): Method {
    const { rng, profile } = this.c;
    if (budget < profile.directLimit) return rng.chance(0.85) ? "direct_award" : "competitive_negotiation";
    if (budget < profile.tenderLimit) return rng.weighted<Method>([["competitive_negotiation", 0.45], ["invited_tender", 0.4], ["open_tender", 0.15]]);
    return "open_tender";
  }

  /** Builders active on a day. */
  builders(on: Day): Company[] {
    return this.c.companies.filter((x) => x.builds && x.registered < on - 30 && (x.closed === undefined || x.closed > on + 60));
  }

  /** Who signs a project of a region on a day: the village secretary or director, or a township head. */
  approverOf(region: Region, on: Day): Person | undefined {
    const c = this.c;
    if (region.level === "village") return c.holder(region, on, c.rng.chance(0.7) ? ["party_secretary", "committee_director"] : ["committee_director", "party_secretary"]);
    const officials = c.postsOn(region, on, ["township_official"]).filter((p) => p.title === "镇长" || p.title.startsWith("副镇长") || p.title === "党委书记");
    return officials.length > 0 ? c.rng.pick(officials).person : undefined;
  }

  /** A new project with its dates laid out from the announcement. */
  project(region: Region, year: number, budget: number, method: Method, work?: readonly [Field, string], announce?: Day): Project {
    const { c } = this;
    const rng = c.rng;
    const [field, what] = work ?? rng.pick(WORKS);
    const town = region.level === "village" ? region.parent : region;
    const at = announce ?? day(year, rng.int(2, 11), rng.int(1, 28));
    const competitive = method !== "direct_award" && method !== "single_source";
    const deadline = competitive ? at + rng.int(15, 28) : undefined;
    const award = (deadline ?? at) + rng.int(2, 14);
    const p: Project = {
      id: c.ids.project(year),
      name: `${town && region.level === "village" ? town.name : ""}${region.name}${rng.chance(0.4) ? `${rng.int(1, region.groups ?? 6)}组` : ""}${what}`,
      region,
      field,
      budget: Math.round(budget / 100) * 100,
      method,
      announce: competitive || rng.chance(0.5) ? at : undefined,
      deadline,
      award,
      fundingSource: rng.pick(FUNDS),
      contractNo: rng.chance(0.6) ? `HT-${year}-${rng.digits(4)}` : undefined,
    };
    c.projects.push(p);
    return p;
  }

  /** An honest bid: the firm's cost level plus noise, never above the budget. */
  honestBid(p: Project, co: Company, level?: number): Bid {
    const { c } = this;
    const rng = c.rng;
    const base = level ?? (co.size === "big" ? 0.88 : co.size === "medium" ? 0.92 : 0.95);
    const amount = cents(Math.min(p.budget * 0.995, p.budget * rng.normal(base, c.profile.bidSpread)));
    return this.bid(p, co, amount);
  }

  bid(p: Project, co: Company, amount: number): Bid {
    const { c } = this;
    const rng = c.rng;
    const site = this.firms.agentSites.find((s) => c.roles.some((r) => r.company === co && r.person === s.bookkeeper && r.role === "agent"));
    let preparer: string | undefined;
    if (rng.chance(c.profile.preparerFilled)) {
      if (site && rng.chance(0.5)) preparer = site.bookkeeper.name;
      else {
        const staff = c.roles.filter((r) => r.company === co && (r.role === "legal_rep" || r.role === "manager"));
        preparer = staff.length > 0 && rng.chance(0.6) ? rng.pick(staff).person.name : `${rng.pick(["王", "李", "张", "刘", "陈"])}${rng.pick(["敏", "静", "磊", "芳", "勇", "娟"])}`;
      }
    }
    const b: Bid = {
      project: p,
      company: co,
      amount: cents(amount),
      submitted: p.deadline !== undefined ? p.deadline - rng.int(0, 4) : p.announce,
      depositAccount: co.account && rng.chance(c.profile.depositFilled) ? co.account : undefined,
      preparer,
    };
    c.bids.push(b);
    return b;
  }

  /** Bidders for a competitive project: big firms everywhere, builders of the same township more often. */
  honestBidders(p: Project, n: number, exclude: readonly Company[] = []): Company[] {
    const { c } = this;
    const rng = c.rng;
    const town = p.region.level === "village" ? p.region.parent : p.region;
    const pool = this.builders(p.announce ?? (p.award as Day)).filter((x) => !exclude.includes(x));
    const weighted = pool.map((x) => [x, x.size === "big" ? 4 : x.region === town || x.region?.parent === town ? 2 : 0.35] as const);
    const out: Company[] = [];
    for (let i = 0; i < n && weighted.length > 0; i++) {
      const pick = rng.weighted(weighted);
      out.push(pick);
      weighted.splice(weighted.findIndex(([x]) => x === pick), 1);
    }
    return out;
  }

  /** Awards a project honestly: the lowest valid bid, or a local firm for a direct award. */
  awardHonestly(p: Project): void {
    const { c } = this;
    const rng = c.rng;
    const on = p.award as Day;
    p.approver = this.approverOf(p.region, on);
    if (p.method === "direct_award" || p.method === "single_source") {
      const town = p.region.level === "village" ? p.region.parent : p.region;
      const local = this.builders(on).filter((x) => x.size !== "big" && (x.region === town || x.region?.parent === town));
      const pool = local.length > 0 && rng.chance(0.8) ? local : this.builders(on);
      if (pool.length === 0) return;
      p.winner = rng.pick(pool);
      p.awardAmount = cents(p.budget * rng.float(0.93, 1));
      return;
    }
    const bidders = this.honestBidders(p, rng.int(3, 6));
    const bids = bidders.map((co) => this.honestBid(p, co));
    for (const b of bids) if (bids.length > 2 && rng.chance(0.03)) b.disqualified = true;
    const valid = bids.filter((b) => !b.disqualified).sort((a, b) => a.amount - b.amount);
    const win = valid.length > 1 && rng.chance(0.06) ? valid[1] : valid[0];
    if (!win) return;
    p.winner = win.company;
    p.awardAmount = win.amount;
  }

  build(): void {
    const { c } = this;
    const rng = c.rng;
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      for (const v of c.villages) {
        const n = rng.weighted([[0, 0.3], [1, 0.45], [2, 0.2], [3, 0.05]] as const);
        for (let i = 0; i < n; i++) {
          const budget = Math.min(1_500_000, Math.exp(rng.normal(Math.log(90_000), 0.8)));
          const p = this.project(v, year, budget, this.honestMethod(budget));
          this.awardHonestly(p);
        }
      }
      for (const t of c.townships) {
        const n = rng.int(1, 4);
        for (let i = 0; i < n; i++) {
          const budget = Math.min(6_000_000, Math.exp(rng.normal(Math.log(450_000), 0.9)));
          const p = this.project(t, year, budget, this.honestMethod(budget));
          this.awardHonestly(p);
        }
      }
    }
    // Nothing is awarded after the export.
    for (const p of c.projects) if (p.award !== undefined && p.award > EXPORT_DAY) p.award = EXPORT_DAY - 1;
  }
}
