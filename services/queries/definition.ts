// A saved query: a Cypher text whose leading `//` lines hold a YAML header (the same style as the
// detectors in cypher/flags), validated with zod. Parameters declare type, bounds and defaults;
// every query is bounded by an integer `limit` parameter that its text uses (`LIMIT $limit`).
import { z } from "zod";
import { CypherHeaderError, defaultProblem, type ParameterSpec, parameterSpecs, splitHeader } from "../graph/index.ts";
import { type Refusal, staticCheck } from "./safety.ts";
import { tokenize } from "./tokenizer.ts";
import { AppError } from "../errors.ts";

export const QUERY_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export { isIsoDate, PARAM_TYPES } from "../graph/index.ts";

/** A saved query's parameter: the one parameter model (services/graph/params.ts). */
export type QueryParameter = ParameterSpec;

export const queryHeader = z
  .object({
    name: z.string().regex(QUERY_NAME, "kebab-case: lower-case words joined by '-'").max(80),
    title: z.string().min(1).max(200),
    title_zh: z.string().min(1).max(200),
    description: z.string().min(1).max(4000),
    /** Detector ids (cypher/flags) whose scheme the query looks for. */
    schemes: z.array(z.string().regex(/^[A-Z][A-Z_]+$/)).default([]),
    /** The query returns nodes, relationships or paths worth drawing. */
    graph: z.boolean().default(false),
    parameters: parameterSpecs,
  })
  .strict();

export type QueryHeader = z.infer<typeof queryHeader>;

export interface QueryDefinition extends QueryHeader {
  /** builtin: cypher/saved/*.cypher (cannot be overwritten); saved: written by an analyst, versioned in Neo4j. */
  source: "builtin" | "saved";
  /** The whole text as written: header and Cypher. */
  text: string;
  /** The Cypher after the header. */
  cypher: string;
  /** 1-based line of the file where the Cypher starts. */
  cypherLine: number;
  /** Saved queries: the version, its author and time. */
  version?: number;
  author?: string;
  updatedAt?: string;
}

export interface DefinitionIssue {
  where: string;
  message: string;
  line?: number;
  column?: number;
}

/** The text is not a valid query definition: header, parameters or static safety. */
export class QueryDefinitionError extends AppError {
  override name = "QueryDefinitionError";
  constructor(
    readonly file: string,
    readonly issues: DefinitionIssue[],
    /** Set when the issues are safety refusals. */
    readonly refusals: Refusal[] = [],
  ) {
    super("refused", `${file}: ${issues.map((i) => `${i.line !== undefined ? `${i.line}:${i.column ?? 1}: ` : ""}${i.where ? `${i.where}: ` : ""}${i.message}`).join("; ")}`);
  }

  /** Each issue as a field of the saved text (`body.text:parameters.limit`) with its line:column. */
  override extensions(): Record<string, unknown> {
    return {
      errors: this.issues.map((i) => ({ field: `body.text${i.where ? `:${i.where}` : ""}`, message: `${i.line !== undefined ? `line ${i.line}:${i.column ?? 1}: ` : ""}${i.message}` })),
      ...(this.refusals.length > 0 ? { refusals: this.refusals } : {}),
    };
  }
}

/** The `$name` parameters the Cypher uses. */
export function usedParameters(cypher: string): Set<string> {
  return new Set(tokenize(cypher).filter((t) => t.kind === "param").map((t) => t.text));
}

/**
 * Parses and validates a query file: header (zod), parameters against their use in the Cypher,
 * the `limit` bound, and the static safety check. `expectedName`: the file stem or the URL name,
 * which the header's name must equal (filled in when the header omits it).
 */
export function parseQuery(text: string, file: string, options: { expectedName?: string; source?: "builtin" | "saved" } = {}): QueryDefinition {
  let split;
  try {
    split = splitHeader(text, file);
  } catch (error) {
    if (error instanceof CypherHeaderError) throw new QueryDefinitionError(file, [{ where: "header", message: error.message.replace(`${file}: `, "") }]);
    throw error;
  }
  const raw = split.header ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) throw new QueryDefinitionError(file, [{ where: "header", message: "the header must be a YAML mapping in leading // lines" }]);
  const headerInput = { ...(raw as Record<string, unknown>) };
  if (headerInput.name === undefined && options.expectedName) headerInput.name = options.expectedName;
  const parsed = queryHeader.safeParse(headerInput);
  if (!parsed.success) {
    throw new QueryDefinitionError(
      file,
      parsed.error.issues.map((i) => ({ where: i.path.join(".") || "header", message: i.message })),
    );
  }
  const header = parsed.data;
  const issues: DefinitionIssue[] = [];
  if (options.expectedName && header.name !== options.expectedName) {
    issues.push({ where: "name", message: `is ${header.name} but must be ${options.expectedName}` });
  }
  for (const [name, p] of Object.entries(header.parameters)) {
    const problem = defaultProblem(name, p);
    if (problem) issues.push({ where: `parameters.${name}`, message: problem });
  }
  const cypher = split.body;
  if (cypher.length === 0) issues.push({ where: "cypher", message: "no Cypher after the header" });

  const refusals = staticCheck(cypher, split.bodyLine);
  if (refusals.length > 0) {
    throw new QueryDefinitionError(
      file,
      refusals.map((r) => ({ where: r.rule, message: r.message, line: r.line, column: r.column })),
      refusals,
    );
  }
  const used = usedParameters(cypher);
  for (const name of used) if (!(name in header.parameters)) issues.push({ where: `parameters`, message: `$${name} is used but not declared` });
  for (const name of Object.keys(header.parameters)) if (!used.has(name)) issues.push({ where: `parameters.${name}`, message: "is declared but not used" });
  const limit = header.parameters.limit;
  if (!limit || limit.type !== "integer" || typeof limit.default !== "number" || limit.max === undefined || (limit.min ?? 0) < 1) {
    issues.push({ where: "parameters.limit", message: "every query is bounded: declare `limit: { type: integer, default, min: 1, max }` and end with LIMIT $limit" });
  } else if (!/\bLIMIT\s+\$limit\b/i.test(cypher)) {
    issues.push({ where: "cypher", message: "the query must end its result with LIMIT $limit" });
  }
  if (!/\bRETURN\b/i.test(cypher)) issues.push({ where: "cypher", message: "the query has no RETURN" });
  if (issues.length > 0) throw new QueryDefinitionError(file, issues);

  return { ...header, source: options.source ?? "builtin", text, cypher, cypherLine: split.bodyLine };
}
