// Sealing of a valid row before it is written: identity numbers, phones, bank accounts and exact
// birth dates become keyed tokens (see services/store/vault.ts), the clear values going to the vault.
// Rows are sealed after validation, so errors still name the values as written and ids as given.
import type { z } from "zod";
import type { BundleFile } from "./files.ts";
import { account, idNumber, phone } from "./schemas/fields.ts";

export type SealedKind = "idNumber" | "birthDate" | "phone" | "account";

/** Turns a normalised value into its token and keeps the value for the vault (VaultSealer). */
export interface RowSealer {
  token(kind: SealedKind, clear: string): string;
  flush(): Promise<void>;
}

/** Where the clear identifiers go while the graph gets their tokens (services/store/vault.ts). */
export interface SealingVault {
  sealer(): RowSealer;
}

const KIND_OF_TYPE = new Map<z.ZodType, SealedKind>([
  [idNumber, "idNumber"],
  [phone, "phone"],
  [account, "account"],
]);

/** Columns whose type is an identifier; birth dates by name (the year is kept apart). */
function sealedColumns(spec: BundleFile): [string, SealedKind][] {
  const out: [string, SealedKind][] = [];
  for (const [column, type] of Object.entries(spec.schema.shape) as [string, z.ZodType][]) {
    const inner = type.def.type === "optional" ? (type.def as unknown as { innerType: z.ZodType }).innerType : type;
    const kind = KIND_OF_TYPE.get(inner);
    if (kind) out.push([column, kind]);
  }
  if (spec.columns.includes("birth_date")) out.push(["birth_date", "birthDate"]);
  return out;
}

const cache = new WeakMap<BundleFile, [string, SealedKind][]>();

/**
 * The row with its identifiers sealed (a copy; the row itself is untouched). A birth date also
 * gives `birth_year`. Items of `subject_ids` that are accounts sealed in this import are sealed too.
 */
export function sealRow(spec: BundleFile, row: Record<string, unknown>, sealer: RowSealer, accounts?: Set<string>): Record<string, unknown> {
  let columns = cache.get(spec);
  if (!columns) cache.set(spec, (columns = sealedColumns(spec)));
  const subjects = row.subject_ids;
  if (columns.length === 0 && !(accounts && Array.isArray(subjects))) return row;
  const out = { ...row };
  for (const [column, kind] of columns) {
    const value = row[column];
    if (typeof value !== "string") continue;
    if (kind === "birthDate") out.birth_year = Number(value.slice(0, 4));
    if (kind === "account") accounts?.add(value);
    out[column] = sealer.token(kind, value);
  }
  if (accounts && Array.isArray(subjects)) out.subject_ids = subjects.map((s: string) => (accounts.has(s) ? sealer.token("account", s) : s));
  return out;
}
