// Calendar days as integers (days since 1970-01-01, UTC) and their YYYY-MM-DD text, cached.
export type Day = number;

const MS_PER_DAY = 86_400_000;

const dayCache = new Map<number, Day>();

export function day(year: number, month: number, dayOfMonth: number): Day {
  const key = year * 10000 + month * 100 + dayOfMonth;
  let d = dayCache.get(key);
  if (d === undefined) {
    d = Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
    dayCache.set(key, d);
  }
  return d;
}

/** First and last day of the synthetic period. */
export const W0: Day = day(2016, 1, 1);
export const W1: Day = day(2021, 12, 31);
export const YEARS: readonly number[] = [2016, 2017, 2018, 2019, 2020, 2021];
/** "Never": later than any date the generator writes. */
export const NEVER: Day = day(2200, 1, 1);

const BASE = day(1900, 1, 1);
const SPAN = day(2031, 1, 1) - BASE;
const textCache: (string | undefined)[] = new Array<string | undefined>(SPAN);
const yearCache = new Int16Array(SPAN);

function fill(d: Day): void {
  const i = d - BASE;
  const iso = new Date(d * MS_PER_DAY).toISOString();
  textCache[i] = iso.slice(0, 10);
  yearCache[i] = Number(iso.slice(0, 4));
}

/** YYYY-MM-DD. */
export function fmt(d: Day): string {
  const i = d - BASE;
  if (i < 0 || i >= SPAN) return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
  const cached = textCache[i];
  if (cached !== undefined) return cached;
  fill(d);
  return textCache[i] as string;
}

export function yearOf(d: Day): number {
  const i = d - BASE;
  if (i < 0 || i >= SPAN) return new Date(d * MS_PER_DAY).getUTCFullYear();
  if (textCache[i] === undefined) fill(d);
  return yearCache[i] as number;
}

export function yearStart(y: number): Day {
  return day(y, 1, 1);
}

export function yearEnd(y: number): Day {
  return day(y, 12, 31);
}

/** Age in whole years on day d of someone born on day b. */
export function ageOn(b: Day, d: Day): number {
  return Math.floor((d - b) / 365.2425);
}

export function years(n: number): number {
  return Math.round(n * 365.2425);
}

export function clampDay(d: Day, lo: Day, hi: Day): Day {
  return d < lo ? lo : d > hi ? hi : d;
}
