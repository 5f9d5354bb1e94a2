// Schemas of companies.csv, company_roles.csv, accounts.csv, transfers.csv and assets.csv.
import { z } from "zod";
import { ASSET_KINDS, COMPANY_ROLES, COMPANY_STATUSES } from "./enums.ts";
import { account, address, amount, date, id, name, oneOf, phone, share, text } from "./fields.ts";

export const companies = z.object({
  company_id: id,
  name: name,
  region_id: id.optional(),
  registered_date: date.optional(),
  status: oneOf(COMPANY_STATUSES).optional(),
  address: address.optional(),
  phone: phone.optional(),
  bank_account: account.optional(),
});

export const companyRoles = z.object({
  person_id: id,
  company_id: id,
  role: oneOf(COMPANY_ROLES),
  share: share.optional(),
  start_date: date.optional(),
  end_date: date.optional(),
});

/** The account id is the normalised account number. */
export const accounts = z.object({
  account_id: account,
  owner_id: id,
  bank: text.optional(),
  opened_date: date.optional(),
});

export const transfers = z.object({
  transfer_id: id,
  from_account: account,
  to_account: account,
  amount: amount,
  date: date,
});

export const assets = z.object({
  owner_id: id,
  kind: oneOf(ASSET_KINDS),
  value: amount.optional(),
  registered_date: date.optional(),
  description: text.optional(),
});
