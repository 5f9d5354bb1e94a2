// Column types shared by the bundle schemas: each checks a trimmed, non-empty string and converts it.
// Conversions run as zod checks that replace the value (much faster than zod transforms on big bundles).
import { z } from "zod";
import { NormaliseError } from "../errors.ts";
import { normaliseAccount, normaliseAddress, normaliseIdNumber, normaliseName, normalisePhone } from "../normalise.ts";

/** Returned by a converter to reject a value with a reason. */
export class Invalid {
  constructor(readonly reason: string) {}
}

export type Convert<T> = (raw: string) => T | Invalid;

/** The converter behind each column type, so that a row parser can be compiled from a schema (see rows.ts). */
export const CONVERTERS = new WeakMap<z.ZodType, Convert<unknown>>();

/** Runs a converter, turning a NormaliseError into an Invalid. */
export function convertCell<T>(convert: Convert<T>, raw: string): T | Invalid {
  try {
    return convert(raw);
  } catch (error) {
    if (!(error instanceof NormaliseError)) throw error;
    return new Invalid(error.message);
  }
}

const requiredString = z.string({ error: (issue) => (issue.input === undefined ? "required" : "not text") });
CONVERTERS.set(requiredString, (v) => v);

/** A required column converted by `convert`; `.optional()` makes it optional. */
export function column<T>(convert: Convert<T>): z.ZodType<T, string> {
  const type = requiredString.check((ctx) => {
    const result = convertCell(convert, ctx.value);
    if (result instanceof Invalid) ctx.issues.push({ code: "custom", message: result.reason, input: ctx.value });
    else (ctx as { value: unknown }).value = result;
  }) as unknown as z.ZodType<T, string>;
  CONVERTERS.set(type, convert);
  return type;
}

const ID = /^[^\s,;"]{1,200}$/;

/** An identifier: up to 200 characters without spaces, commas, semicolons or quotes. */
export const id = column((v) => (ID.test(v) ? v : new Invalid(`not an id (${v})`)));

/** Free text, as written (already trimmed). */
export const text = requiredString;

export const name = column(normaliseName);
export const phone = column(normalisePhone);
export const address = column(normaliseAddress);
export const account = column(normaliseAccount);
export const idNumber = column(normaliseIdNumber);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date written YYYY-MM-DD, kept as that string (Cypher turns it into a date). */
export const date = column((v) => {
  const m = DATE.exec(v);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const max = month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
    if (year >= 1800 && day >= 1 && day <= max) return v;
  }
  return new Invalid(`not a date (${v})`);
});

const DECIMAL = /^\d+(\.\d+)?$/;

/** A non-negative decimal amount in yuan. */
export const amount = column((v) => {
  if (DECIMAL.test(v)) return Number(v);
  return new Invalid(/^-\d+(\.\d+)?$/.test(v) ? `negative amount (${v})` : `not an amount (${v})`);
});

/** A fraction from 0 to 1. */
export const share = column((v) => {
  const n = DECIMAL.test(v) ? Number(v) : NaN;
  if (n >= 0 && n <= 1) return n;
  return new Invalid(Number.isNaN(Number(v)) ? `not a number (${v})` : `not between 0 and 1 (${v})`);
});

export const year = column((v) => (/^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= 2200 ? Number(v) : new Invalid(`not a year (${v})`)));

export const bool = column((v) => (v === "true" ? true : v === "false" ? false : new Invalid(`not true or false (${v})`)));

/** One of a fixed set of values, exactly as written. */
export function oneOf<const T extends readonly string[]>(values: T): z.ZodType<T[number], string> {
  const allowed = new Set<string>(values);
  return column((v) => (allowed.has(v) ? (v as T[number]) : new Invalid(`not one of ${values.join(", ")} (${v})`)));
}

/** A `;`-separated list of ids (blank items dropped); required means at least one item. */
export const idList = column((v) => {
  const items = v.split(";").map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) return new Invalid("required");
  const bad = items.find((s) => !ID.test(s));
  return bad === undefined ? items : new Invalid(`not an id (${bad})`);
});

/** Columns of a schema that may not be empty. */
export function requiredColumns(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, type]) => !(type as z.ZodType).safeParse(undefined).success)
    .map(([key]) => key);
}
