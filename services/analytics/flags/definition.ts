// A detector definition: the YAML header of a cypher/flags/*.cypher file, validated with zod.
// Parameters follow the one model of services/graph/params.ts (shared with saved queries), and
// every detector parameter has a default.
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { checkParameter, defaultProblem, PARAM_NAME, parameterFields, type ParameterSpec, splitHeader } from "../../graph/index.ts";

const parameter = parameterFields
  .extend({
    /** The name of a county baseline (services/analytics/scores/baselines.ts) that replaces the default
     *  when the run has measured it; an explicit override still wins. */
    learned: z.string().optional(),
  })
  .strict()
  .superRefine(checkParameter)
  .refine((p) => p.default !== undefined && p.default !== null, { message: "a detector parameter needs a default", path: ["default"] });

export const flagHeader = z.object({
  id: z.string().regex(/^[A-Z][A-Z_]+$/),
  title: z.string().min(1),
  title_zh: z.string().min(1),
  typology: z.string().min(1),
  description: z.string().min(1),
  weight: z.number().gt(0).lte(1),
  /** Stage: most flags run first; "after_communities" flags read communityId. */
  stage: z.enum(["entities", "after_communities"]).default("entities"),
  parameters: z.record(z.string().regex(PARAM_NAME, "camelCase starting with a letter"), parameter).default({}),
});

export type FlagHeader = z.infer<typeof flagHeader>;
export type FlagParameter = ParameterSpec;

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
  const defaults = Object.entries(parsed.data.parameters).flatMap(([name, p]) => defaultProblem(name, p) ?? []);
  if (defaults.length > 0) throw new FlagDefinitionError(`${file}: ${defaults.join("; ")}`);
  if (!/\bRETURN\b/i.test(body)) throw new FlagDefinitionError(`${file}: the query has no RETURN`);
  return { ...parsed.data, file, cypher: body };
}
