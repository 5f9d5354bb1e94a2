// Firms and their people: family construction firms, water and road contractors, traders,
// cooperatives (often led by the village secretary), a business centre in the county seat where a
// dozen unrelated firms are registered through one agent, bookkeepers who give their own phone for
// every firm they keep books for, and a few busy, efficient firms that win often on price.
import { newAccount, newLandline, newMobile } from "./accounts.ts";
import { cadreSet, postsAt } from "./cadres.ts";
import { age, day, END, START, yearsToDays, type Day } from "./dates.ts";
import { villages } from "./geography.ts";
import { livingRelatives } from "./kin.ts";
import type { Company, CompanyRole, Field, Person, Region, World } from "./model.ts";
import { companyName, cooperativeName, STREETS, type Trade } from "./names.ts";
import { alive, residence } from "./population.ts";
import type { Rng } from "./rng.ts";

export const TRADE_FIELDS: Record<string, Field[]> = {
  construction: ["infrastructure", "housing", "poverty_alleviation", "water", "education", "other"],
  water: ["water", "infrastructure", "agriculture"],
  agriculture: ["agriculture", "poverty_alleviation", "other"],
  trade: ["other", "education", "medical", "agriculture"],
  services: ["infrastructure", "other", "education"],
  coop: ["agriculture", "poverty_alleviation"],
};

export interface FirmPeople {
  /** Persons who run at most one firm already. */
  busy: Set<number>;
}

export function addRole(world: World, person: number, company: number, role: CompanyRole, opts: { share?: number; start?: Day; end?: Day } = {}): void {
  world.roles.push({ person, company, role, share: opts.share, start: opts.start, end: opts.end });
}

export function firmAddress(world: World, rng: Rng, region: Region): string {
  const town = (world.regions[region.township] as Region).name;
  if (region.urban) return `${world.style.county}${town}${rng.pick(STREETS)}${rng.int(1, 399)}号`;
  return `${world.style.county}${town}${region.name}${rng.int(1, 12)}组${rng.int(1, 120)}号`;
}

/** A new firm record (no people yet). */
export function newCompany(world: World, rng: Rng, init: { trade: Trade | "coop"; region: Region; registered: Day; name?: string; scheme?: boolean; used: Set<string> }): Company {
  const { trade, region } = init;
  const c: Company = {
    k: world.companies.length,
    id: world.ids.next("c"),
    name: init.name ?? (trade === "coop" ? cooperativeName(rng, region.name, init.used) : companyName(rng, world.style.county, trade, init.used)),
    region: region.k,
    registered: init.registered,
    status: "active",
    address: firmAddress(world, rng, region),
    trade,
    fields: TRADE_FIELDS[trade] ?? ["other"],
    efficiency: rng.float(0.01, 0.09),
    activity: rng.logNormal(1, 0.6),
    coop: trade === "coop",
    scheme: init.scheme ?? false,
  };
  world.companies.push(c);
  const acc = newAccount(world, rng, { type: "company", k: c.k }, { urban: region.urban, opened: init.registered + rng.int(5, 60), company: true });
  c.account = acc.k;
  return c;
}

const usedNames = new WeakMap<World, Set<string>>();
export function companyNames(world: World): Set<string> {
  let s = usedNames.get(world);
  if (!s) {
    s = new Set();
    usedNames.set(world, s);
  }
  return s;
}

/** Family around a legal representative: spouse as shareholder or supervisor, a sibling or son as manager. */
function staffFirm(world: World, rng: Rng, c: Company, rep: Person, busy: Set<number>): void {
  const start = c.registered ?? START;
  const recordShares = rng.chance(0.65);
  const partners: Person[] = [];
  const spouse = rep.spouse !== undefined ? (world.persons[rep.spouse] as Person) : undefined;
  if (spouse && spouse.inData && !spouse.publicEmployee && rng.chance(0.4)) partners.push(spouse);
  if (rng.chance(0.25)) {
    const sib = livingRelatives(world, rep.k, start, (r) => r === "sibling" || r === "child" || r === "in_law").filter(([q]) => !q.publicEmployee && age(q.birth, start) >= 20);
    if (sib.length > 0) partners.push(rng.pick(sib)[0]);
  }
  let repShare = partners.length === 0 ? 1 : rng.float(0.5, 0.9);
  repShare = Math.round(repShare * 100) / 100;
  addRole(world, rep.k, c.k, "legal_rep", { share: recordShares ? repShare : undefined, start });
  busy.add(rep.k);
  let left = Math.round((1 - repShare) * 100) / 100;
  partners.forEach((q, i) => {
    const share = i === partners.length - 1 ? left : Math.round(left * rng.float(0.3, 0.7) * 100) / 100;
    left = Math.round((left - share) * 100) / 100;
    addRole(world, q.k, c.k, rng.chance(0.3) ? "supervisor" : "shareholder", { share: recordShares ? share : undefined, start });
  });
  if (partners.length === 0 && spouse && spouse.inData && rng.chance(0.35)) addRole(world, spouse.k, c.k, "supervisor", { start });
}

function pickRep(world: World, rng: Rng, pool: Person[], busy: Set<number>, at: Day, near?: Region): Person | undefined {
  const home = residence(world);
  const cands = pool.filter((p) => !busy.has(p.k) && alive(p, at) && (p.death === undefined || p.death > at + yearsToDays(3)) && age(p.birth, at) >= 25 && age(p.birth, at) <= 60);
  if (cands.length === 0) return undefined;
  return rng.weighted(cands, (p) => {
    const r = world.regions[home[p.k] as number] as Region;
    let w = p.gender === "M" ? 3 : 1;
    if (r.urban) w *= 3;
    if (near && r.township === near.township) w *= 4;
    return w;
  });
}

export function buildFirms(world: World): void {
  const { style } = world;
  const rng = world.rng.fork("firms");
  const used = companyNames(world);
  const cadres = cadreSet(world);
  const busy = new Set<number>();
  const people = world.persons.filter((p) => p.inData && !p.publicEmployee && !p.migrant && !cadres.has(p.k));
  const vs = villages(world);
  const urban = vs.filter((v) => v.urban);
  const seats = vs.filter((v) => !v.urban && vs.find((w) => w.township === v.township) === v);
  const rural = vs.filter((v) => !v.urban);
  const n = Math.max(12, Math.round((style.firmsPer1000 * style.persons) / 1000));
  const trades: (Trade | "coop")[] = ["construction", "water", "agriculture", "trade", "services", "coop"];
  const weights = [35, 12, 13, 18, 10, 12];
  for (let i = 0; i < n; i++) {
    const trade = rng.weighted(trades, (_, j) => weights[j] ?? 0);
    const region = trade === "coop" ? rng.pick(rural) : rng.weighted([urban, seats, rural], (_, j) => [50, 35, 15][j] ?? 0);
    const where = Array.isArray(region) ? rng.pick(region) : region;
    const registered = trade === "coop" ? day(rng.int(2008, 2019), rng.int(1, 12), rng.int(1, 28)) : day(Math.round(rng.weighted([1998, 2004, 2008, 2012, 2015, 2018, 2020], (_, j) => [1, 2, 4, 5, 4, 2, 1][j] ?? 0) + rng.int(0, 3)), rng.int(1, 12), rng.int(1, 28));
    const c = newCompany(world, rng, { trade, region: where, registered: Math.min(registered, END - 30), used });
    // Cooperatives are often led by the village secretary or director (村社合一).
    let rep: Person | undefined;
    if (trade === "coop" && rng.chance(0.4)) {
      const post = postsAt(world, where.k, Math.max(c.registered ?? START, START), ["party_secretary", "committee_director"])[0];
      if (post) rep = world.persons[post.person];
    }
    rep ??= pickRep(world, rng, people, busy, c.registered ?? START, where);
    if (!rep) continue;
    staffFirm(world, rng, c, rep, busy);
    if (rng.chance(0.2)) {
      const mgr = pickRep(world, rng, people, busy, c.registered ?? START, where);
      if (mgr) addRole(world, mgr.k, c.k, "manager", { start: (c.registered ?? START) + rng.int(0, 700) });
    }
    const employees = trade === "coop" ? rng.int(0, 3) : rng.int(0, 5);
    const home = residence(world);
    const local = people.filter((p) => (world.regions[home[p.k] as number] as Region).township === where.township);
    for (let e = 0; e < employees && local.length > 0; e++) {
      const p = rng.pick(local);
      if (age(p.birth, START) < 18 || age(p.birth, START) > 60) continue;
      addRole(world, p.k, c.k, "employee", { start: Math.max(c.registered ?? START, START - rng.int(0, 1500)) });
      p.employer ??= c.name;
    }
    c.phone = rng.weighted([() => rep?.phone, () => newMobile(world, rng), () => newLandline(world, rng), () => undefined], (_, j) => [4, 3, 2, 1][j] ?? 0)();
    // Some firms closed before the end of the window.
    const roll = rng.next();
    if (roll < 0.05) c.status = "revoked";
    else if (roll < 0.12) c.status = "deregistered";
    if (c.status !== "active") c.closed = Math.max((c.registered ?? START) + yearsToDays(2), START + rng.int(0, 2000));
    if (c.closed !== undefined && c.closed > END) c.closed = END;
  }
  // Business centres in the county seat: one agent, one address, unrelated firms.
  const firms = world.companies.filter((c) => !c.coop);
  for (let a = 0; a < style.agentCentres; a++) {
    const home = residence(world);
    const agent = pickRep(world, rng, people.filter((p) => (world.regions[home[p.k] as number] as Region).urban), busy, START);
    if (!agent) break;
    busy.add(agent.k);
    agent.phone ??= newMobile(world, rng);
    const address = `${style.county}城关镇${rng.pick(STREETS)}${rng.int(1, 199)}号${rng.pick(["商务中心", "创业大厦", "电商产业园", "综合服务楼"])}${rng.int(2, 9)}楼${rng.int(201, 220)}室`;
    const count = rng.int(style.agentFirms[0], style.agentFirms[1]);
    for (const c of rng.sample(firms, count)) {
      c.address = address;
      addRole(world, agent.k, c.k, "agent", { start: c.registered });
      if (rng.chance(0.5)) c.phone = agent.phone;
    }
  }
  // Bookkeepers: the same phone on every firm whose books they keep.
  for (let b = 0; b < style.bookkeepers; b++) {
    const keeper = pickRep(world, rng, people.filter((p) => p.gender === "F"), busy, START);
    if (!keeper) break;
    busy.add(keeper.k);
    keeper.phone = newMobile(world, rng);
    keeper.employer = `${style.county}${rng.pick(["诚信", "正信", "恒信", "明达"])}财务咨询服务部`;
    for (const c of rng.sample(firms, rng.int(8, 20))) c.phone = keeper.phone;
  }
  // A few busy, efficient firms that bid everywhere and win on price.
  const established = world.companies.filter((c) => (c.trade === "construction" || c.trade === "water") && (c.registered ?? END) < day(2013) && c.status === "active");
  for (const c of rng.sample(established, rng.int(3, 5))) {
    c.activity = rng.float(6, 10);
    c.efficiency = rng.float(0.1, 0.14);
    (c as Company & { busy?: boolean }).busy = true;
  }
}

export function isBusyFirm(c: Company): boolean {
  return (c as Company & { busy?: boolean }).busy === true;
}

/** People holding a role in a firm (optionally only controlling roles). */
export function officersOf(world: World, company: number, controlling = false): number[] {
  const roles = controlling ? ["legal_rep", "shareholder", "director", "supervisor", "manager"] : ["legal_rep", "shareholder", "director", "supervisor", "manager", "employee", "agent"];
  return [...new Set(world.roles.filter((r) => r.company === company && roles.includes(r.role)).map((r) => r.person))];
}

export function legalRep(world: World, company: number): Person | undefined {
  const r = world.roles.find((x) => x.company === company && x.role === "legal_rep");
  return r ? world.persons[r.person] : undefined;
}
