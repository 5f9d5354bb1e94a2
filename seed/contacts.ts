// Phone numbers and addresses: unique canonical values, and the messy ways people write them
// (spaces, dashes, full-width digits) that the importer must normalise back to one identifier.
import type { Rng } from "./rng.ts";

const MOBILE_PREFIXES = [
  "139", "138", "137", "136", "135", "134", "150", "151", "152", "157", "158", "159", "182", "183", "187",
  "188", "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "189", "177", "199", "166",
] as const;

/** Hands out phone numbers that are unique across the whole run (a bijection of a counter). */
export class PhoneAllocator {
  private readonly mobileCounters = new Array<number>(MOBILE_PREFIXES.length).fill(0);
  private landlineCounter = 0;

  /** 11-digit mobile number, digits only. */
  mobile(rng: Rng): string {
    const p = rng.int(0, MOBILE_PREFIXES.length - 1);
    const n = this.mobileCounters[p] as number;
    this.mobileCounters[p] = n + 1;
    const body = (n * 48271 + 10_158_713 * (p + 1) + 31_415_926) % 100_000_000;
    return (MOBILE_PREFIXES[p] as string) + String(body).padStart(8, "0");
  }

  /** Landline with area code (0358 is Lüliang), digits only. */
  landline(areaCode = "0358"): string {
    const n = this.landlineCounter++;
    return areaCode + String(2_000_000 + ((n * 7919 + 12345) % 7_000_000));
  }
}

/** Digits (and ASCII letters, dashes, spaces) to their full-width forms. */
export function fullWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c === 32) out += "\u3000";
    else if (c > 32 && c < 127) out += String.fromCharCode(c + 0xfee0);
    else out += ch;
  }
  return out;
}

export function fullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** How a person writes a phone: mostly plain, some with spaces, dashes or full-width digits. */
export function writePhone(canonical: string, rng: Rng, messy = 0.3): string {
  const landline = canonical.startsWith("0");
  if (landline) {
    const area = canonical.slice(0, 4);
    const local = canonical.slice(4);
    if (!rng.chance(messy)) return `${area}-${local}`;
    switch (rng.int(0, 3)) {
      case 0: return `${area} ${local}`;
      case 1: return canonical;
      case 2: return fullWidth(`${area}-${local}`);
      default: return fullWidthDigits(`${area} ${local}`);
    }
  }
  if (!rng.chance(messy)) return canonical;
  const a = canonical.slice(0, 3), b = canonical.slice(3, 7), c = canonical.slice(7);
  switch (rng.int(0, 4)) {
    case 0: return `${a} ${b} ${c}`;
    case 1: return `${a}-${b}-${c}`;
    case 2: return fullWidthDigits(canonical);
    case 3: return `${fullWidthDigits(a)}-${b} ${c}`;
    default: return `${a} ${b}-${c}`;
  }
}

/** A different written form of the same phone than `avoid` (for deliberately shared phones). */
export function writePhoneOtherwise(canonical: string, avoid: string, rng: Rng): string {
  for (let i = 0; i < 8; i++) {
    const w = writePhone(canonical, rng, 1);
    if (w !== avoid) return w;
  }
  return fullWidthDigits(canonical);
}

/** Account numbers: grouped by four with spaces or dashes, or full-width. */
export function writeAccount(canonical: string, rng: Rng, messy = 0.25): string {
  if (!rng.chance(messy)) return canonical;
  const groups = canonical.match(/.{1,4}/g) ?? [canonical];
  switch (rng.int(0, 3)) {
    case 0: return groups.join(" ");
    case 1: return groups.join("-");
    case 2: return fullWidthDigits(canonical);
    default: return `${canonical.slice(0, 6)} ${canonical.slice(6)}`;
  }
}

export function writeAccountOtherwise(canonical: string, avoid: string, rng: Rng): string {
  for (let i = 0; i < 8; i++) {
    const w = writeAccount(canonical, rng, 1);
    if (w !== avoid) return w;
  }
  return fullWidthDigits(canonical);
}

/**
 * Addresses are stored canonical (no spaces, ASCII digits); people write them with spaces between the
 * administrative parts or with full-width digits.
 */
export function writeAddress(canonical: string, rng: Rng, messy = 0.2): string {
  if (!rng.chance(messy)) return canonical;
  switch (rng.int(0, 2)) {
    case 0: return spaced(canonical);
    case 1: return fullWidthDigits(canonical);
    default: return fullWidthDigits(spaced(canonical));
  }
}

export function writeAddressOtherwise(canonical: string, avoid: string, rng: Rng): string {
  for (let i = 0; i < 8; i++) {
    const w = writeAddress(canonical, rng, 1);
    if (w !== avoid) return w;
  }
  return fullWidthDigits(spaced(canonical));
}

function spaced(addr: string): string {
  return addr.replace(/(省|市|县|镇|乡|村|社区|小区|街|路)(?=[^\s])/g, "$1 ").trim();
}
