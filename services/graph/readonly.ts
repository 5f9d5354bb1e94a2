// Read-only access for analysts' queries: EXPLAIN a text without running it, and stream a query's
// records from a READ transaction that is always rolled back (never committed), under a timeout.
import neo4j, { isNode, isPath, isRelationship, Neo4jError } from "neo4j-driver";
import type { Integer, Record as Neo4jRecord } from "neo4j-driver";
import type { Graph, Params } from "./client.ts";
import { type PlainNode, type PlainRelationship, toPlain } from "./convert.ts";
import { AppError } from "../errors.ts";
import { GraphUnavailableError } from "./errors.ts";

/** A position in the text given to `explain` or `streamRead` (1-based). */
export interface TextPosition {
  line: number;
  column: number;
}

export interface ExplainedOperator {
  /** Operator name without the runtime suffix: `ProcedureCall`, `LoadCSV`, `Create`, … */
  operator: string;
  /** The operator's details (for ProcedureCall: the signature, `db.labels() :: (label :: STRING)`). */
  details: string | null;
}

export interface Explained {
  /** The driver's summary.queryType: `r` (read), `rw`, `w` (write) or `s` (schema / system). */
  queryType: string;
  operators: ExplainedOperator[];
}

/** The database refused to compile the text (syntax, semantic or type error), with where when known. */
export class CypherCompileError extends AppError {
  override name = "CypherCompileError";
  constructor(
    message: string,
    readonly code: string,
    readonly position: TextPosition | undefined,
  ) {
    super("refused", message);
  }
}

/** The transaction ran past its timeout and the server stopped it. */
export class QueryTimeoutError extends AppError {
  override name = "QueryTimeoutError";
  constructor(readonly timeoutMs: number) {
    super("timeout", `the query did not finish within ${timeoutMs} ms and was stopped`);
  }

  override extensions(): Record<string, unknown> {
    return { timeoutMs: this.timeoutMs };
  }
}

/** The server refused or failed the query at run time (a client error such as a type error). */
/** What a failed run tells its caller, by Neo4j's status code: our words, never the server's. */
const EXECUTION_REASONS: [RegExp, string, string][] = [
  [/MemoryLimit|MemoryPool/i, "memory", "the query needed more memory than one query may use; narrow it or aggregate earlier"],
  [/\.ArithmeticError$/, "arithmetic", "an arithmetic error (a division by zero or a number out of range)"],
  [/\.TypeError$/, "type", "a value of the wrong type for an operation or function"],
  [/\.ArgumentError$/, "argument", "a function was given an argument it cannot use"],
  [/\.EntityNotFound$/, "deleted", "a node or relationship was deleted while the query read it"],
  [/\.(SyntaxError|SemanticError)$/, "syntax", "the text is not valid Cypher"],
];

/**
 * A saved query that failed while running. `message` (Neo4j's own words) goes to the log and the
 * run record; the answer says only `reason` and a sentence of ours (issue 11: no server text in bodies).
 */
export class QueryExecutionError extends AppError {
  override name = "QueryExecutionError";
  readonly reason: string;
  private readonly sentence: string;
  constructor(
    message: string,
    readonly code: string,
  ) {
    super("failed", message);
    const found = EXECUTION_REASONS.find(([pattern]) => pattern.test(code));
    this.reason = found?.[1] ?? "failed";
    this.sentence = found?.[2] ?? "an error in the database";
  }

  override get detail(): string {
    return `the query failed in the database: ${this.sentence}`;
  }

  override extensions(): Record<string, unknown> {
    return { reason: this.reason };
  }
}

const TIMEOUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  "Neo.TransientError.Transaction.Terminated",
  "Neo.ClientError.Transaction.Terminated",
  "Neo.TransientError.Transaction.LockClientStopped",
]);

function codeOf(error: unknown): string {
  return error instanceof Neo4jError ? error.code : "";
}

/** The position of a compile error in the text as given (the EXPLAIN prefix line removed). */
function positionOf(error: Neo4jError, lineShift: number): TextPosition | undefined {
  const raw = (error.diagnosticRecord as { _position?: { line?: unknown; column?: unknown } } | undefined)?._position;
  let line: number | undefined;
  let column: number | undefined;
  if (raw && raw.line !== undefined && raw.column !== undefined) {
    line = neo4j.isInt(raw.line) ? (raw.line as Integer).toNumber() : Number(raw.line);
    column = neo4j.isInt(raw.column) ? (raw.column as Integer).toNumber() : Number(raw.column);
  } else {
    const match = /\(line (\d+), column (\d+)/.exec(error.message);
    if (match) {
      line = Number(match[1]);
      column = Number(match[2]);
    }
  }
  if (line === undefined || column === undefined || !Number.isFinite(line) || !Number.isFinite(column)) return undefined;
  return { line: Math.max(1, line - lineShift), column };
}

function unavailable(error: unknown): boolean {
  const code = codeOf(error);
  return code === "ServiceUnavailable" || code === "SessionExpired" || code.startsWith("Neo.TransientError.General");
}

/**
 * Compiles `query` with EXPLAIN in a READ transaction that is rolled back: nothing runs. Compile
 * errors become CypherCompileError with the position in `query`; a plan that takes longer than
 * the timeout (default 60 s), QueryTimeoutError.
 */
export async function explain(graph: Graph, query: string, options: { timeoutMs?: number } = {}): Promise<Explained> {
  try {
    return await graph.withSession("READ", async (session) => {
      const tx = session.beginTransaction({ timeout: options.timeoutMs ?? 60_000, metadata: { app: "saved-queries", explain: true } });
      try {
        // The prefix sits on a line of its own, so the query's lines keep their numbers (shifted by one).
        const result = await tx.run(`EXPLAIN\n${query}`);
        const operators: ExplainedOperator[] = [];
        const walk = (plan: unknown) => {
          if (!plan || typeof plan !== "object") return;
          const p = plan as { operatorType?: string; arguments?: Record<string, unknown>; children?: unknown[] };
          const details = p.arguments?.Details ?? p.arguments?.Signature;
          operators.push({ operator: String(p.operatorType ?? "").replace(/@.*$/, ""), details: typeof details === "string" ? details : null });
          for (const child of p.children ?? []) walk(child);
        };
        walk(result.summary.plan);
        return { queryType: result.summary.queryType, operators };
      } finally {
        await tx.rollback().catch(() => undefined);
      }
    });
  } catch (error) {
    // Planning that outlives the timeout says nothing about the text: not a compile error.
    if (TIMEOUT_CODES.has(codeOf(error))) throw new QueryTimeoutError(options.timeoutMs ?? 60_000);
    if (error instanceof Neo4jError && error.code.startsWith("Neo.ClientError.")) {
      throw new CypherCompileError(error.message.split("\n")[0] ?? error.message, error.code, positionOf(error, 1));
    }
    if (unavailable(error)) throw new GraphUnavailableError(`Neo4j is unavailable: ${(error as Error).message}`, { cause: error });
    // Neo4j's parser fails on some texts with an internal error (an index out of bounds): the text is
    // what it could not read, so it is refused like a syntax error, without the server's words.
    if (error instanceof Neo4jError && (error.code.startsWith("Neo.DatabaseError.") || /^5/.test(error.gqlStatus ?? ""))) {
      throw new CypherCompileError("Neo4j could not read the query (its parser failed)", error.code, undefined);
    }
    throw error;
  }
}

/** One record as plain values, with the nodes and relationships found anywhere in it. */
export interface StreamedRecord {
  row: Record<string, unknown>;
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

export interface StreamOptions {
  timeoutMs: number;
  /** Records delivered at most; one more is read to tell whether the result was truncated. */
  maxRecords: number;
  metadata?: Record<string, unknown>;
}

export interface StreamResult {
  keys: string[];
  records: number;
  truncated: boolean;
}

function collectElements(value: unknown, nodes: PlainNode[], relationships: PlainRelationship[], depth = 0): void {
  if (value === null || value === undefined || typeof value !== "object" || depth > 8) return;
  if (isNode(value)) {
    nodes.push(toPlain(value) as PlainNode);
  } else if (isRelationship(value)) {
    relationships.push(toPlain(value) as PlainRelationship);
  } else if (isPath(value)) {
    nodes.push(toPlain(value.start) as PlainNode);
    for (const segment of value.segments) {
      relationships.push(toPlain(segment.relationship) as PlainRelationship);
      nodes.push(toPlain(segment.end) as PlainNode);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) collectElements(item, nodes, relationships, depth + 1);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) collectElements(item, nodes, relationships, depth + 1);
  }
}

function streamed(record: Neo4jRecord): StreamedRecord {
  const nodes: PlainNode[] = [];
  const relationships: PlainRelationship[] = [];
  const row: Record<string, unknown> = {};
  for (const key of record.keys) {
    const value = record.get(key);
    row[String(key)] = toPlain(value);
    collectElements(value, nodes, relationships);
  }
  return { row, nodes, relationships };
}

/**
 * Runs `query` in a READ transaction (the server refuses any write in it) with a timeout, hands
 * each record to `onRecord` as it arrives, stops after `maxRecords`, and rolls the transaction back.
 */
export async function streamRead(
  graph: Graph,
  query: string,
  params: Params,
  options: StreamOptions,
  onRecord: (record: StreamedRecord, keys: string[]) => void | Promise<void>,
): Promise<StreamResult> {
  try {
    return await graph.withSession("READ", async (session) => {
      const tx = session.beginTransaction({ timeout: options.timeoutMs, metadata: { app: "saved-queries", ...options.metadata } });
      try {
        const result = tx.run(query, params);
        const keys = (await result.keys()).map(String);
        let records = 0;
        let truncated = false;
        for await (const record of result) {
          if (records >= options.maxRecords) {
            truncated = true;
            break;
          }
          records += 1;
          await onRecord(streamed(record), keys);
        }
        return { keys, records, truncated };
      } finally {
        await tx.rollback().catch(() => undefined);
      }
    });
  } catch (error) {
    const code = codeOf(error);
    if (TIMEOUT_CODES.has(code)) throw new QueryTimeoutError(options.timeoutMs);
    if (/MemoryLimit|MemoryPool/i.test(code)) {
      throw new QueryExecutionError("the query needed more memory than one query may use; narrow it or aggregate earlier", code);
    }
    if (error instanceof Neo4jError && code.startsWith("Neo.ClientError.")) {
      throw new QueryExecutionError(error.message.split("\n")[0] ?? error.message, code);
    }
    if (unavailable(error)) throw new GraphUnavailableError(`Neo4j is unavailable: ${(error as Error).message}`, { cause: error });
    throw error;
  }
}
