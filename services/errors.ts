// The one error model: every error the services raise on purpose is an AppError with a kind that
// says what went wrong, not where. The API maps kinds to HTTP statuses in one place
// (services/api/problem.ts); the CLIs print the message. Subclasses keep their own names so tests
// and logs can tell them apart.

/** What went wrong, in terms a caller can act on. */
export const ERROR_KINDS = [
  /** The input is malformed: a field, a parameter, a row. */
  "invalid",
  /** No credentials, or unknown ones. */
  "unauthenticated",
  /** The caller may not do this. */
  "forbidden",
  /** The thing named does not exist. */
  "not_found",
  /** The request contradicts the current state (a name taken, a stale version). */
  "conflict",
  /** The same work is already running; try later. */
  "busy",
  /** The input is larger than allowed. */
  "too_large",
  /** The caller asked too often; try again after a while. */
  "rate_limited",
  /** Well-formed but not allowed: a query that is not read-only, an invalid definition. */
  "refused",
  /** Understood and started, then failed because of what was asked (a query's run-time error). */
  "failed",
  /** A dependency (Neo4j, a plugin) cannot be reached or lacks what is needed. */
  "unavailable",
  /** The work ran past its time limit and was stopped. */
  "timeout",
  /** A fault on our side: a broken file in cypher/, a misuse of an internal API. */
  "internal",
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** One failed field: where (`body.params.limit`, `query.to`) and why. */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** What a client may read; the message unless the subclass words it for the client. */
  get detail(): string {
    return this.message;
  }

  /** Extension members for the problem document (field errors, refusals, codes). */
  extensions(): Record<string, unknown> {
    return {};
  }
}

/** The thing named does not exist. */
export class NotFoundError extends AppError {
  override name = "NotFoundError";
  constructor(message: string) {
    super("not_found", message);
  }
}

/** The request contradicts the current state. */
export class ConflictError extends AppError {
  override name = "ConflictError";
  constructor(message: string) {
    super("conflict", message);
  }
}

/** Fields that failed validation, each named; the message lists them all. */
export class ValidationError extends AppError {
  override name = "ValidationError";
  constructor(
    readonly errors: FieldError[],
    message = errors.map((e) => `${e.field}: ${e.message}`).join("; "),
  ) {
    super("invalid", message);
  }

  override extensions(): Record<string, unknown> {
    return { errors: this.errors };
  }
}

/** The kind of any error: an AppError's own, `internal` for anything else. */
export function kindOf(error: unknown): ErrorKind {
  return error instanceof AppError ? error.kind : "internal";
}
