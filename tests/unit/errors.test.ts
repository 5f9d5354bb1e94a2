// The one error model: every kind has one HTTP status, and the errors the services raise carry the
// kind (and the problem members) the API used to map by hand, class by class.
import express from "express";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { AnalysisBusyError } from "../../services/analytics/run.ts";
import { errorHandler, STATUS_OF_KIND } from "../../services/api/problem.ts";
import { AppError, ERROR_KINDS, kindOf, NotFoundError } from "../../services/errors.ts";
import { GraphUnavailableError, QueryExecutionError, QueryTimeoutError } from "../../services/graph/index.ts";
import { BuiltinQueryError, QueryDefinitionError, QueryNotFoundError, ParameterError, QueryRefusedError, VersionConflictError } from "../../services/queries/index.ts";

/** The problem document the error middleware answers for `error`. */
async function problemOf(error: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const app = express();
  app.get("/x", () => {
    throw error;
  });
  app.use(errorHandler(pino({ level: "silent" })));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/x`);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } finally {
    server.close();
  }
}

describe("the error model", () => {
  it("gives every kind a status", () => {
    expect(Object.keys(STATUS_OF_KIND).sort()).toEqual([...ERROR_KINDS].sort());
    expect(kindOf(new Error("plain"))).toBe("internal");
  });

  it("answers the catalogue's and runner's errors as the hand mapping did", async () => {
    expect(await problemOf(new QueryNotFoundError("x"))).toEqual({ status: 404, body: { type: "about:blank", title: "Not Found", status: 404, detail: "no saved query x", instance: "/x" } });
    expect((await problemOf(new BuiltinQueryError("x"))).status).toBe(409);
    expect((await problemOf(new VersionConflictError("x", 2))).body).toMatchObject({ status: 409, title: "Conflict", detail: "x changed since version 2: reload it and save again" });
    expect((await problemOf(new ParameterError([{ field: "body.params.limit", message: "too big" }]))).body).toMatchObject({
      status: 400,
      title: "Bad Request",
      detail: "body.params.limit: too big",
      errors: [{ field: "body.params.limit", message: "too big" }],
    });
    const refusal = { rule: "write" as const, message: "CREATE writes", line: 2, column: 1 };
    expect((await problemOf(new QueryRefusedError([refusal], "query q"))).body).toMatchObject({ status: 422, title: "Unprocessable Content", detail: "query q was refused: 2:1: CREATE writes", refusals: [refusal] });
    expect((await problemOf(new QueryDefinitionError("q", [{ where: "parameters.limit", message: "missing", line: 3, column: 4 }]))).body).toMatchObject({
      status: 422,
      errors: [{ field: "body.text:parameters.limit", message: "line 3:4: missing" }],
    });
    expect((await problemOf(new QueryTimeoutError(2000))).body).toMatchObject({ status: 503, title: "Service Unavailable", detail: "the query did not finish within 2000 ms and was stopped", timeoutMs: 2000 });
    const byZero = (await problemOf(new QueryExecutionError("/ by zero", "Neo.ClientError.Statement.ArithmeticError"))).body;
    expect(byZero).toMatchObject({ status: 422, detail: "the query failed in the database: an arithmetic error (a division by zero or a number out of range)", reason: "arithmetic" });
    // Neo4j's words and codes stay in the log and the run record (issue 11, finding 6).
    expect(JSON.stringify(byZero)).not.toMatch(/\/ by zero|Neo\.|ClientError/);
    expect((await problemOf(new QueryExecutionError("Cannot coerce STRING to INTEGER", "Neo.ClientError.Statement.TypeError"))).body).toMatchObject({ reason: "type" });
    expect(JSON.stringify((await problemOf(new QueryExecutionError("odd", "Neo.ClientError.Statement.Whatever"))).body)).not.toContain("odd");
  });

  it("answers a busy analysis with 409 and hides what is not for clients", async () => {
    expect((await problemOf(new AnalysisBusyError())).body).toMatchObject({ status: 409, title: "Conflict", detail: "another analysis run is in progress" });
    expect((await problemOf(new GraphUnavailableError("connect ECONNREFUSED 127.0.0.1:7687"))).body).toMatchObject({ status: 503, detail: "the graph database is unavailable" });
    expect((await problemOf(new AppError("internal", "cypher/flags/X.cypher is broken"))).body).toMatchObject({ status: 500, detail: "an unexpected error occurred" });
    expect((await problemOf(new TypeError("x is undefined"))).body).toMatchObject({ status: 500, detail: "an unexpected error occurred" });
    expect((await problemOf(new NotFoundError("no entity P9"))).body).toMatchObject({ status: 404, detail: "no entity P9" });
  });
});
