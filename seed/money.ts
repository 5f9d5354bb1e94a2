// Personal bank cards and the background flow of money between accounts: family remittances, loans
// between villagers, wages, supplier payments.
import type { Rng } from "./rng.ts";
import { W0, W1, ageOn, day, years, YEARS, type Day } from "./dates.ts";
import type { Account, Company, Person } from "./model.ts";
import { writeAccount } from "./contacts.ts";
import type { TownshipState } from "./world.ts";

/** Everyone who is 16 or older during the period holds a bank card; a fifth hold a second one. */
export function openPersonAccounts(tw: TownshipState): void {
  const rng = tw.rng.fork("accounts");
  const alloc = tw.run.accounts;
  for (const p of tw.emitted) {
    const sixteen = p.birth + years(16);
    if (sixteen > W1 || sixteen > p.death) continue;
    const earliest = Math.max(sixteen, day(1998, 1, 1));
    const acc = alloc.open(rng, p.id, Math.min(W1, earliest + rng.int(0, years(2))));
    tw.accounts.push(acc);
    p.account = acc;
    p.bankAccountText = rng.chance(1 - tw.style.noise.accountMissing) ? writeAccount(acc.id, rng, tw.style.noise.account) : "";
    if (rng.chance(0.2)) {
      const second = alloc.open(rng, p.id, acc.opened + rng.int(100, 3000));
      if (second.opened <= W1) tw.accounts.push(second);
    }
  }
}

function alive(p: Person, d: Day): boolean {
  return p.birth <= d && p.death > d;
}

/**
 * Background money: the dominant, innocent flows. Recipients are never cadres or their relatives unless
 * the money comes from their own family, so no background transfer looks like a kickback.
 */
export function backgroundTransfers(tw: TownshipState): void {
  const rng = tw.rng.fork("transfers");
  const adults = tw.emitted.filter((p) => p.account !== undefined);
  // Remittances: grown children working away send money home, mostly around the Spring Festival.
  for (const child of adults) {
    if (child.father === undefined && child.mother === undefined) continue;
    const parent = child.father !== undefined && child.father.emitted && child.father.account ? child.father
      : child.mother !== undefined && child.mother.emitted && child.mother.account ? child.mother : undefined;
    if (parent === undefined || parent.hh === child.hh) continue;
    // A cadre's sibling's child is no cadre relative on record, so keep his money away from that family.
    if (parent.excluded && !child.excluded) continue;
    if (!rng.chance(0.28)) continue;
    for (const y of YEARS) {
      const d = day(y, 1, 10) + rng.int(0, 45);
      if (!alive(child, d) || !alive(parent, d) || ageOn(child.birth, d) < 20 || !rng.chance(0.7)) continue;
      tw.transfer((child.account as Account).id, (parent.account as Account).id, rng.int(5, 60) * 100, d);
    }
  }
  // Loans and purchases between villagers who are not cadres' families.
  const byVillage = new Map<string, Person[]>();
  for (const p of adults) {
    if (p.excluded) continue;
    const v = p.hh?.village.id ?? "";
    let list = byVillage.get(v);
    if (list === undefined) byVillage.set(v, (list = []));
    list.push(p);
  }
  for (const list of byVillage.values()) {
    const n = Math.round(list.length * 0.07 * YEARS.length);
    for (let i = 0; i < n && list.length > 1; i++) {
      const a = rng.pick(list), b = rng.pick(list);
      if (a === b || a.hh === b.hh) continue;
      const d = W0 + rng.int(0, W1 - W0);
      if (!alive(a, d) || !alive(b, d)) continue;
      const amount = Math.round(rng.lognormal(3000, 0.9) / 10) * 10;
      tw.transfer((a.account as Account).id, (b.account as Account).id, Math.max(100, amount), d);
      if (rng.chance(0.35)) {
        // Repaid later.
        const back = d + rng.int(30, 400);
        if (back <= W1 && alive(a, back) && alive(b, back)) tw.transfer((b.account as Account).id, (a.account as Account).id, amount, back);
      }
    }
  }
}

/** Wages from a company to its employees, a few times a year. */
export function wageTransfers(rng: Rng, tw: TownshipState, c: Company): void {
  const from = c.accounts[0];
  if (from === undefined) return;
  for (const e of c.preparers) {
    if (e.accountId === "") continue;
    for (const y of YEARS) {
      if (day(y, 12, 31) < c.regDay || !rng.chance(0.8)) continue;
      const n = rng.int(1, 4);
      for (let i = 0; i < n; i++) {
        const d = day(y, 1, 15) + Math.floor(((i + rng.next()) * 350) / n);
        if (d <= c.regDay || d > W1 || (c.endDay !== undefined && d > c.endDay)) continue;
        tw.transfer(from.id, e.accountId, rng.int(30, 90) * 100, d);
      }
    }
  }
}
