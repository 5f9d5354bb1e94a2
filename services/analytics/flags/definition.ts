// A detector definition: the YAML header of a cypher/flags/*.cypher file, validated with zod.
import { z } from "zod";
import { splitHeader } from "../../graph/header.ts";
import { AppError } from "../../errors.ts";

const parameter = z.object({
  type: z.enum(["integer", "number", "string", "boolean", "date", "list"]),
  default: z.unknown(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** The name of a county baseline (services/analytics/scores/baselines.ts) that replaces the default
   *  when the run has measured it; an explicit override still wins. */
  learned: z.string().optional(),
  description: z.string().min(1),
});

export const flagHeader = z.object({
  id: z.string().regex(/^[A-Z][A-Z_]+$/),
  title: z.string().min(1),
  title_zh: z.string().min(1),
  typology: z.string().min(1),
  description: z.string().min(1),
  weight: z.number().gt(0).lte(1),
  /** Stage: most flags run first; "after_communities" flags read communityId. */
  stage: z.enum(["entities", "after_communities"]).default("entities"),
  parameters: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), parameter).default({}),
});

export type FlagHeader = z.infer<typeof flagHeader>;
export type FlagParameter = z.infer<typeof parameter>;

export interface FlagDefinition extends FlagHeader {
  file: string;
  cypher: string;
}

export class FlagDefinitionError extends AppError {
  override name = "FlagDefinitionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("invalid", message, options);
  }
}

export function parseFlag(text: string, file: string): FlagDefinition {
  const { header, body } = splitHeader(text, file);
  const parsed = flagHeader.safeParse(header);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join(".") || "(header)"}: ${i.message}`).join("; ");
    throw new FlagDefinitionError(`${file}: ${where}`);
  }
  if (!/\bRETURN\b/i.test(body)) throw new FlagDefinitionError(`${file}: the query has no RETURN`);
  return { ...parsed.data, file, cypher: body };
}
