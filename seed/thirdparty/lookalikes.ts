// Innocent cases that look like schemes: a cadre's genuinely poor aunt on dibao, firms at one
// agent's address tendering for the same works, a big firm winning a township's year at the lowest
// price, a migrant's subsidy paid into a cadre father's card, a contractor's loan to a cadre repaid
// on time, an old man's last payment days after his death, flood repairs by single source, a firm
// new in town that wins on price, a teacher with shares whose mother is on dibao, and so on.
import { cents } from "./county.ts";
import { EXPORT_DAY, ageOn, day, yearOf, type Day } from "./dates.ts";
import type { Company, Grant, Person, Project, Region } from "./model.ts";
import { DATA_END, DATA_START, Kit, VILLAGE_HEADS, type Planter } from "./schemes/kit.ts";
import { alive } from "./welfare.ts";

const Y = yearOf;

function fresh(k: Kit, ...xs: (Person | Company | undefined)[]): boolean {
  return xs.every((x) => x !== undefined && k.free(x));
}

const kinAidQualified: Planter = (k) => {
  const { c, rng, welfare } = k;
  const t = k.tenure(VILLAGE_HEADS, 700);
  if (!t) return false;
  const on = k.dayIn(t, 500);
  const kin = k.kinOf(t.person, on, ["sibling", "cousin", "in_law", "nephew_niece"]).filter((x) => x.person.village === t.region && (x.person.needy || ageOn(x.person.born, on) >= 62));
  if (kin.length === 0) return false;
  const rel = rng.pick(kin);
  rel.person.needy = true;
  const declared = rng.chance(0.5);
  if (declared || rng.chance(0.4)) k.writeKin(t.person, rel, declared ? true : undefined);
  const periods = c.profile.dibaoPeriods;
  const y0 = Y(on);
  for (let y = y0; y <= Math.min(2023, y0 + rng.int(1, 4)); y++) {
    for (let i = 0; i < periods; i++) {
      const d = welfare.batchDay(t.region.parent as Region, "dibao", y, i, periods);
      if (d > EXPORT_DAY || !alive(rel.person, d)) continue;
      welfare.pay({ key: "dibao", beneficiary: rel.person, year: y, paid: (Math.round((c.profile.dibaoMonthly * rng.float(0.5, 0.9)) / 10) * 10 * 12) / periods, paidOn: d, approver: rng.chance(0.5) ? t.person : undefined });
    }
  }
  const id = c.newLookalike();
  c.lookalike(id, declared ? "kin_aid_qualified_declared" : "kin_aid_qualified", rel.person);
  c.lookalike(id, declared ? "kin_aid_qualified_declared" : "kin_aid_qualified", t.person);
  return true;
};

const universalToCadreKin: Planter = (k) => {
  const { c, rng } = k;
  const t = k.tenure(VILLAGE_HEADS, 1000);
  if (!t) return false;
  const kin = c.relatives(t.person, 3);
  const paid = c.grants.filter((g) => (g.program.key === "farmland" || g.program.key === "forest") && kin.has(g.beneficiary) && g.region === t.region);
  if (paid.length < 6) return false;
  const id = c.newLookalike();
  c.lookalike(id, "universal_to_cadre_kin", t.person);
  const rel = rng.pick(paid).beneficiary;
  if (k.free(rel)) c.lookalike(id, "universal_to_cadre_kin", rel);
  return true;
};

const agentCluster: Planter = (k) => {
  const { c, rng, firms, projects } = k;
  const site = rng.pick(firms.agentSites);
  if (!fresh(k, site.bookkeeper)) return false;
  let clients = c.companies.filter((x) => x.builds && x.address?.replace(/\s/g, "") === site.address.replace(/\s/g, "") && k.free(x) && x.status === "active");
  while (clients.length < 3) {
    const reg = day(rng.int(2011, 2017), rng.int(1, 12), rng.int(1, 28));
    const owner = rng.pick(firms.entrepreneurs(reg).filter((p) => k.free(p)));
    const co = firms.firm({ trade: rng.pick(["construction", "water", "labour"]), size: "small", owner, registered: reg, region: rng.pick(c.townships), address: site.address, phone: rng.chance(0.7) ? site.phone : owner.phone });
    c.roles.push({ person: site.bookkeeper, company: co, role: "agent", start: reg });
    clients.push(co);
  }
  clients = rng.sample(clients, rng.int(3, Math.min(5, clients.length)));
  const town = rng.pick(c.townships);
  const n = rng.int(2, 4);
  for (let i = 0; i < n; i++) {
    const d = day(rng.int(2018, 2023), rng.int(2, 10), rng.int(1, 28));
    const region = rng.chance(0.5) ? town : rng.pick(c.villages.filter((v) => v.parent === town));
    const budget = rng.float(c.profile.directLimit * 1.2, c.profile.tenderLimit * 0.9);
    const p: Project = projects.project(region, Y(d), budget, rng.chance(0.5) ? "invited_tender" : "competitive_negotiation", undefined, d);
    const bidders = [...clients.filter((x) => x.registered < d - 30), ...projects.honestBidders(p, rng.int(1, 2), clients)];
    const bids = bidders.map((co) => projects.honestBid(p, co, rng.float(0.86, 0.97)));
    const win = bids.sort((a, b) => a.amount - b.amount)[0];
    p.approver = projects.approverOf(region, p.award as Day);
    if (win) {
      p.winner = win.company;
      p.awardAmount = win.amount;
    }
  }
  const id = c.newLookalike();
  for (const co of clients.slice(0, 3)) c.lookalike(id, "agent_address_cluster", co);
  c.lookalike(id, "agent_address_cluster", site.bookkeeper);
  return true;
};

const honestDominant: Planter = (k) => {
  const { c, rng, projects } = k;
  const big = c.companies.filter((x) => x.size === "big" && k.free(x));
  if (big.length === 0) return false;
  const firm = rng.pick(big);
  const owner = c.roles.find((r) => r.company === firm && r.role === "legal_rep")?.person;
  const town = rng.pick(c.townships);
  const year = rng.int(2017, 2023);
  for (let i = 0; i < rng.int(3, 5); i++) {
    const d = day(year, rng.int(2, 10), rng.int(1, 28));
    const p = projects.project(rng.chance(0.5) ? town : rng.pick(c.villages.filter((v) => v.parent === town)), year, rng.float(c.profile.directLimit * 2, c.profile.tenderLimit * 1.6), "open_tender", undefined, d);
    p.method = p.budget < c.profile.tenderLimit ? "invited_tender" : "open_tender";
    const others = projects.honestBidders(p, rng.int(3, 5), [firm]);
    const bids = [projects.honestBid(p, firm, 0.86), ...others.map((o) => projects.honestBid(p, o, rng.float(0.92, 0.98)))];
    const win = bids.sort((a, b) => a.amount - b.amount)[0];
    p.approver = projects.approverOf(p.region, p.award as Day);
    if (win) {
      p.winner = win.company;
      p.awardAmount = win.amount;
    }
  }
  const id = c.newLookalike();
  c.lookalike(id, "honest_dominant_firm", firm);
  if (owner && k.free(owner)) c.lookalike(id, "honest_dominant_firm", owner);
  return true;
};

const migrantPaidToRelative: Planter = (k) => {
  const { c, rng } = k;
  const owner = (acct: string | undefined) => (acct ? c.accounts.get(acct)?.owner : undefined);
  const cases = c.grants.filter((g) => g.beneficiary.migrant && g.account && owner(g.account) !== g.beneficiary && k.free(g.beneficiary));
  if (cases.length === 0) return false;
  // A cadre or a cadre's relative holding the card makes the better look-alike.
  const cadreHeld = cases.filter((g) => {
    const o = owner(g.account);
    return o !== undefined && "born" in o && c.isCadre(o as Person);
  });
  const g: Grant = cadreHeld.length > 0 && rng.chance(0.8) ? rng.pick(cadreHeld) : rng.pick(cases);
  const holder = owner(g.account);
  if (!holder || !k.free(holder)) return false;
  const id = c.newLookalike();
  c.lookalike(id, "migrant_grant_to_relative", holder);
  c.lookalike(id, "migrant_grant_to_relative", g.beneficiary);
  return true;
};

const contractorLoan: Planter = (k) => {
  const { c, rng } = k;
  const t = k.tenure(VILLAGE_HEADS, 700);
  if (!t) return false;
  const won = c.projects.filter((p) => p.region === t.region && p.winner && p.award !== undefined && p.award >= t.from && p.award <= t.to && k.free(p.winner));
  if (won.length === 0) return false;
  const p = rng.pick(won);
  const firm = p.winner as Company;
  const boss = c.roles.find((r) => r.company === firm && r.role === "legal_rep")?.person;
  if (!boss || !k.free(boss) || boss === t.person) return false;
  const on = Math.min((p.award as Day) + rng.int(60, 300), DATA_END);
  const amount = rng.int(2, 6) * 10_000;
  const a = c.ensureAccount(boss, on);
  const b = c.ensureAccount(t.person, on);
  if (rng.chance(0.5)) {
    // The cadre borrows for a house and pays it back with interest.
    c.transfer(a, b, amount, on, "借款");
    c.transfer(b, a, amount / 2, on + rng.int(120, 300), "还款");
    c.transfer(b, a, amount / 2 + amount * 0.04, on + rng.int(320, 600), "还款");
  } else {
    // Gifts both ways: the contractor's son's wedding, the cadre's daughter's.
    c.transfer(b, a, rng.pick([1_000, 2_000]), on, "贺礼");
    c.transfer(a, b, rng.pick([1_000, 2_000, 2_600]), on + rng.int(100, 400), "贺礼");
  }
  const id = c.newLookalike();
  c.lookalike(id, "contractor_cadre_loan_or_gift", boss);
  c.lookalike(id, "contractor_cadre_loan_or_gift", t.person);
  return true;
};

const wagesToCadreKin: Planter = (k) => {
  const { c, rng } = k;
  const t = k.tenure(VILLAGE_HEADS, 500);
  if (!t) return false;
  const won = c.projects.filter((p) => p.region === t.region && p.winner && p.approver === t.person && k.free(p.winner));
  const kin = k.kinOf(t.person, t.from, ["child", "nephew_niece", "sibling"]).filter((x) => x.person.male && !x.person.migrant);
  if (won.length === 0 || kin.length === 0) return false;
  const p = rng.pick(won);
  const worker = rng.pick(kin).person;
  const firm = p.winner as Company;
  for (let m = 0; m < rng.int(3, 6); m++) {
    const on = (p.award as Day) + 30 + m * 30;
    if (on > EXPORT_DAY) break;
    c.transfer(c.companyAccount(firm), c.ensureAccount(worker, on), cents(rng.float(3_000, 6_500)), on, "工资");
  }
  const id = c.newLookalike();
  c.lookalike(id, "contractor_wages_to_cadre_kin", firm);
  c.lookalike(id, "contractor_wages_to_cadre_kin", worker);
  return true;
};

const paidAfterDeathLegit: Planter = (k) => {
  const { c, rng, welfare } = k;
  const dead = c.living.filter((p) => p.died !== undefined && p.died > DATA_START + 100 && p.died < DATA_END - 100 && ageOn(p.born, p.died) >= 80 && k.free(p));
  if (dead.length === 0) return false;
  const p = rng.pick(dead);
  const heir = p.children.find((x) => !x.gone && alive(x, EXPORT_DAY) && k.free(x));
  if (!heir) return false;
  const died = p.died as Day;
  welfare.pay({ key: "elderly", beneficiary: p, year: Y(died), paid: 600, approved: 600, paidOn: died + rng.int(8, 40), account: c.ensureAccount(heir, died), approver: null, remark: "死亡前已审批" });
  const id = c.newLookalike();
  c.lookalike(id, "paid_shortly_after_death", heir);
  return true;
};

const premiumDeduction: Planter = (k) => {
  const { c, rng } = k;
  const v = rng.pick(c.villages);
  const year = rng.int(2017, 2023);
  const grants = c.grants.filter((g) => g.region === v && g.year === year && (g.program.key === "dibao" || g.program.key === "tekun"));
  const approvers = grants.map((g) => g.approver).filter((a): a is Person => a !== undefined && k.free(a));
  if (grants.length < 3 || approvers.length === 0) return false;
  const premium = rng.pick([250, 280, 320, 350, 380]);
  for (const g of grants) g.approved = cents(g.paid + premium);
  for (const g of grants) g.remark = "代扣城乡居民医保个人缴费";
  const id = c.newLookalike();
  c.lookalike(id, "premium_deducted", rng.pick(approvers));
  return true;
};

const landInTwoVillages: Planter = (k) => {
  const { c, rng, welfare } = k;
  const farmers = c.grants.filter((g) => g.program.key === "farmland" && k.free(g.beneficiary) && !c.isCadre(g.beneficiary));
  if (farmers.length === 0) return false;
  const g0 = rng.pick(farmers);
  const p = g0.beneficiary;
  const other = c.villages.filter((v) => v.parent === p.village.parent && v !== p.village);
  if (other.length === 0) return false;
  const v = rng.pick(other);
  const mu = rng.float(0.8, 3.5);
  for (const g of c.grants.filter((x) => x.beneficiary === p && x.program.key === "farmland" && x.year >= 2019)) {
    welfare.pay({ key: "farmland", beneficiary: p, year: g.year, paid: mu * c.profile.farmlandRate, paidOn: welfare.batchDay(v.parent as Region, "farmland", g.year), region: v, account: g.account ?? null, remark: `承包${v.name}耕地` });
  }
  const id = c.newLookalike();
  c.lookalike(id, "land_in_two_villages", p);
  return true;
};

const marriageSplit: Planter = (k) => {
  const { c, rng } = k;
  const splits = c.moves.filter((m) => m.from && m.household.splitFrom === m.from && m.date >= DATA_START && k.free(m.person));
  const withCadre = splits.filter((m) => m.person.father && c.isCadre(m.person.father) && k.free(m.person.father));
  const m = withCadre.length > 0 ? rng.pick(withCadre) : undefined;
  if (!m) return false;
  const id = c.newLookalike();
  c.lookalike(id, "marriage_household_split", m.person);
  c.lookalike(id, "marriage_household_split", m.person.father as Person);
  return true;
};

const emergencySingleSource: Planter = (k) => {
  const { c, rng, projects } = k;
  const big = c.companies.filter((x) => (x.size === "big" || x.size === "medium") && x.builds && k.free(x));
  if (big.length === 0) return false;
  const firm = rng.pick(big);
  const town = rng.pick(c.townships);
  const d = day(rng.pick([2016, 2017, 2020]), rng.int(6, 8), rng.int(1, 28));
  const p = projects.project(town, Y(d), c.profile.tenderLimit * rng.float(1.05, 1.5), "single_source", ["water", "水毁工程应急抢修"], d);
  p.approver = projects.approverOf(town, p.award as Day);
  if (!p.approver || !k.free(p.approver)) {
    c.projects.splice(c.projects.indexOf(p), 1);
    return false;
  }
  p.winner = firm;
  p.awardAmount = cents(p.budget * rng.float(0.9, 0.97));
  const id = c.newLookalike();
  c.lookalike(id, "emergency_single_source", firm);
  c.lookalike(id, "emergency_single_source", p.approver);
  return true;
};

const soleBidderRemote: Planter = (k) => {
  const { c, rng, projects } = k;
  const remote = c.villages.filter((v) => v.remote);
  const firmsPool = c.companies.filter((x) => x.builds && x.size !== "big" && x.status === "active" && k.free(x) && x.registered < day(2017, 1, 1));
  if (remote.length === 0 || firmsPool.length === 0) return false;
  const v = rng.pick(remote);
  const firm = firmsPool.find((x) => x.region === v.parent) ?? rng.pick(firmsPool);
  const d = day(rng.int(2018, 2023), rng.int(2, 10), rng.int(1, 28));
  const p = projects.project(v, Y(d), rng.float(c.profile.directLimit * 1.2, c.profile.tenderLimit * 0.9), "competitive_negotiation", undefined, d);
  const b = projects.honestBid(p, firm, 0.96);
  p.approver = projects.approverOf(v, p.award as Day);
  p.winner = firm;
  p.awardAmount = b.amount;
  const id = c.newLookalike();
  c.lookalike(id, "sole_bidder_remote", firm);
  return true;
};

const honestCoverBidder: Planter = (k) => {
  const { c, rng, projects } = k;
  const pool = c.companies.filter((x) => x.builds && x.status === "active" && k.free(x) && x.registered < day(2016, 1, 1) && x.size !== "big");
  if (pool.length === 0) return false;
  const firm = rng.pick(pool);
  const open = c.projects.filter((p) => p.method !== "direct_award" && p.method !== "single_source" && p.winner && p.winner !== firm && !c.culprits.has(p.winner) && c.bids.some((b) => b.project === p));
  for (const p of rng.sample(open, rng.int(7, 12))) projects.bid(p, firm, Math.min(p.budget * 0.999, (p.awardAmount ?? p.budget) * rng.float(1.06, 1.15)));
  const id = c.newLookalike();
  c.lookalike(id, "honest_frequent_loser", firm);
  return true;
};

const newFirmHonest: Planter = (k) => {
  const { c, rng, projects, firms } = k;
  const d = day(rng.int(2017, 2023), rng.int(3, 10), rng.int(1, 28));
  const town = rng.pick(c.townships);
  const owners = firms.entrepreneurs(d, town).filter((p) => k.free(p) && !c.isCadre(p) && p.male);
  if (owners.length === 0) return false;
  const owner = rng.pick(owners);
  const firm = firms.firm({ trade: "construction", size: "small", owner, registered: d - rng.int(12, 40), region: town, address: firms.streetAddress(town.name), phone: owner.phone });
  const p = projects.project(rng.pick(c.villages.filter((v) => v.parent === town)), Y(d), rng.float(c.profile.directLimit * 1.2, c.profile.tenderLimit * 0.8), "competitive_negotiation", undefined, d);
  const bids = [projects.honestBid(p, firm, 0.87), ...projects.honestBidders(p, rng.int(3, 4), [firm]).map((x) => projects.honestBid(p, x, rng.float(0.93, 0.98)))];
  const win = bids.sort((a, b) => a.amount - b.amount)[0];
  p.approver = projects.approverOf(p.region, p.award as Day);
  if (win) {
    p.winner = win.company;
    p.awardAmount = win.amount;
  }
  // It stays in business afterwards.
  const later = c.projects.filter((x) => x.announce !== undefined && x.announce > (p.award as Day) + 60 && x.method !== "direct_award" && x.winner !== undefined && !c.culprits.has(x.winner) && c.bids.some((b) => b.project === x));
  for (const x of rng.sample(later, rng.int(2, 4))) projects.bid(x, firm, Math.min(x.budget * 0.999, (x.awardAmount ?? x.budget) * rng.float(1.02, 1.1)));
  const id = c.newLookalike();
  c.lookalike(id, "new_firm_wins_on_price", firm);
  c.lookalike(id, "new_firm_wins_on_price", owner);
  return true;
};

const reregisteredFirm: Planter = (k) => {
  const { c, rng } = k;
  const pairs = c.companies.filter((x) => x.status !== "active" && k.free(x)).flatMap((old) => {
    const owner = c.roles.find((r) => r.company === old && r.role === "legal_rep")?.person;
    const again = c.companies.find((y) => y !== old && y.registered > (old.closed ?? 0) && c.roles.some((r) => r.company === y && r.person === owner && r.role === "legal_rep") && k.free(y));
    return again && owner ? [[old, again, owner] as const] : [];
  });
  if (pairs.length === 0) return false;
  const [, again, owner] = rng.pick(pairs);
  if (!k.free(owner)) return false;
  const id = c.newLookalike();
  c.lookalike(id, "revoked_and_reregistered", again);
  c.lookalike(id, "revoked_and_reregistered", owner);
  return true;
};

const employeeSideBusiness: Planter = (k) => {
  const { c, rng, welfare } = k;
  const staff = c.roles.filter((r) => r.role === "shareholder" && r.person.publicEmployee && k.free(r.person)).map((r) => r.person);
  if (staff.length === 0) return false;
  const p = rng.pick(staff);
  const mother = p.mother ?? p.father;
  const id = c.newLookalike();
  c.lookalike(id, "public_employee_side_business", p);
  if (mother && k.free(mother) && !mother.gone && mother.household !== p.household && alive(mother, day(2020, 1, 1))) {
    mother.needy = true;
    for (let y = 2019; y <= 2023; y++) {
      const d = welfare.batchDay(mother.village.parent as Region, "dibao", y);
      if (alive(mother, d) && d < EXPORT_DAY) welfare.pay({ key: "dibao", beneficiary: mother, year: y, paid: c.profile.dibaoMonthly * 12 * 0.6, paidOn: d });
    }
    c.lookalike(id, "public_employee_side_business", mother);
  }
  return true;
};

const cheapVehicleDibao: Planter = (k) => {
  const { c, rng } = k;
  const onDibao = new Set(c.grants.filter((g) => g.program.key === "dibao").map((g) => g.beneficiary));
  const list = [...onDibao].filter((p) => k.free(p) && !c.isCadre(p));
  if (list.length === 0) return false;
  const p = rng.pick(list);
  if (!c.assets.some((a) => a.owner === p && a.kind === "vehicle")) {
    c.assets.push({ owner: p, kind: "vehicle", value: cents(rng.float(1_500, 6_000)), registered: day(rng.int(2010, 2019), rng.int(1, 12), rng.int(1, 28)), description: "农用三轮车" });
  }
  const id = c.newLookalike();
  c.lookalike(id, "cheap_vehicle_on_dibao", p);
  return true;
};

const recusedKinContract: Planter = (k) => {
  const { c, rng } = k;
  const t = k.tenure(VILLAGE_HEADS, 700);
  if (!t) return false;
  const on = k.dayIn(t, 300);
  const kin = k.kinOf(t.person, on, ["sibling", "cousin", "in_law", "nephew_niece"]).filter((x) => x.person.male && !c.isCadre(x.person));
  if (kin.length === 0) return false;
  const rel = rng.pick(kin);
  const firm = k.firmOf(rel.person, on) ?? k.firmFor(rel.person, on, rng.int(800, 2500), t.region);
  if (!k.free(firm)) return false;
  k.writeKin(t.person, rel, true);
  const p = k.projects.project(t.region, Y(on), rng.float(c.profile.directLimit * 1.5, c.profile.tenderLimit * 1.3), "open_tender", undefined, on);
  const bids = [k.projects.honestBid(p, firm, 0.86), ...k.projects.honestBidders(p, rng.int(3, 5), [firm]).map((x) => k.projects.honestBid(p, x, rng.float(0.92, 0.98)))];
  const win = bids.sort((a, b) => a.amount - b.amount)[0];
  // The cadre stepped aside: a township official signed.
  const town = t.region.parent as Region;
  p.approver = c.postsOn(town, p.award as Day, ["township_official"])[0]?.person;
  if (win) {
    p.winner = win.company;
    p.awardAmount = win.amount;
  }
  const id = c.newLookalike();
  c.lookalike(id, "recused_relative_wins_tender", firm);
  c.lookalike(id, "recused_relative_wins_tender", rel.person);
  c.lookalike(id, "recused_relative_wins_tender", t.person);
  return true;
};

const sharedFamilyPhone: Planter = (k) => {
  const { c, rng } = k;
  const cadres = c.posts.filter((p) => p.region.level === "village" && p.person.phone && k.free(p.person)).map((p) => p.person);
  const pairs = cadres.flatMap((cad) => [cad.father, cad.mother].filter((x): x is Person => x !== undefined && !x.gone && k.free(x) && ageOn(x.born, day(2020, 1, 1)) >= 75).map((x) => [cad, x] as const));
  if (pairs.length === 0) return false;
  const [cad, parent] = rng.pick(pairs);
  parent.phone = cad.phone;
  const id = c.newLookalike();
  c.lookalike(id, "elderly_parent_uses_cadre_phone", cad);
  c.lookalike(id, "elderly_parent_uses_cadre_phone", parent);
  return true;
};

const maintenanceAwards: Planter = (k) => {
  const { c, rng, projects } = k;
  const pool = c.companies.filter((x) => x.builds && x.size !== "big" && x.status === "active" && k.free(x) && x.registered < day(2017, 1, 1) && x.region?.level === "township");
  if (pool.length === 0) return false;
  const firm = rng.pick(pool);
  const villages = rng.sample(c.villages.filter((v) => v.parent === firm.region), 3);
  if (villages.length < 2) return false;
  let d = day(rng.int(2017, 2022), rng.int(1, 4), rng.int(1, 28));
  for (const v of villages) {
    const p = projects.project(v, Y(d), c.profile.directLimit * rng.float(0.4, 0.9), "direct_award", ["infrastructure", "村道日常养护"], d);
    p.approver = projects.approverOf(v, p.award as Day);
    p.winner = firm;
    p.awardAmount = cents(p.budget * rng.float(0.95, 1));
    d += rng.int(90, 160);
  }
  const id = c.newLookalike();
  c.lookalike(id, "small_awards_across_villages", firm);
  return true;
};

const KINDS: readonly (readonly [Planter, number])[] = [
  [kinAidQualified, 3],
  [universalToCadreKin, 2],
  [agentCluster, 3],
  [honestDominant, 2],
  [migrantPaidToRelative, 2],
  [contractorLoan, 2],
  [wagesToCadreKin, 1],
  [paidAfterDeathLegit, 1],
  [premiumDeduction, 1],
  [landInTwoVillages, 1],
  [marriageSplit, 1],
  [emergencySingleSource, 1],
  [soleBidderRemote, 1],
  [honestCoverBidder, 1],
  [newFirmHonest, 1],
  [reregisteredFirm, 1],
  [employeeSideBusiness, 1],
  [cheapVehicleDibao, 1],
  [recusedKinContract, 2],
  [sharedFamilyPhone, 1],
  [maintenanceAwards, 1],
];

/** Plants look-alike cases until the profile's count, leaving `reserve` for the tips and cases. */
export function plantLookalikes(k: Kit, reserve: number): void {
  const { c, rng } = k;
  const want = c.profile.lookalikes - reserve;
  const queue = rng.shuffle(KINDS.flatMap(([f, n]) => Array.from({ length: n }, () => f)));
  for (let guard = 0; c.lookalikeCases < want && guard < 300; guard++) {
    const f = queue[guard % queue.length] as Planter;
    f(k);
  }
}

