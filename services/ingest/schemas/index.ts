// The zod schema of every bundle file, by file stem.
import { accounts, assets, companies, companyRoles, transfers } from "./business.ts";
import { bids, grants, programs, projects } from "./money.ts";
import { cases, tips } from "./oversight.ts";
import { householdMoves, households, kinship, persons, posts, regions } from "./people.ts";

export const SCHEMAS = {
  regions,
  persons,
  households,
  household_moves: householdMoves,
  posts,
  kinship,
  companies,
  company_roles: companyRoles,
  accounts,
  projects,
  bids,
  programs,
  grants,
  transfers,
  assets,
  tips,
  cases,
} as const;

export type FileName = keyof typeof SCHEMAS;

export * from "./enums.ts";
export { Invalid, column, requiredColumns } from "./fields.ts";
