// Error middleware: the one place an error becomes an HTTP status. Errors of the services' model
// (services/errors.ts) map by kind; body-parser errors carry their own 4xx; anything else is a 500
// whose internals stay in the log.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { STATUS_CODES } from "node:http";
import { AppError, type ErrorKind, NotFoundError } from "../errors.ts";
import { answered } from "./audit/middleware.ts";

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
  rate_limited: 429,
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
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
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
  // Body-parser errors carry a status and a type; each status keeps its own title, and the
  // parser's own words are replaced by a sentence of ours.
  const e = error as { status?: number; type?: string; message?: string };
  if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
    return { type: "about:blank", title: STATUS_CODES[e.status] ?? "Bad Request", status: e.status, detail: BODY_ERRORS[e.type ?? ""] ?? "the request body cannot be read", instance };
  }
  return internal(instance);
}

/** What body-parser's error types mean, in our words. */
const BODY_ERRORS: Record<string, string> = {
  "entity.parse.failed": "request body is not valid JSON",
  "entity.too.large": "the request body is larger than this route accepts",
  "encoding.unsupported": "the request body's character encoding is not supported (send UTF-8)",
  "charset.unsupported": "the request body's character set is not supported (send UTF-8)",
  "request.aborted": "the request body was not received in full",
  "request.size.invalid": "the request body's length does not match Content-Length",
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    // An answer already began (a request timeout answered 503, a stream broke): nothing more to send.
    if (answered(res)) {
      if (!res.writableEnded) res.destroy();
      return;
    }
    const problem = problemOf(error, req.originalUrl);
    if (problem.status >= 500) logger.error({ err: error, url: req.originalUrl }, "request failed");
    res.status(problem.status).type("application/problem+json").json(problem);
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`no route for ${req.method} ${req.path}`));
};
