// Honest money between people: migrants' remittances, wedding and funeral gifts from kin, fellow
// villagers, cadres and local contractors, loans between relatives, wages that contractors pay the
// villagers who build their projects, payments to suppliers and owners.
import { cents, type County } from "./county.ts";
import { EXPORT_DAY, FIRST_YEAR, LAST_YEAR, ageOn, day, yearOf, type Day } from "./dates.ts";
import type { Company, Person, Region } from "./model.ts";
import { alive } from "./welfare.ts";

export class Social {
  private readonly byVillage = new Map<Region, Person[]>();

  constructor(private readonly c: County) {
    for (const p of c.living) {
      const list = this.byVillage.get(p.village) ?? [];
      list.push(p);
      this.byVillage.set(p.village, list);
    }
  }

  villagers(v: Region): Person[] {
    return this.byVillage.get(v) ?? [];
  }

  private adultsOn(v: Region, on: Day, lo = 20, hi = 70): Person[] {
    return this.villagers(v).filter((p) => alive(p, on) && ageOn(p.born, on) >= lo && ageOn(p.born, on) <= hi);
  }

  /** A gift or payment from one person to another, opening cards where someone has none. */
  give(from: Person, to: Person, amount: number, on: Day, memo?: string): void {
    if (from === to || on > EXPORT_DAY) return;
    this.c.transfer(this.c.ensureAccount(from, on), this.c.ensureAccount(to, on), amount, on, memo);
  }

  build(): void {
    this.remittances();
    this.weddingsAndFunerals();
    this.loans();
    this.wages();
  }

  private remittances(): void {
    const { c } = this;
    const rng = c.rng;
    for (const p of c.living) {
      if (!p.migrant || !rng.chance(0.55)) continue;
      const home = [p.father, p.mother, p.spouse].filter((x): x is Person => x !== undefined && !x.gone && !x.migrant);
      if (home.length === 0) continue;
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
        const n = rng.int(1, 5);
        for (let i = 0; i < n; i++) {
          const d = day(y, rng.int(1, 12), rng.int(1, 28));
          const to = home.find((x) => alive(x, d));
          if (!to || !alive(p, d)) continue;
          this.give(p, to, Math.round(rng.float(5, 40)) * 100, d, rng.chance(0.3) ? "生活费" : undefined);
        }
      }
    }
  }

  private weddingsAndFunerals(): void {
    const { c } = this;
    const rng = c.rng;
    for (const p of c.living) {
      // Weddings: gifts to the groom's father (or the groom) from kin, villagers, cadres, contractors.
      if (p.male && p.married !== undefined && yearOf(p.married) >= FIRST_YEAR && p.married < EXPORT_DAY) {
        const on = p.married - rng.int(0, 3);
        const host = p.father && alive(p.father, on) ? p.father : p;
        const kin = [...c.relatives(host, 2)].filter((x) => !x.gone && alive(x, on) && ageOn(x.born, on) >= 20);
        for (const g of rng.sample(kin, rng.int(3, 9))) this.give(g, host, rng.pick([600, 800, 1_000, 1_200, 2_000, 6_666, 8_888]), on, rng.chance(0.5) ? "贺礼" : undefined);
        for (const g of rng.sample(this.adultsOn(p.village, on, 25, 75), rng.int(3, 10))) this.give(g, host, rng.pick([200, 300, 500, 600]), on, rng.chance(0.4) ? "随礼" : undefined);
        for (const post of c.postsOn(p.village, on)) if (rng.chance(0.5)) this.give(post.person, host, rng.pick([500, 600, 800, 1_000]), on, "贺礼");
        const town = p.village.parent as Region;
        const bosses = c.roles.filter((r) => r.role === "legal_rep" && r.company.builds && (r.company.region === town || r.company.region === p.village)).map((r) => r.person);
        for (const b of rng.sample(bosses, rng.int(0, 2))) if (alive(b, on)) this.give(b, host, rng.pick([1_000, 2_000, 3_000]), on, "贺礼");
      }
      // Funerals: gifts to the eldest son at home.
      if (p.died !== undefined && yearOf(p.died) >= FIRST_YEAR && ageOn(p.born, p.died) >= 60) {
        const son = p.children.filter((k) => k.male && !k.gone && alive(k, p.died as Day)).sort((a, b) => a.born - b.born)[0];
        if (!son) continue;
        const on = (p.died as Day) + rng.int(1, 4);
        const kin = [...c.relatives(son, 2)].filter((x) => !x.gone && alive(x, on) && ageOn(x.born, on) >= 20 && x !== p);
        for (const g of rng.sample(kin, rng.int(2, 6))) this.give(g, son, rng.pick([300, 500, 1_000]), on, rng.chance(0.3) ? "奠仪" : undefined);
        for (const g of rng.sample(this.adultsOn(p.village, on, 25, 75), rng.int(2, 6))) this.give(g, son, rng.pick([100, 200, 300]), on);
      }
    }
  }

  private loans(): void {
    const { c } = this;
    const rng = c.rng;
    const adults = c.living.filter((p) => ageOn(p.born, day(2016, 1, 1)) >= 25 && ageOn(p.born, day(2016, 1, 1)) <= 65);
    const n = Math.round(adults.length / 40);
    for (let i = 0; i < n; i++) {
      const lender = rng.pick(adults);
      const kin = [...c.relatives(lender, 2)].filter((x) => !x.gone && ageOn(x.born, day(2016, 1, 1)) >= 22);
      const borrower = kin.length > 0 && rng.chance(0.75) ? rng.pick(kin) : rng.pick(this.villagers(lender.village));
      const on = day(rng.int(FIRST_YEAR, LAST_YEAR - 1), rng.int(1, 12), rng.int(1, 28));
      if (!alive(lender, on) || !alive(borrower, on) || lender === borrower) continue;
      const principal = rng.int(5, 80) * 1_000;
      this.give(lender, borrower, principal, on, rng.chance(0.4) ? "借款" : undefined);
      const parts = rng.int(1, 3);
      const total = principal * (1 + rng.pick([0, 0, 0.03, 0.06]));
      let back = on;
      for (let k = 0; k < parts; k++) {
        back += rng.int(120, 500);
        if (back > EXPORT_DAY || !alive(borrower, back)) break;
        this.give(borrower, lender, total / parts, back, rng.chance(0.4) ? "还款" : undefined);
      }
    }
  }

  /** Contractors pay villagers who work on their projects, and their suppliers and owners. */
  private wages(): void {
    const { c } = this;
    const rng = c.rng;
    for (const p of c.projects) {
      const w = p.winner;
      if (!w || p.award === undefined || !p.awardAmount) continue;
      const acct = c.companyAccount(w);
      const village = p.region.level === "village" ? p.region : rng.pick(c.villages.filter((v) => v.parent === p.region));
      if (!village) continue;
      const crew = rng.sample(this.adultsOn(village, p.award, 20, 62).filter((x) => !x.migrant && !x.publicEmployee), Math.min(12, 2 + Math.floor(p.awardAmount / 60_000)));
      for (const x of crew) {
        const on = p.award + rng.int(20, 200);
        if (on > EXPORT_DAY || !alive(x, on)) continue;
        c.transfer(acct, c.ensureAccount(x, on), cents(rng.float(1_500, Math.min(15_000, 2_000 + p.awardAmount * 0.03))), on, rng.chance(0.5) ? "工资" : "劳务费");
      }
      const award = p.award;
      const suppliers = c.companies.filter((x) => x.trade === "supply" && x.status === "active" && x.registered < award - 30);
      if (suppliers.length > 0 && rng.chance(0.6)) {
        const s: Company = rng.pick(suppliers);
        const on = p.award + rng.int(10, 120);
        if (on < EXPORT_DAY) c.transfer(acct, c.companyAccount(s), p.awardAmount * rng.float(0.08, 0.3), on, "材料款");
      }
    }
    // Owners draw money from their firms once a year or so.
    for (const r of c.roles) {
      if (r.role !== "legal_rep" || r.company.size === "micro" || !rng.chance(0.5)) continue;
      const co = r.company;
      for (let y = Math.max(FIRST_YEAR, yearOf(co.registered) + 1); y <= LAST_YEAR; y++) {
        const on = day(y, rng.int(1, 12), rng.int(1, 28));
        if (co.closed !== undefined && on > co.closed) break;
        if (!alive(r.person, on) || !rng.chance(0.6)) continue;
        c.transfer(c.companyAccount(co), c.ensureAccount(r.person, on), rng.float(10_000, co.size === "big" ? 300_000 : 60_000), on, rng.chance(0.5) ? "分红" : undefined);
      }
    }
  }
}
