// Dates as whole days since 1970-01-01 (UTC), written YYYY-MM-DD.
import type { Rng } from "./rng.ts";

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(year: number, month = 1, dayOfMonth = 1): Day {
  return Math.floor(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

export function iso(d: Day): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Year, month and day of a day number (civil-from-days, no Date allocation: this runs millions of times). */
export function civil(d: Day): [number, number, number] {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dd = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, dd];
}

export function yearOf(d: Day): number {
  return civil(d)[0];
}

/** Age in whole years on day `at` of someone born on `birth`. */
export function age(birth: Day, at: Day): number {
  const [by, bm, bd] = civil(birth);
  const [ay, am, ad] = civil(at);
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

export const YEARS = [2016, 2017, 2018, 2019, 2020, 2021] as const;
/** The window the data covers. */
export const START: Day = day(2016, 1, 1);
export const END: Day = day(2021, 12, 31);
export const YEAR_DAYS = 365.25;

export function yearsToDays(years: number): number {
  return Math.round(years * YEAR_DAYS);
}

/** A uniformly random day in [from, to]. */
export function between(rng: Rng, from: Day, to: Day): Day {
  return to <= from ? from : rng.int(from, to);
}

/** A random day of a year, optionally within months [m1, m2]. */
export function inYear(rng: Rng, year: number, m1 = 1, m2 = 12): Day {
  return between(rng, day(year, m1, 1), day(m2 === 12 ? year + 1 : year, m2 === 12 ? 1 : m2 + 1, 1) - 1);
}

export function clampDay(d: Day, lo: Day, hi: Day): Day {
  return Math.min(hi, Math.max(lo, d));
}
