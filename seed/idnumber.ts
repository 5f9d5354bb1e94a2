// 18-digit resident identity numbers (GB 11643): 6-digit Shanxi region code + birth date + 3-digit
// sequence (odd for men, even for women) + ISO 7064 MOD 11-2 check character.
import { fmt, type Day } from "./dates.ts";
import type { Rng } from "./rng.ts";
import { fullWidthDigits } from "./contacts.ts";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  return checkDigit(id.slice(0, 17)) === id[17];
}

/**
 * Real Shanxi county-level codes (Lüliang 1411xx, Xinzhou 1409xx, Linfen 1410xx). The synthetic counties
 * borrow the first ones; the rest are where in-married spouses were born.
 */
export const SHANXI_CODES: readonly string[] = [
  "141124", "141123", "141127", "141126", "141128", "141125", "141129", "141130", "140926", "140929",
  "141122", "141121", "141181", "141182", "141102", "140902", "140921", "140922", "140923", "140924",
  "140925", "140927", "140928", "140930", "140931", "140932", "140981", "141023", "141025", "141034",
  "140100", "140105", "140106", "140108", "140702", "140781",
];

const FIRST_DAY = -25567; // 1900-01-01
const DAYS = 47_500; // through 2030

/** Hands out unique numbers: a sequence counter per (code, birth day, gender parity). */
export class IdNumberAllocator {
  private readonly counters: Uint16Array;

  constructor() {
    this.counters = new Uint16Array(SHANXI_CODES.length * DAYS * 2);
  }

  next(codeIndex: number, birth: Day, gender: "M" | "F"): string {
    const code = SHANXI_CODES[codeIndex] as string;
    const g = gender === "M" ? 1 : 0;
    const slot = (codeIndex * DAYS + (birth - FIRST_DAY)) * 2 + g;
    const n = this.counters[slot] as number;
    this.counters[slot] = n + 1;
    // Sequence: men odd, women even (the 17th digit's parity is the gender); a per-code offset spreads them.
    const seq = (2 * Math.min(n, 499) + (g === 1 ? 1 : 2) + 2 * ((codeIndex * 37) % 500)) % 1000;
    const first17 = code + fmt(birth).replace(/-/g, "") + String(seq).padStart(3, "0");
    return first17 + checkDigit(first17);
  }
}

/**
 * An identity number as typed into a register: usually as issued; sometimes in full-width digits, in
 * blocks separated by spaces, or with a lower-case x. The importer reads all of these back as issued.
 */
export function writeIdNumber(id: string, rng: Rng, typed: number): string {
  if (!rng.chance(typed)) return id;
  switch (rng.int(0, 2)) {
    case 0: return fullWidthDigits(id);
    case 1: return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    default: return id.endsWith("X") ? id.slice(0, 17) + "x" : `${id.slice(0, 6)} ${id.slice(6)}`;
  }
}
