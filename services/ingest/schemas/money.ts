// Schemas of projects.csv, bids.csv, programs.csv and grants.csv.
import { z } from "zod";
import { FIELDS, PROCUREMENT_METHODS } from "./enums.ts";
import { account, amount, bool, date, id, name, oneOf, text, year } from "./fields.ts";

export const projects = z.object({
  project_id: id,
  name: name,
  region_id: id,
  field: oneOf(FIELDS),
  budget: amount,
  method: oneOf(PROCUREMENT_METHODS),
  announce_date: date.optional(),
  deadline_date: date.optional(),
  award_date: date.optional(),
  approved_by: id.optional(),
  awarded_to: id.optional(),
  award_amount: amount.optional(),
});

export const bids = z.object({
  project_id: id,
  company_id: id,
  amount: amount,
  submitted_date: date.optional(),
  deposit_account: account.optional(),
  preparer: text.optional(),
  disqualified: bool.optional(),
});

export const programs = z.object({
  program_id: id,
  name: name,
  field: oneOf(FIELDS),
  means_tested: bool,
});

export const grants = z.object({
  grant_id: id,
  program_id: id,
  beneficiary_id: id,
  region_id: id,
  year: year,
  approved_amount: amount.optional(),
  paid_amount: amount,
  paid_date: date,
  approved_by: id.optional(),
  account: account.optional(),
});
