// Error middleware: maps typed errors to RFC 9457 problem documents; hides internals on 5xx.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { GraphUnavailableError } from "../graph/index.ts";
import { STATUS_CODES } from "node:http";
import { answered } from "./audit/middleware.ts";
import { HttpError, NotFoundError } from "./errors.ts";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  [extra: string]: unknown;
}

function problemOf(error: unknown, instance: string): Problem {
  if (error instanceof HttpError) {
    return { type: "about:blank", title: error.title, status: error.status, detail: error.message, instance, ...error.extra };
  }
  if (error instanceof GraphUnavailableError) {
    return { type: "about:blank", title: "Service Unavailable", status: 503, detail: "the graph database is unavailable", instance };
  }
  // Body-parser errors carry a status and a type; each status keeps its own title, and the
  // parser's own words are replaced by a sentence of ours.
  const e = error as { status?: number; type?: string; message?: string };
  if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
    return { type: "about:blank", title: STATUS_CODES[e.status] ?? "Bad Request", status: e.status, detail: BODY_ERRORS[e.type ?? ""] ?? "the request body cannot be read", instance };
  }
  return { type: "about:blank", title: "Internal Server Error", status: 500, detail: "an unexpected error occurred", instance };
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
