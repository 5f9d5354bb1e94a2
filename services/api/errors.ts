// Typed HTTP-facing errors; the error middleware turns every error into application/problem+json (RFC 9457).
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export class NotFoundError extends HttpError {
  override name = "NotFoundError";
  constructor(detail: string) {
    super(404, "Not Found", detail);
  }
}

export class ValidationError extends HttpError {
  override name = "ValidationError";
  constructor(detail: string, readonly errors: { field: string; message: string }[]) {
    super(400, "Bad Request", detail, { errors });
  }
}

export class UnauthorizedError extends HttpError {
  override name = "UnauthorizedError";
  constructor(detail = "a valid API key is required (Authorization: Bearer <key>)") {
    super(401, "Unauthorized", detail);
  }
}

export class ForbiddenError extends HttpError {
  override name = "ForbiddenError";
  constructor(detail: string) {
    super(403, "Forbidden", detail);
  }
}

export class ConflictError extends HttpError {
  override name = "ConflictError";
  constructor(detail: string) {
    super(409, "Conflict", detail);
  }
}
