// Errors only the HTTP layer raises (authentication and roles); every other error comes from the
// one model in services/errors.ts, and services/api/problem.ts turns each into problem+json.
import { AppError } from "../errors.ts";

export class UnauthorizedError extends AppError {
  override name = "UnauthorizedError";
  constructor(message = "a valid API key is required (Authorization: Bearer <key>)") {
    super("unauthenticated", message);
  }
}

export class ForbiddenError extends AppError {
  override name = "ForbiddenError";
  constructor(message: string) {
    super("forbidden", message);
  }
}
