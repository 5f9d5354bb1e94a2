// Honest money: migrant children sending money home, wages, suppliers paid after an award, owners
// drawing profit, loans between relatives and their repayment, cadres buying materials from firms,
// cooperatives paying land rent to every household of the village (cadres included), wedding gifts.
import { newAccount } from "./accounts.ts";
import { cadreSet } from "./cadres.ts";
import { age, between, day, END, inYear, START, YEARS, type Day } from "./dates.ts";
import { livingRelatives } from "./kin.ts";
import type { Company, Person, Region, Transfer, World } from "./model.ts";
import { alive, regionAt } from "./population.ts";
import type { Rng } from "./rng.ts";

export function addTransfer(world: World, from: number | undefined, to: number | undefined, amount: number, date: Day): Transfer | undefined {
  if (from === undefined || to === undefined || from === to || date > END || date < day(2015)) return undefined;
  const t: Transfer = { id: world.ids.next("t"), from, to, amount: Math.round(amount * 100) / 100, date };
  world.transfers.push(t);
  return t;
}

/** A person's account, opening one when they have none (people who move money have a card). */
export function ensureAccount(world: World, rng: Rng, p: Person): number {
  if (p.account !== undefined) return p.account;
  const urban = (world.regions[regionAt(world, p, START)] as Region).urban;
  const acc = newAccount(world, rng, { type: "person", k: p.k }, { urban, opened: Math.max(p.birth + 6600, START - rng.int(30, 2000)) });
  p.account = acc.k;
  return acc.k;
}

export function buildTransfers(world: World): void {
  const rng = world.rng.fork("transfers");
  const rate = world.style.transferRate;
  const cadres = cadreSet(world);
  const people = world.persons.filter((p) => p.inData && !p.fictitious);
  for (const p of people) {
    // Remittances from children working away.
    if (p.migrant && p.account !== undefined) {
      const parents = [p.father, p.mother].map((k) => (k === undefined ? undefined : world.persons[k])).filter((q): q is Person => q !== undefined && q.inData && q.account !== undefined);
      if (parents.length > 0) {
        const parent = rng.pick(parents);
        for (const y of YEARS) {
          const n = rng.poisson(3 * rate);
          for (let i = 0; i < n; i++) {
            const d = inYear(rng, y);
            if (alive(parent, d) && alive(p, d)) addTransfer(world, p.account, parent.account, rng.int(5, 50) * 100, d);
          }
        }
      }
    }
    // Loans between relatives, repaid in one to three instalments.
    if (p.account !== undefined && age(p.birth, START) >= 25 && rng.chance(0.05 * rate)) {
      const d = between(rng, START, END - 200);
      const kin = livingRelatives(world, p.k, d, (r) => r === "sibling" || r === "cousin" || r === "in_law" || r === "child" || r === "uncle_aunt").filter(([q]) => q.account !== undefined && age(q.birth, d) >= 20);
      if (kin.length > 0) {
        const [q] = rng.pick(kin);
        const amount = rng.int(10, 100) * 1000;
        addTransfer(world, p.account, q.account, amount, d);
        const parts = rng.int(1, 3);
        let t = d;
        for (let i = 0; i < parts; i++) {
          t += rng.int(60, 500);
          if (t < END && alive(q, t)) addTransfer(world, q.account, p.account, Math.round(amount / parts), t);
        }
      }
    }
    // Wedding gifts to relatives marrying in the window.
    if (p.marriage !== undefined && p.marriage >= START && p.account !== undefined && rng.chance(0.5)) {
      for (const [q] of rng.sample(livingRelatives(world, p.k, p.marriage, (r) => r === "uncle_aunt" || r === "sibling" || r === "cousin"), rng.int(0, 3))) {
        if (q.account !== undefined) addTransfer(world, q.account, p.account, rng.pick([600, 800, 1000, 1200, 2000, 3000, 6600, 8800]), p.marriage - rng.int(0, 10));
      }
    }
    // Cadres buy materials and services like everyone else.
    if (cadres.has(p.k) && p.account !== undefined && rng.chance(0.3)) {
      const shops = world.companies.filter((c) => (c.trade === "trade" || c.trade === "services") && !c.scheme);
      if (shops.length > 0) {
        const c = rng.pick(shops);
        addTransfer(world, p.account, c.account, rng.int(20, 300) * 100, between(rng, START, END));
      }
    }
  }
  // Wages and owners' draws.
  for (const r of world.roles) {
    const c = world.companies[r.company] as Company;
    const p = world.persons[r.person] as Person;
    if (c.scheme || !p.inData || c.account === undefined) continue;
    if (r.role === "employee" && rng.chance(0.6)) {
      const acc = ensureAccount(world, rng, p);
      for (const y of YEARS) {
        for (let i = 0; i < rng.poisson(3 * rate); i++) {
          const d = inYear(rng, y);
          if (alive(p, d) && (c.closed === undefined || d < c.closed) && (c.registered ?? 0) < d) addTransfer(world, c.account, acc, rng.int(20, 90) * 100, d);
        }
      }
    }
    if ((r.role === "legal_rep" || r.role === "shareholder") && p.account !== undefined && rng.chance(0.4)) {
      for (const y of YEARS) {
        const d = inYear(rng, y, 12, 12);
        if (rng.chance(0.5) && alive(p, d) && (c.registered ?? 0) < d) addTransfer(world, c.account, p.account, rng.int(10, 300) * 1000, d);
      }
    }
  }
  // Suppliers and subcontractors paid after an award.
  const suppliers = world.companies.filter((c) => (c.trade === "trade" || c.trade === "services") && !c.scheme);
  for (const pr of world.projects) {
    if (pr.awardedTo === undefined || pr.award === undefined || pr.awardAmount === undefined) continue;
    const w = world.companies[pr.awardedTo] as Company;
    for (let i = 0; i < rng.int(0, 2) && suppliers.length > 0; i++) {
      const s = rng.pick(suppliers);
      if (s.k !== w.k) addTransfer(world, w.account, s.account, pr.awardAmount * rng.float(0.08, 0.3), pr.award + rng.int(10, 120));
    }
  }
  // Land rent from cooperatives and farming firms to the households of their village, cadres included.
  for (const c of world.companies) {
    if (!(c.coop || c.trade === "agriculture") || c.scheme || c.region === undefined || c.account === undefined) continue;
    const villagers = people.filter((p) => p.account !== undefined && regionAt(world, p, START) === c.region && age(p.birth, START) >= 30);
    const tenants = rng.sample(villagers, rng.int(3, Math.min(25, villagers.length)));
    const rent = new Map(tenants.map((p) => [p.k, rng.int(5, 80) * 100]));
    for (const y of YEARS) {
      const d = inYear(rng, y, 11, 12);
      if ((c.registered ?? 0) > d || (c.closed !== undefined && c.closed < d)) continue;
      for (const p of tenants) if (alive(p, d)) addTransfer(world, c.account, p.account, rent.get(p.k) ?? 1000, d + rng.int(0, 20));
    }
  }
}
