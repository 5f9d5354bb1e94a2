// Schemas of tips.csv and cases.csv: villagers' reports and earlier disciplinary cases.
import { z } from "zod";
import { CASE_OUTCOMES, FIELDS, TIP_CHANNELS } from "./enums.ts";
import { amount, date, id, idList, oneOf, text } from "./fields.ts";

export const tips = z.object({
  tip_id: id,
  received_date: date,
  channel: oneOf(TIP_CHANNELS).optional(),
  subject_ids: idList,
  summary: text.optional(),
});

export const cases = z.object({
  case_id: id,
  opened_date: date,
  closed_date: date.optional(),
  subject_ids: idList,
  typology: text.optional(),
  field: oneOf(FIELDS).optional(),
  amount: amount.optional(),
  outcome: oneOf(CASE_OUTCOMES).optional(),
});
