// Bank accounts: unique personal card numbers (with a Luhn check digit) and corporate account numbers
// for the whole run, and the accounts a new company opens.
import type { Rng } from "./rng.ts";
import type { Day } from "./dates.ts";
import type { Account, Company } from "./model.ts";

interface Bank {
  name: string;
  bin: string;
  corporate: string;
  weight: number;
}

const BANKS: readonly Bank[] = [
  { name: "山西省农村信用社", bin: "622991", corporate: "0511", weight: 34 },
  { name: "中国邮政储蓄银行", bin: "621799", corporate: "1000", weight: 24 },
  { name: "中国农业银行", bin: "622848", corporate: "1415", weight: 22 },
  { name: "中国建设银行", bin: "621700", corporate: "1405", weight: 8 },
  { name: "中国工商银行", bin: "622202", corporate: "0505", weight: 6 },
  { name: "中国银行", bin: "621785", corporate: "1427", weight: 4 },
  { name: "晋商银行", bin: "622318", corporate: "0600", weight: 2 },
];

function luhn(body: string): string {
  let sum = 0;
  let dbl = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Unique account numbers for the whole run: personal 19-digit cards (62…), corporate 19 digits (0…/1…). */
export class AccountAllocator {
  private readonly personal = new Array<number>(BANKS.length).fill(0);
  private readonly corporate = new Array<number>(BANKS.length).fill(0);

  open(rng: Rng, ownerId: string, opened: Day, corporate = false): Account {
    const b = rng.weighted([0, 1, 2, 3, 4, 5, 6], BANKS.map((x) => (corporate && x.weight < 5 ? x.weight * 3 : x.weight)));
    const bank = BANKS[b] as Bank;
    let id: string;
    if (corporate) {
      const n = this.corporate[b] as number;
      this.corporate[b] = n + 1;
      // The low eight digits are a bijection of the counter (unique); the high ones only look random.
      const high = String((n * 7919 + 3_571_113 * (b + 1)) % 10_000_000).padStart(7, "0");
      const low = String((n * 104_729 + 27_182_818 * (b + 1)) % 100_000_000).padStart(8, "0");
      id = bank.corporate + high + low;
    } else {
      const n = this.personal[b] as number;
      this.personal[b] = n + 1;
      const high = String((n * 7933 + 2_718 * (b + 3)) % 10_000).padStart(4, "0");
      const low = String((n * 48_271 + 31_415_926 * (b + 1)) % 100_000_000).padStart(8, "0");
      const body = bank.bin + high + low;
      id = body + luhn(body);
    }
    return { id, ownerId, bank: bank.name, opened };
  }
}

export function openCompanyAccounts(rng: Rng, alloc: AccountAllocator, c: Company): void {
  const n = rng.chance(0.3) ? 2 : 1;
  for (let i = 0; i < n; i++) c.accounts.push(alloc.open(rng, c.id, c.regDay + rng.int(3, 60) + i * rng.int(200, 2000), true));
}
