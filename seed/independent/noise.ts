// Dirty but valid writing of identifiers: spaces and dashes in phones and card numbers, full-width
// digits, +86 prefixes, lower-case x in ID numbers, spaces inside addresses. The importer normalises
// all of these, so the same phone written two ways is still one phone.
import type { Rng } from "./rng.ts";

function fullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export class Noise {
  constructor(
    private readonly rng: Rng,
    readonly level: number,
  ) {}

  private dirty(scale = 1): boolean {
    return this.rng.chance(this.level * scale);
  }

  phone(p: string): string {
    if (!this.dirty()) return p;
    if (p.startsWith("0")) return this.rng.chance(0.7) ? `${p.slice(0, 4)}-${p.slice(4)}` : `(${p.slice(0, 4)}) ${p.slice(4)}`;
    switch (this.rng.int(0, 5)) {
      case 0:
        return `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
      case 1:
        return `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`;
      case 2:
        return fullWidth(p);
      case 3:
        return `+86 ${p}`;
      case 4:
        return `+86-${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`;
      default:
        return ` ${p} `;
    }
  }

  account(a: string): string {
    if (!this.dirty()) return a;
    switch (this.rng.int(0, 3)) {
      case 0:
        return a.replace(/(\d{4})(?=\d)/g, "$1 ");
      case 1:
        return a.replace(/(\d{4})(?=\d)/g, "$1-");
      case 2:
        return this.rng.chance(0.3) ? fullWidth(a) : a.replace(/(\d{6})(\d+)/, "$1 $2");
      default:
        return a;
    }
  }

  address(a: string): string {
    if (!this.dirty()) return a;
    let out = a.replace(/(\d+)(组|号|栋|单元|楼|室)/g, (m, d: string, u: string) => (this.rng.chance(0.5) ? ` ${d}${u}` : m));
    if (this.dirty(0.5)) out = out.replace(/\d/g, (d) => fullWidth(d));
    if (this.dirty(0.3)) out = out.replace(/(县|镇|乡)/, "$1 ");
    return out;
  }

  idNumber(id: string): string {
    if (!this.dirty(0.6)) return id;
    switch (this.rng.int(0, 2)) {
      case 0:
        return id.toLowerCase();
      case 1:
        return fullWidth(id);
      default:
        return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    }
  }

  /** An amount written as 1200, 1200.0 or 1200.00. */
  amount(x: number): string {
    const cents = Math.round(x * 100);
    if (cents % 100 !== 0) return (cents / 100).toFixed(2);
    const whole = String(cents / 100);
    const r = this.rng.next();
    if (r < this.level * 0.3) return `${whole}.00`;
    if (r < this.level * 0.4) return `${whole}.0`;
    return whole;
  }

  /** Stray spaces around a cell the importer trims. */
  pad(v: string): string {
    return this.dirty(0.04) ? (this.rng.chance(0.5) ? ` ${v}` : `${v} `) : v;
  }

  /** Leaves an optional value out at random (missing data). */
  keep(p: number): boolean {
    return !this.rng.chance(p);
  }
}
