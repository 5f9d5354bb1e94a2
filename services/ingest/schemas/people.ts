// Schemas of regions.csv, persons.csv, households.csv, household_moves.csv, posts.csv and kinship.csv.
import { z } from "zod";
import { GENDERS, KIN_RELATIONS, POST_ROLES, REGION_LEVELS } from "./enums.ts";
import { account, address, bool, date, id, idNumber, name, oneOf, phone, text } from "./fields.ts";

export const regions = z.object({
  region_id: id,
  name: name,
  level: oneOf(REGION_LEVELS),
  parent_id: id.optional(),
});

export const persons = z.object({
  person_id: id,
  name: name,
  gender: oneOf(GENDERS).optional(),
  birth_date: date.optional(),
  death_date: date.optional(),
  id_number: idNumber.optional(),
  household_id: id.optional(),
  region_id: id.optional(),
  phone: phone.optional(),
  address: address.optional(),
  bank_account: account.optional(),
  public_employee: bool.optional(),
  employer: text.optional(),
});

export const households = z.object({
  household_id: id,
  region_id: id,
  address: address.optional(),
  head_person_id: id.optional(),
  split_from: id.optional(),
  created_date: date.optional(),
});

export const householdMoves = z.object({
  person_id: id,
  household_id: id,
  date: date,
  from_household_id: id.optional(),
});

export const posts = z.object({
  person_id: id,
  region_id: id,
  role: oneOf(POST_ROLES),
  title: text.optional(),
  start_date: date,
  end_date: date.optional(),
});

export const kinship = z.object({
  person_id: id,
  relative_id: id,
  relation: oneOf(KIN_RELATIONS),
  declared: bool.optional(),
});
