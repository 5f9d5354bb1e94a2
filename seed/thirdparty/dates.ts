// Dates as whole days since 1970-01-01 (UTC), written YYYY-MM-DD only when a row is written.

const DAY_MS = 86_400_000;

export type Day = number;

export function day(y: number, m: number, d: number): Day {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function iso(d: Day): string {
  return new Date(d * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(d: Day): number {
  return new Date(d * DAY_MS).getUTCFullYear();
}

export function monthOf(d: Day): number {
  return new Date(d * DAY_MS).getUTCMonth() + 1;
}

/** Age in whole years on day `on` of someone born on `born`. */
export function ageOn(born: Day, on: Day): number {
  const b = new Date(born * DAY_MS);
  const o = new Date(on * DAY_MS);
  let age = o.getUTCFullYear() - b.getUTCFullYear();
  if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/** The first day of a year. */
export function jan1(y: number): Day {
  return day(y, 1, 1);
}

/** The same calendar day in another year (29 February becomes 28). */
export function inYear(d: Day, y: number): Day {
  const x = new Date(d * DAY_MS);
  const m = x.getUTCMonth() + 1;
  const dd = Math.min(x.getUTCDate(), m === 2 ? 28 : 31);
  return day(y, m, dd);
}

/** `yyyymmdd`, for identity numbers. */
export function compact(d: Day): string {
  return iso(d).replaceAll("-", "");
}

/** Years the grants and projects cover. */
export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2023;
/** The day the county's export was taken: nothing happens after it. */
export const EXPORT_DAY = day(2024, 3, 15);
