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

export function yearOf(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

/** Age in whole years on day `at` of someone born on `birth`. */
export function age(birth: Day, at: Day): number {
  const b = new Date(birth * MS_PER_DAY);
  const a = new Date(at * MS_PER_DAY);
  let years = a.getUTCFullYear() - b.getUTCFullYear();
  if (a.getUTCMonth() < b.getUTCMonth() || (a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() < b.getUTCDate())) years--;
  return years;
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
