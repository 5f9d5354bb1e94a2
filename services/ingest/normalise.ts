// Normalisers for identifiers that tie owners together: phones, addresses, accounts, ID numbers, names.
import { NormaliseError } from "./errors.ts";

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space become their half-width forms. */
export function toHalfWidth(value: string): string {
  if (!FULL_WIDTH.test(value)) return value;
  return value.replace(FULL_WIDTH_ALL, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const PHONE_NOISE = /[\s\-.()]/g;
const PHONE = /^\+?\d{3,20}$/;

/** `+86 (138) 0013-8000` → `13800138000`; throws NormaliseError when no phone number is left. */
export function normalisePhone(value: string): string {
  let phone = toHalfWidth(value).replace(PHONE_NOISE, "");
  if (phone.startsWith("+86")) phone = phone.slice(3);
  else if (phone.startsWith("0086")) phone = phone.slice(4);
  if (!PHONE.test(phone)) throw new NormaliseError(`not a phone number (${value})`);
  return phone;
}

/** Whitespace that separates nothing: next to a character other than an ASCII letter or digit. */
const LOOSE_SPACE = /\s+(?=[^0-9A-Za-z\s])|(?<=[^0-9A-Za-z\s])\s+/g;

/** Trimmed, half-width ASCII; whitespace dropped next to Chinese (people write `李家村 2组` and
 *  `李家村2组` for one place) and collapsed to one space between ASCII words. */
export function normaliseAddress(value: string): string {
  const address = toHalfWidth(value).replace(LOOSE_SPACE, "").replace(/\s+/g, " ").trim();
  if (address.length === 0) throw new NormaliseError("empty address");
  return address;
}

const NOT_ALNUM = /[^0-9A-Za-z]/g;

/** Digits and letters only, upper-case: `6222 0200-1234 5678` → `6222020012345678`. */
export function normaliseAccount(value: string): string {
  const account = toHalfWidth(value).replace(NOT_ALNUM, "").toUpperCase();
  if (account.length === 0) throw new NormaliseError(`not an account number (${value})`);
  return account;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = "10X98765432";
const ID_SHAPE = /^\d{17}[\dX]$/;

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID number. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? "";
}

/** An 18-character resident ID number, half-width with an upper-case X, whose check digit holds. */
export function normaliseIdNumber(value: string): string {
  const id = toHalfWidth(value).replace(/\s+/g, "").toUpperCase();
  if (!ID_SHAPE.test(id)) throw new NormaliseError(`not an 18-character ID number (${value})`);
  if (idCheckDigit(id) !== id[17]) throw new NormaliseError(`bad check digit (${value})`);
  return id;
}

/** Trimmed, internal whitespace runs collapsed to one space; everything else kept as written. */
export function normaliseName(value: string): string {
  const name = value.replace(/[\s\u3000]+/g, " ").trim();
  if (name.length === 0) throw new NormaliseError("empty name");
  return name;
}
