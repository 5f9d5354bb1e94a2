// Error middleware: the one place an error becomes an HTTP status. Errors of the services' model
// (services/errors.ts) map by kind; body-parser errors carry their own 4xx; anything else is a 500
// whose internals stay in the log.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { AppError, type ErrorKind, NotFoundError } from "../errors.ts";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  [extra: string]: unknown;
}

/** Each kind's HTTP status. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  busy: 409,
  too_large: 413,
  refused: 422,
  failed: 422,
  internal: 500,
  unavailable: 503,
  timeout: 503,
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  422: "Unprocessable Content",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function internal(instance: string): Problem {
  return { type: "about:blank", title: "Internal Server Error", status: 500, detail: "an unexpected error occurred", instance };
}

function problemOf(error: unknown, instance: string): Problem {
  if (error instanceof AppError) {
    const status = STATUS_OF_KIND[error.kind];
    if (status === 500) return internal(instance);
    return { type: "about:blank", title: TITLES[status] ?? "Error", status, detail: error.detail, instance, ...error.extensions() };
  }
  // Body-parser errors carry a status and a type.
  const e = error as { status?: number; type?: string; message?: string };
  if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
    return { type: "about:blank", title: "Bad Request", status: e.status, detail: e.type === "entity.parse.failed" ? "request body is not valid JSON" : (e.message ?? "bad request"), instance };
  }
  return internal(instance);
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const problem = problemOf(error, req.originalUrl);
    if (problem.status >= 500) logger.error({ err: error, url: req.originalUrl }, "request failed");
    res.status(problem.status).type("application/problem+json").json(problem);
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`no route for ${req.method} ${req.path}`));
};
