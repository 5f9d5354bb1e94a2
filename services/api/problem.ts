// Error middleware: maps typed errors to RFC 9457 problem documents; hides internals on 5xx.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { GraphUnavailableError } from "../graph/index.ts";
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
  // Body-parser errors carry a status and a type.
  const e = error as { status?: number; type?: string; message?: string };
  if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
    return { type: "about:blank", title: "Bad Request", status: e.status, detail: e.type === "entity.parse.failed" ? "request body is not valid JSON" : (e.message ?? "bad request"), instance };
  }
  return { type: "about:blank", title: "Internal Server Error", status: 500, detail: "an unexpected error occurred", instance };
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
