// Identifiers in the styles county systems really use: resident ID numbers, household register
// numbers, unified social credit codes, administrative division codes, bank card numbers, grant batch
// numbers, UUID project keys. Every id minted here is unique across the whole bundle.
import { compact, yearOf, type Day } from "./dates.ts";
import type { Profile } from "./profile.ts";
import type { Rng } from "./rng.ts";

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** The check character of an 18-character resident ID number (ISO 7064 MOD 11-2). */
export function residentCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a unified social credit code (GB 32100-2015). */
export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i] as string) * (USCC_WEIGHTS[i] as number);
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c] as string;
}

/** Neighbouring counties' codes, for people born elsewhere. */
const OTHER_COUNTIES = ["430521", "431224", "433130", "522726", "360730", "511923", "421126", "452626", "441900", "330782", "320583", "440306"];

export class Ids {
  private readonly used = new Set<string>();
  private readonly seq = new Map<string, number>();

  constructor(
    private readonly profile: Profile,
    private readonly rng: Rng,
  ) {}

  /** Registers an id, failing loudly on a clash (a bug in this generator, never silently renamed). */
  claim(id: string): string {
    if (this.used.has(id)) throw new Error(`id clash: ${id}`);
    this.used.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.used.has(id);
  }

  private next(key: string): number {
    const n = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, n);
    return n;
  }

  private get county(): string {
    return this.profile.countyCode;
  }

  region(level: "county" | "township" | "village", township = 0, village = 0): string {
    const t = String(township).padStart(3, "0");
    const v = String(village).padStart(3, "0");
    if (this.profile.ids.region === "code12") {
      if (level === "county") return this.claim(`${this.county}000000`);
      if (level === "township") return this.claim(`${this.county}${t}000`);
      return this.claim(`${this.county}${t}${v}`);
    }
    if (level === "county") return this.claim(this.county);
    if (level === "township") return this.claim(`${this.county}${t}`);
    return this.claim(`${this.county}${t}${v}`);
  }

  /** A resident ID number: birthplace code, birth date, sequence (odd for men), check character. */
  residentNumber(born: Day, male: boolean, local: boolean): string {
    const place = local ? this.county : this.rng.pick(OTHER_COUNTIES);
    for (;;) {
      let s = this.rng.int(0, 499) * 2 + (male ? 1 : 0);
      if (s > 999) s -= 2;
      const first = `${place}${compact(born)}${String(s).padStart(3, "0")}`;
      const id = first + residentCheck(first);
      if (!this.used.has(`idno:${id}`)) {
        this.used.add(`idno:${id}`);
        return id;
      }
    }
  }

  /** A person id in the county's style; `idNumber` and `householdId` feed the styles that use them. */
  person(idNumber: string, householdId: string): string {
    switch (this.profile.ids.person) {
      case "idno":
        return this.claim(idNumber);
      case "rk":
        return this.claim(`RK${this.county}${String(this.next("rk")).padStart(7, "0")}`);
      case "hukou":
        return this.claim(`${householdId}-${String(this.next(`hk:${householdId}`)).padStart(2, "0")}`);
    }
  }

  household(villageId: string): string {
    if (this.profile.ids.household === "hh15") return this.claim(`${villageId.slice(-12)}${String(this.next(`hh:${villageId}`)).padStart(3, "0")}`);
    return this.claim(`HH${this.county}${String(this.next("HH")).padStart(6, "0")}`);
  }

  company(registered: Day, coop: boolean): string {
    if (this.profile.ids.company === "mixed" && yearOf(registered) < 2015 && this.rng.chance(0.7)) {
      for (;;) {
        const id = `${this.county}000${this.rng.digits(6)}`;
        if (!this.used.has(id)) return this.claim(id);
      }
    }
    const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (;;) {
      let org = this.rng.chance(0.6) ? "MA" : "";
      while (org.length < 9) org += chars[this.rng.int(0, chars.length - 1)];
      const first = `${coop ? "93" : "91"}${this.county}${org}`;
      const id = first + usccCheck(first);
      if (!this.used.has(id)) return this.claim(id);
    }
  }

  /** A bank account number: 19-digit debit cards, 16-digit older cards, 20-digit company accounts. */
  account(kind: "card" | "old" | "company" | "social"): string {
    for (;;) {
      const id =
        kind === "card" ? `6228${this.rng.digits(15)}` : kind === "old" ? `6229${this.rng.digits(12)}` : kind === "social" ? `6231${this.rng.digits(15)}` : `8201${this.rng.digits(16)}`;
      if (!this.used.has(id)) return this.claim(id);
    }
  }

  grant(year: number, programCode: string): string {
    switch (this.profile.ids.grant) {
      case "G":
        return this.claim(`G${year}-${String(this.next(`g${year}`)).padStart(5, "0")}`);
      case "BT":
        return this.claim(`BT${this.county}${year}${String(this.next(`bt${year}`)).padStart(6, "0")}`);
      case "prog":
        return this.claim(`${programCode}-${year}-${String(this.next(`p${programCode}${year}`)).padStart(5, "0")}`);
    }
  }

  project(year: number): string {
    if (this.profile.ids.project === "zb") return this.claim(`ZB${this.county}-${year}-${String(this.next(`zb${year}`)).padStart(3, "0")}`);
    for (;;) {
      const h = this.rng.hex(32);
      const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
      if (!this.used.has(id)) return this.claim(id);
    }
  }

  transfer(date: Day): string {
    if (this.profile.ids.transfer === "txn") return this.claim(`TXN${compact(date)}${String(this.next(`tx${date}`)).padStart(6, "0")}`);
    for (;;) {
      const id = this.rng.hex(32);
      if (!this.used.has(id)) return this.claim(id);
    }
  }

  program(code: string): string {
    return this.claim(`XM-${code}`);
  }

  tip(year: number): string {
    return this.claim(`XF${year}-${String(this.next(`xf${year}`)).padStart(4, "0")}`);
  }

  case(year: number): string {
    return this.claim(`纪立〔${year}〕${this.next(`case${year}`)}号`);
  }
}
