// Companies: the county's contractors, suppliers and other firms (officers live in the county seat),
// village cooperatives, and the helpers schemes use to register firms, officers and shareholders.
import type { Rng } from "./rng.ts";
import { W0, W1, ageOn, day, years, type Day } from "./dates.ts";
import { CONTRACTOR_TRADES, COOP_PRODUCTS, OTHER_TRADES, SUPPLIER_TRADES, BRAND_WORDS } from "./names.ts";
import { writeAccount, writeAddress, writePhone } from "./contacts.ts";
import { openCompanyAccounts } from "./accounts.ts";
import { wageTransfers } from "./money.ts";
import type { CompanyRole } from "./contract.ts";
import type { Company, Person, Ref, RoleRow } from "./model.ts";
import { refOf, type CountyState, type RunState, type TownshipState } from "./world.ts";

const STREETS = ["府前街", "滨河路", "新华街", "建设路", "文化路", "北环路", "南环路", "东大街", "西大街", "人民路", "迎宾路", "长青路", "龙泉路", "振兴路", "工业园区"];

const usedNames = new WeakMap<CountyState, Set<string>>();
const streetCounter = new WeakMap<CountyState, number>();

export function companyName(county: CountyState, rng: Rng, trades: readonly string[], suffix = "有限公司"): string {
  let names = usedNames.get(county);
  if (names === undefined) usedNames.set(county, (names = new Set()));
  for (let i = 0; ; i++) {
    const prefix = rng.weighted([county.plan.name, "山西", county.plan.city, "山西省" + county.plan.shortName], [5, 3, 2, 1]);
    const name = prefix + rng.pick(BRAND_WORDS) + (i > 20 ? rng.pick(BRAND_WORDS) : "") + rng.pick(trades) + suffix;
    if (!names.has(name)) {
      names.add(name);
      return name;
    }
  }
}

/** An office address in the county seat, unique per company. */
export function officeAddress(county: CountyState, rng: Rng): string {
  const n = (streetCounter.get(county) ?? 0) + 1;
  streetCounter.set(county, n);
  const seat = county.plan.townships[0]?.name ?? "城关镇";
  return `${county.plan.fullName}${seat}${STREETS[n % STREETS.length] as string}${10 + Math.floor(n / STREETS.length) * 3 + rng.int(0, 2)}号`;
}

export interface NewCompany {
  name: string;
  regionId: string;
  regDay: Day;
  kind: Company["kind"];
  address: string;
  pool?: boolean;
}

export function newCompany(run: RunState, rng: Rng, o: NewCompany): Company {
  const c: Company = {
    id: run.ids.next("C", 6), name: o.name, regionId: o.regionId, regDay: o.regDay, status: "active", endDay: undefined,
    address: o.address, addressText: writeAddress(o.address, rng, 0.15), phone: "", phoneText: "", bankAccountText: "",
    accounts: [], kind: o.kind, pool: o.pool ?? false, legalRep: undefined, officers: [], preparers: [], bids: 0, wins: 0,
    smallAwards: new Map(), busy: false,
  };
  openCompanyAccounts(rng, run.accounts, c);
  c.bankAccountText = writeAccount((c.accounts[0] as { id: string }).id, rng, 0.3);
  return c;
}

export function setPhone(c: Company, phone: string, rng: Rng, messy = 0.35): void {
  c.phone = phone;
  c.phoneText = writePhone(phone, rng, messy);
}

export function addRole(roles: RoleRow[], p: Ref, c: Company, role: CompanyRole, share?: number, start?: Day, end?: Day): void {
  roles.push({ personId: p.id, companyId: c.id, role, share, start: start ?? c.regDay, end });
  if (role === "legal_rep") c.legalRep = p;
  if (role === "employee" || role === "manager") c.preparers.push(p);
  if (!c.officers.some((o) => o.id === p.id)) c.officers.push(p);
}

/** Shares that sum to exactly 1, with two decimals. */
export function splitShares(rng: Rng, n: number): number[] {
  if (n <= 1) return [1];
  const first = rng.int(51, 90) / 100;
  const rest: number[] = [];
  let left = Math.round((1 - first) * 100);
  for (let i = 1; i < n; i++) {
    const s = i === n - 1 ? left : rng.int(1, Math.max(1, left - (n - 1 - i)));
    rest.push(s / 100);
    left -= s;
  }
  return [first, ...rest];
}

/** Registers the county's firms. Officers are filled in when the county seat township is generated. */
export function createCountyCompanies(county: CountyState): void {
  const rng = county.rng.fork("companies");
  const style = county.style;
  const make = (kind: Company["kind"], trades: readonly string[], pool: boolean, newShare: number): Company => {
    const fresh = rng.chance(newShare);
    const regDay = fresh ? day(2016, 1, 1) + rng.int(0, years(3.5)) : day(1998, 1, 1) + rng.int(0, years(17.9));
    const c = newCompany(county.run, rng, {
      name: companyName(county, rng, trades), regionId: county.plan.id, regDay, kind, address: officeAddress(county, rng), pool,
    });
    if (kind === "other" && rng.chance(0.12)) {
      // Small trading firms come and go.
      c.status = rng.chance(0.6) ? "deregistered" : "revoked";
      c.endDay = Math.max(regDay + years(1), W0 + rng.int(0, W1 - W0));
      if (c.endDay > W1) c.status = "active";
    }
    county.companies.push(c);
    return c;
  };
  for (let i = 0; i < style.contractors; i++) county.pool.push(make("contractor", CONTRACTOR_TRADES, true, 0.12));
  for (let i = 0; i < style.suppliers; i++) county.suppliers.push(make("supplier", SUPPLIER_TRADES, false, 0.1));
  for (let i = 0; i < style.otherCompanies; i++) make("other", OTHER_TRADES, false, 0.25);
  // Busy honest firms: established contractors that enter many tenders and often price lowest.
  const established = county.pool.filter((c) => c.regDay < day(2014, 1, 1));
  for (const c of rng.sample(established, style.busyFirms)) c.busy = true;
  agentAddresses(county, rng);
}

const CENTRES = ["商务中心", "创业大厦", "企业服务中心", "财富广场", "金融大厦", "电商产业园"];

/**
 * Business centres of the county seat where a dozen unrelated firms register at one address (an
 * agent's address): contractors among them end up bidding on the same projects without colluding.
 */
function agentAddresses(county: CountyState, rng: Rng): void {
  const style = county.style;
  const seat = county.plan.townships[0]?.name ?? "城关镇";
  const free = rng.shuffle(county.companies.slice());
  for (let i = 0; i < style.agentAddresses && free.length > 0; i++) {
    const street = STREETS[rng.int(0, STREETS.length - 1)] as string;
    const address = `${county.plan.fullName}${seat}${street}${rng.int(1, 199)}号${CENTRES[i % CENTRES.length] as string}${rng.int(2, 18)}层`;
    const n = rng.int(style.firmsPerAddress[0], style.firmsPerAddress[1]);
    // Mostly contractors (they need a county-seat address to bid), some traders.
    const firms = [...free.filter((c) => c.pool).slice(0, Math.ceil(n * 0.7))];
    for (const c of free) if (firms.length < n && !firms.includes(c)) firms.push(c);
    for (const c of firms) {
      free.splice(free.indexOf(c), 1);
      c.address = address;
      c.addressText = writeAddress(address, rng, style.noise.address);
    }
    county.agents.push({ kind: "agent_address", value: address, firms, keeper: undefined, projects: [] });
  }
}
/** Officer candidates: adults of working age outside cadre families, not poor, not civil servants. */
export function officerCandidates(people: readonly Person[]): Person[] {
  return people.filter((p) => !p.excluded && !p.officer && !p.publicEmployee && !(p.hh?.poor ?? false)
    && p.account !== undefined && p.death > W1 && ageOn(p.birth, W0) >= 24 && ageOn(p.birth, W0) <= 58);
}

function takeOfficer(rng: Rng, cands: Person[]): Person | undefined {
  while (cands.length > 0) {
    const i = rng.int(0, cands.length - 1);
    const p = cands[i] as Person;
    cands[i] = cands[cands.length - 1] as Person;
    cands.pop();
    if (!p.officer) return p;
  }
  return undefined;
}

/** Fills the county firms' officers from the county seat's people (township 0). */
export function fillCountyOfficers(tw: TownshipState): void {
  const rng = tw.rng.fork("officers");
  const county = tw.county;
  const cands = officerCandidates(tw.emitted);
  for (const c of county.companies) {
    const legal = takeOfficer(rng, cands);
    if (legal === undefined) break;
    const officers: Person[] = [legal];
    const holders = rng.weighted([1, 2, 3], [5, 4, 1]);
    for (let i = 1; i < holders; i++) {
      const s = takeOfficer(rng, cands);
      if (s !== undefined) officers.push(s);
    }
    markOfficer(legal, c);
    addRole(county.roles, refOf(legal), c, "legal_rep");
    const shares = splitShares(rng, officers.length);
    officers.forEach((o, i) => {
      markOfficer(o, c);
      addRole(county.roles, refOf(o), c, "shareholder", shares[i]);
    });
    // Family firms: the wife is often the supervisor (监事).
    const sp = legal.spouse;
    const sup = sp !== undefined && sp.emitted && !sp.excluded && !sp.officer && sp.account !== undefined && sp.death > W1 && rng.chance(0.45)
      ? sp : takeOfficer(rng, cands);
    if (sup !== undefined) {
      markOfficer(sup, c);
      addRole(county.roles, refOf(sup), c, "supervisor");
    }
    const staff = c.kind === "contractor" ? rng.int(1, 3) : rng.int(0, 1);
    for (let i = 0; i < staff; i++) {
      const e = takeOfficer(rng, cands);
      if (e === undefined) break;
      markOfficer(e, c);
      addRole(county.roles, refOf(e), c, i === 0 && c.kind === "contractor" ? "manager" : "employee", undefined, c.regDay + rng.int(30, 900));
    }
    setPhone(c, rng.chance(0.55) && legal.phone !== "" ? legal.phone : tw.run.phones.landline(), rng);
    if (c.kind === "contractor" && c.preparers.length === 0) c.preparers.push(refOf(legal));
    wageTransfers(rng, tw, c);
  }
  bookkeepers(tw, rng, cands);
}

/**
 * Bookkeepers (代理记账) of the county seat: many small firms give the bookkeeper's phone as their own,
 * and in some counties the bookkeeper is registered as the firms' agent.
 */
function bookkeepers(tw: TownshipState, rng: Rng, cands: Person[]): void {
  const county = tw.county;
  const style = county.style;
  const taken = new Set<Company>();
  for (let i = 0; i < style.accountants; i++) {
    const keeper = takeOfficer(rng, cands);
    if (keeper === undefined) break;
    if (keeper.phone === "") {
      keeper.phone = tw.run.phones.mobile(rng);
      keeper.phoneText = writePhone(keeper.phone, rng, style.noise.phone);
    }
    keeper.officer = true;
    keeper.employer = `${county.plan.name}${rng.pick(["诚信", "信达", "中正", "恒信", "立信"])}财务咨询服务部`;
    const n = rng.int(style.firmsPerAccountant[0], style.firmsPerAccountant[1]);
    const pool = rng.shuffle(county.companies.filter((c) => !taken.has(c) && c.legalRep !== undefined));
    const firms = [...pool.filter((c) => c.pool).slice(0, Math.ceil(n * 0.6))];
    for (const c of pool) if (firms.length < n && !firms.includes(c)) firms.push(c);
    const ref = refOf(keeper);
    for (const c of firms) {
      taken.add(c);
      setPhone(c, keeper.phone, rng);
      if (style.accountantListed) addRole(county.roles, ref, c, "agent", undefined, Math.max(c.regDay, day(2012, 1, 1)) + rng.int(0, 900));
    }
    county.agents.push({ kind: "accountant_phone", value: keeper.phone, firms, keeper: style.accountantListed ? keeper : undefined, projects: [] });
  }
}

function markOfficer(p: Person, c: Company): void {
  p.officer = true;
  if (p.employer === "") p.employer = c.name;
}

/** Village cooperatives (农民专业合作社) led by ordinary villagers, registered at the leader's home. */
export function createCooperatives(tw: TownshipState): void {
  const rng = tw.rng.fork("coops");
  for (const v of tw.villages) {
    if (v.community || !rng.chance(0.4)) continue;
    const cands = officerCandidates(tw.residentsOf(v));
    const lead = takeOfficer(rng, cands);
    if (lead === undefined || lead.hh === undefined) continue;
    const c = newCompany(tw.run, rng, {
      name: v.name + rng.pick(COOP_PRODUCTS) + "专业合作社", regionId: v.id, regDay: day(2009, 1, 1) + rng.int(0, years(11)),
      kind: "coop", address: lead.hh.address,
    });
    if (lead.phone !== "") setPhone(c, lead.phone, rng);
    markOfficer(lead, c);
    addRole(tw.roles, refOf(lead), c, "legal_rep");
    const members = [lead];
    for (let i = rng.int(1, 4); i > 0; i--) {
      const m = takeOfficer(rng, cands);
      if (m !== undefined) members.push(m);
    }
    const shares = splitShares(rng, members.length);
    members.forEach((m, i) => {
      markOfficer(m, c);
      addRole(tw.roles, refOf(m), c, "shareholder", shares[i]);
    });
    tw.companies.push(c);
  }
}

