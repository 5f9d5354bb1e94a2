// Read-only guard for saved queries, in two layers that must both agree before anything runs:
//  1. static: a tokenizer that skips strings, comments and backticked names finds write and admin
//     clauses, LOAD CSV, USE, CALL { … } IN TRANSACTIONS, and any procedure or function outside the
//     allow-lists, each reported with its line and column;
//  2. EXPLAIN in a READ transaction (nothing runs): the plan's query type must be read ("r"), and
//     its operators may not load CSV, call a procedure outside the allow-list or run a SHOW command.
// At run time the query is then executed in a READ transaction (the server refuses writes) that is
// rolled back, so even a gap in both layers could not change the database.
import { createHash } from "node:crypto";
import { CypherCompileError, explain, type Explained, type Graph } from "../graph/index.ts";
import { type Token, TokenizeError, tokenize } from "./tokenizer.ts";
import { AppError } from "../errors.ts";

export type RefusalRule =
  | "syntax"
  | "write"
  | "admin"
  | "load-csv"
  | "use"
  | "transactions"
  | "procedure"
  | "function"
  | "multiple-statements"
  | "query-options"
  | "not-read-only"
  | "plan";

export interface Refusal {
  rule: RefusalRule;
  message: string;
  /** 1-based, in the file or text as submitted (header lines included) when known. */
  line?: number;
  column?: number;
}

export class QueryRefusedError extends AppError {
  override name = "QueryRefusedError";
  constructor(
    readonly refusals: Refusal[],
    where = "the query",
  ) {
    super("refused", `${where} was refused: ${refusals.map(describeRefusal).join("; ")}`);
  }

  override extensions(): Record<string, unknown> {
    return { refusals: this.refusals };
  }
}

export function describeRefusal(r: Refusal): string {
  return r.line !== undefined ? `${r.line}:${r.column ?? 1}: ${r.message}` : r.message;
}

/** Read-only procedures a saved query may CALL. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
]);

/** Built-in Cypher functions (Neo4j 5), compared case-insensitively. */
const BUILTIN_FUNCTIONS = new Set(
  [
    // aggregating
    "avg", "collect", "count", "max", "min", "percentileCont", "percentileDisc", "stDev", "stDevP", "sum",
    // lists
    "keys", "labels", "nodes", "range", "reduce", "relationships", "reverse", "tail", "toBooleanList", "toFloatList",
    "toIntegerList", "toStringList",
    // numeric, logarithmic, trigonometric
    "abs", "ceil", "floor", "isNaN", "rand", "round", "sign", "e", "exp", "log", "log10", "sqrt", "acos", "asin", "atan",
    "atan2", "cos", "cot", "degrees", "haversin", "pi", "radians", "sin", "tan",
    // predicates
    "all", "any", "exists", "isEmpty", "none", "single",
    // scalar
    "char_length", "character_length", "coalesce", "elementId", "endNode", "head", "id", "last", "length", "nullIf",
    "properties", "randomUUID", "size", "startNode", "timestamp", "toBoolean", "toBooleanOrNull", "toFloat",
    "toFloatOrNull", "toInteger", "toIntegerOrNull", "type", "valueType",
    // strings
    "btrim", "left", "lower", "ltrim", "normalize", "replace", "right", "rtrim", "split", "substring", "toLower",
    "toString", "toStringOrNull", "toUpper", "trim", "upper",
    // temporal and spatial constructors
    "date", "datetime", "localdatetime", "localtime", "time", "duration", "point", "distance",
    // path patterns written like functions
    "shortestPath", "allShortestPaths",
  ].map((f) => f.toLowerCase()),
);

/** Namespaced built-in functions: these prefixes (temporal, spatial, vector) and these names. */
const ALLOWED_FUNCTION_PREFIXES = ["date.", "datetime.", "localdatetime.", "localtime.", "time.", "duration.", "point.", "vector.similarity."];
const ALLOWED_NAMESPACED_FUNCTIONS = new Set(["db.namefromelementid"]);

const WRITE_CLAUSES = new Set(["CREATE", "MERGE", "SET", "DELETE", "DETACH", "NODETACH", "REMOVE", "FOREACH", "INSERT"]);
const ADMIN_COMMANDS = new Set(["DROP", "ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "SHOW", "TERMINATE", "START", "STOP", "ENABLE", "DEALLOCATE", "REALLOCATE"]);
/** What administration commands act on: `SHOW USERS`, `STOP DATABASE x`, `TERMINATE TRANSACTIONS`, … */
const ADMIN_OBJECTS = new Set([
  "DATABASE", "DATABASES", "USER", "USERS", "ROLE", "ROLES", "PRIVILEGE", "PRIVILEGES", "TRANSACTION", "TRANSACTIONS",
  "SERVER", "SERVERS", "ALIAS", "ALIASES", "CONSTRAINT", "CONSTRAINTS", "INDEX", "INDEXES", "PROCEDURE", "PROCEDURES",
  "FUNCTION", "FUNCTIONS", "SETTING", "SETTINGS", "CURRENT", "HOME", "DEFAULT", "COMPOSITE", "BUILT", "USER", "ALL",
  "POPULATED", "EXISTENCE", "UNIQUENESS", "KEY", "RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR", "BTREE",
]);

/** Keywords that may be followed by `(` without being a function call. */
const NOT_FUNCTIONS = new Set([
  "MATCH", "OPTIONAL", "WHERE", "AND", "OR", "XOR", "NOT", "IN", "RETURN", "WITH", "UNWIND", "AS", "CASE", "WHEN", "THEN",
  "ELSE", "END", "DISTINCT", "ORDER", "BY", "SKIP", "OFFSET", "LIMIT", "UNION", "CALL", "YIELD", "ON", "IS", "CONTAINS",
  "STARTS", "ENDS", "ASC", "DESC", "ASCENDING", "DESCENDING", "SHORTEST", "PATHS", "GROUPS", "REPEATABLE", "DIFFERENT",
  "ELEMENTS", "WALK", "ACYCLIC", "TRAIL", "NULL", "TRUE", "FALSE", "COLLECT", "COUNT", "EXISTS",
]);

function isPunct(t: Token | undefined, text: string): boolean {
  return t !== undefined && t.kind === "punct" && t.text === text;
}

function isName(t: Token | undefined): t is Token {
  return t !== undefined && (t.kind === "word" || t.kind === "quoted");
}

/** A dotted name starting at `start` (`db.index.fulltext.queryNodes`): its text and the index after it. */
function dottedName(tokens: Token[], start: number): { name: string; end: number } {
  let name = tokens[start]?.text ?? "";
  let k = start + 1;
  while (isPunct(tokens[k], ".") && isName(tokens[k + 1])) {
    name += `.${tokens[k + 1]?.text}`;
    k += 2;
  }
  return { name, end: k };
}

function functionAllowed(name: string): boolean {
  const lower = name.toLowerCase();
  if (!lower.includes(".")) return BUILTIN_FUNCTIONS.has(lower);
  return ALLOWED_NAMESPACED_FUNCTIONS.has(lower) || ALLOWED_FUNCTION_PREFIXES.some((p) => lower.startsWith(p) && lower.length > p.length);
}

/**
 * Static check of a query text. `firstLine` is the line number of the text's first line in the file
 * (so positions point into the file as submitted). Returns every refusal found, in text order.
 */
export function staticCheck(text: string, firstLine = 1): Refusal[] {
  let tokens: Token[];
  try {
    tokens = tokenize(text, firstLine);
  } catch (error) {
    if (error instanceof TokenizeError) return [{ rule: "syntax", message: error.message, line: error.line, column: error.column }];
    throw error;
  }
  const out: Refusal[] = [];
  const refuse = (t: Token, rule: RefusalRule, message: string) => out.push({ rule, message, line: t.line, column: t.column });
  if (tokens.length === 0) return [{ rule: "syntax", message: "the query is empty", line: firstLine, column: 1 }];

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.kind === "punct" && t.text === ";") {
      refuse(t, "multiple-statements", "one statement only: remove the ';'");
      continue;
    }
    if (t.kind !== "word") continue;
    // A property (n.set), a label or type (:Delete) or a map key ({create: 1}) is not a keyword.
    if (isPunct(prev, ".") || isPunct(prev, ":")) continue;
    if (isPunct(next, ":") && (isPunct(prev, "{") || isPunct(prev, ","))) continue;
    const upper = t.text.toUpperCase();

    if (i === 0 && (upper === "EXPLAIN" || upper === "PROFILE" || upper === "CYPHER")) {
      refuse(t, "query-options", `${upper} and query options are not allowed in a saved query`);
      continue;
    }
    if (WRITE_CLAUSES.has(upper)) {
      if (upper === "DELETE" && prev?.kind === "word" && ["DETACH", "NODETACH"].includes(prev.text.toUpperCase())) continue;
      refuse(t, "write", `${upper} writes to the database; saved queries are read-only`);
      continue;
    }
    // An administration command opens a statement (or a subquery) or names what it acts on;
    // elsewhere these words are ordinary names (a variable called `start`).
    if (ADMIN_COMMANDS.has(upper)) {
      const following = next?.kind === "word" ? next.text.toUpperCase() : "";
      if (i === 0 || isPunct(prev, "{") || isPunct(prev, "}") || ADMIN_OBJECTS.has(following)) {
        refuse(t, "admin", `${upper} ${following ? `${following} ` : ""}is an administration command; saved queries may only read the graph`);
        continue;
      }
    }
    if (upper === "LOAD") {
      refuse(t, "load-csv", "LOAD CSV reads files or URLs; saved queries may only read the graph");
      continue;
    }
    if (upper === "USE") {
      refuse(t, "use", "USE switches to another database; saved queries run on the county graph only");
      continue;
    }
    if (upper === "TRANSACTIONS") {
      refuse(t, "transactions", "CALL { … } IN TRANSACTIONS commits in batches (a write construct); not allowed");
      continue;
    }
    if (upper === "CALL") {
      if (isPunct(next, "{") || isPunct(next, "(")) continue; // a subquery: its body is checked like the rest
      if (isName(next)) {
        const { name } = dottedName(tokens, i + 1);
        if (!ALLOWED_PROCEDURES.has(name)) {
          refuse(next, "procedure", `procedure ${name} is not allowed (allowed: ${[...ALLOWED_PROCEDURES].join(", ")})`);
        }
        i += 1; // the procedure name is not a function call
        continue;
      }
      continue;
    }
    // A function call: a (dotted) name followed by `(`.
    const { name, end } = dottedName(tokens, i);
    if (isPunct(tokens[end], "(")) {
      const single = end === i + 1;
      if (!(single && NOT_FUNCTIONS.has(upper)) && !functionAllowed(name)) {
        refuse(t, "function", `function ${name} is not allowed: only built-in functions may be used`);
      }
    }
    i = end - 1;
  }
  return out;
}

/** Checks an EXPLAIN plan: read-only query type, and no LOAD CSV, SHOW or procedure outside the allow-list. */
export function planCheck(plan: Explained): Refusal[] {
  const out: Refusal[] = [];
  if (plan.queryType !== "r") {
    const what = plan.queryType === "rw" || plan.queryType === "w" ? "writes to the database" : plan.queryType === "s" ? "changes the schema or the system" : `is of type ${plan.queryType}`;
    out.push({ rule: "not-read-only", message: `the database reports that this query ${what} (EXPLAIN query type "${plan.queryType}", read-only is "r")` });
  }
  for (const op of plan.operators) {
    if (op.operator === "LoadCSV") out.push({ rule: "load-csv", message: "the plan loads a CSV file or URL" });
    else if (op.operator.startsWith("Show") || op.operator.startsWith("Terminate")) out.push({ rule: "admin", message: `the plan runs an administration command (${op.operator})` });
    else if (op.operator.includes("ProcedureCall")) {
      const name = /^\s*([\w.`]+)\s*\(/.exec(op.details ?? "")?.[1]?.replace(/`/g, "");
      if (!name || !ALLOWED_PROCEDURES.has(name)) out.push({ rule: "procedure", message: `the plan calls procedure ${name ?? "(unknown)"}, which is not allowed` });
    }
  }
  return out;
}

/** Texts that passed EXPLAIN on a database in this process (the plan's type does not change). */
const explained = new Set<string>();
const MAX_EXPLAINED = 10_000;

function explainedKey(graph: Graph, text: string): string {
  return `${graph.uri}|${graph.database}|${createHash("sha256").update(text).digest("hex")}`;
}

/**
 * Refuses `text` unless both checks pass: statically first (the database is not asked about a text
 * that is refused already), then by EXPLAIN. `firstLine` positions messages in the submitted file.
 * The static check runs every time; EXPLAIN once per text and database in this process unless
 * `fresh`. Throws QueryRefusedError listing every reason.
 */
export async function assertReadOnly(graph: Graph, text: string, options: { firstLine?: number; where?: string; fresh?: boolean } = {}): Promise<void> {
  const firstLine = options.firstLine ?? 1;
  const refusals = staticCheck(text, firstLine);
  if (refusals.length > 0) throw new QueryRefusedError(refusals, options.where);
  const key = explainedKey(graph, text);
  if (!options.fresh && explained.has(key)) return;
  let plan: Explained;
  try {
    plan = await explain(graph, text);
  } catch (error) {
    if (error instanceof CypherCompileError) {
      const position = error.position ? { line: error.position.line + firstLine - 1, column: error.position.column } : {};
      throw new QueryRefusedError([{ rule: "syntax", message: `Neo4j cannot compile the query: ${error.message.replace(/\s*\(line \d+, column \d+ \(offset: \d+\)\)/, "")}`, ...position }], options.where);
    }
    throw error;
  }
  const planned = planCheck(plan);
  if (planned.length > 0) throw new QueryRefusedError(planned, options.where);
  if (explained.size >= MAX_EXPLAINED) explained.clear();
  explained.add(key);
}
