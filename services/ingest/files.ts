// The bundle file registry: each file's schema, id column, references and date order, in load order.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { requiredColumns, SCHEMAS, type FileName } from "./schemas/index.ts";

/** What an id names. Every kind but `transfer` becomes an (:Entity) node. */
export type Kind = "region" | "person" | "household" | "company" | "account" | "project" | "program" | "grant" | "transfer" | "tip" | "case";

/** The kinds a `tips.subject_ids` or `cases.subject_ids` item may name. */
export const ENTITY_KINDS: readonly Kind[] = ["region", "person", "household", "company", "account", "project", "program", "grant", "tip", "case"];

export interface Reference {
  column: string;
  to: readonly Kind[];
}

export interface BundleFile {
  name: FileName;
  schema: z.ZodObject;
  /** All columns of the contract, in contract order. */
  columns: readonly string[];
  /** Columns that must be present and non-empty. */
  required: readonly string[];
  id?: { column: string; kind: Kind };
  refs: readonly Reference[];
  /** Pairs [earlier, later] of date columns: when both are given, later ≥ earlier. */
  dateOrder: readonly (readonly [string, string])[];
  /** Columns naming an account that need not appear in accounts.csv (it becomes an Account node). */
  accountMentions: readonly string[];
  /** Adds derived columns to a valid row (e.g. the asset id). */
  prepare?: (row: Record<string, unknown>) => void;
}

/** The stable id of an asset row: a hash of its fields, so importing twice merges the same node. */
export function assetId(row: Record<string, unknown>): string {
  const key = JSON.stringify([row.owner_id, row.kind, row.value ?? null, row.registered_date ?? null, row.description ?? null]);
  return `asset-${createHash("sha1").update(key).digest("hex").slice(0, 20)}`;
}

type Spec = Omit<BundleFile, "schema" | "columns" | "required" | "refs" | "dateOrder" | "accountMentions"> &
  Partial<Pick<BundleFile, "refs" | "dateOrder" | "accountMentions">>;

function file(spec: Spec): BundleFile {
  const schema = SCHEMAS[spec.name] as unknown as z.ZodObject;
  return {
    refs: [],
    dateOrder: [],
    accountMentions: [],
    ...spec,
    schema,
    columns: Object.keys(schema.shape),
    required: requiredColumns(schema),
  };
}

const P = ["person"] as const;
const R = ["region"] as const;
const H = ["household"] as const;
const C = ["company"] as const;
const OWNER = ["person", "company"] as const;

/**
 * Load order: files whose rows have ids (nodes) first, so that their references can be resolved
 * (and rejections propagated) before the files that only tie them together are read.
 */
export const BUNDLE_FILES: readonly BundleFile[] = [
  file({ name: "regions", id: { column: "region_id", kind: "region" }, refs: [{ column: "parent_id", to: R }] }),
  file({ name: "programs", id: { column: "program_id", kind: "program" } }),
  file({
    name: "persons",
    id: { column: "person_id", kind: "person" },
    refs: [
      { column: "household_id", to: H },
      { column: "region_id", to: R },
    ],
    dateOrder: [["birth_date", "death_date"]],
    accountMentions: ["bank_account"],
  }),
  file({
    name: "households",
    id: { column: "household_id", kind: "household" },
    refs: [
      { column: "region_id", to: R },
      { column: "head_person_id", to: P },
      { column: "split_from", to: H },
    ],
  }),
  file({ name: "companies", id: { column: "company_id", kind: "company" }, refs: [{ column: "region_id", to: R }], accountMentions: ["bank_account"] }),
  file({ name: "accounts", id: { column: "account_id", kind: "account" }, refs: [{ column: "owner_id", to: OWNER }] }),
  file({
    name: "projects",
    id: { column: "project_id", kind: "project" },
    refs: [
      { column: "region_id", to: R },
      { column: "approved_by", to: P },
      { column: "awarded_to", to: C },
    ],
  }),
  file({
    name: "grants",
    id: { column: "grant_id", kind: "grant" },
    refs: [
      { column: "program_id", to: ["program"] },
      { column: "beneficiary_id", to: P },
      { column: "region_id", to: R },
      { column: "approved_by", to: P },
    ],
    accountMentions: ["account"],
  }),
  file({ name: "tips", id: { column: "tip_id", kind: "tip" }, refs: [{ column: "subject_ids", to: ENTITY_KINDS }] }),
  file({
    name: "cases",
    id: { column: "case_id", kind: "case" },
    refs: [{ column: "subject_ids", to: ENTITY_KINDS }],
    dateOrder: [["opened_date", "closed_date"]],
  }),
  file({
    name: "household_moves",
    refs: [
      { column: "person_id", to: P },
      { column: "household_id", to: H },
      { column: "from_household_id", to: H },
    ],
  }),
  file({
    name: "posts",
    refs: [
      { column: "person_id", to: P },
      { column: "region_id", to: R },
    ],
    dateOrder: [["start_date", "end_date"]],
  }),
  file({
    name: "kinship",
    refs: [
      { column: "person_id", to: P },
      { column: "relative_id", to: P },
    ],
  }),
  file({
    name: "company_roles",
    refs: [
      { column: "person_id", to: P },
      { column: "company_id", to: C },
    ],
    dateOrder: [["start_date", "end_date"]],
  }),
  file({
    name: "bids",
    refs: [
      { column: "project_id", to: ["project"] },
      { column: "company_id", to: C },
    ],
  }),
  file({
    name: "transfers",
    id: { column: "transfer_id", kind: "transfer" },
    refs: [
      { column: "from_account", to: ["account"] },
      { column: "to_account", to: ["account"] },
    ],
  }),
  file({ name: "assets", refs: [{ column: "owner_id", to: OWNER }], prepare: (row) => void (row.asset_id = assetId(row)) }),
];

/** Files whose ids other rows may reference: their rows' validity is settled before the rest is read. */
export function isReferenced(f: BundleFile): boolean {
  return f.id !== undefined && f.id.kind !== "transfer";
}

export const FILE_BY_NAME: ReadonlyMap<string, BundleFile> = new Map(BUNDLE_FILES.map((f) => [f.name, f]));
