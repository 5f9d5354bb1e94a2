// The OpenAPI 3.1 document is generated from the routes' own zod schemas: every route is in it,
// secured by the bearer scheme, with its roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RISK_READERS } from "../../../services/api/auth/roles.ts";
import { type Harness, type Loose, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  api = await startApi({ fixture: false });
});
afterAll(async () => api?.close());

const ROUTES = [
  "get /api/v1/entities",
  "get /api/v1/entities/{id}",
  "get /api/v1/entities/{id}/neighbourhood",
  "get /api/v1/entities/{id}/risk",
  "get /api/v1/risk/ranking",
  "post /api/v1/risk/batch",
  "get /api/v1/paths",
  "get /api/v1/communities",
  "get /api/v1/communities/{id}",
  "get /api/v1/alerts",
  "get /api/v1/alerts/{id}",
  "post /api/v1/alerts/{id}/triage",
  "post /api/v1/analysis/runs",
  "get /api/v1/analysis/runs/{id}",
  "post /api/v1/entities/{id}/unmask",
  "post /api/v1/imports",
  "put /api/v1/imports/uploads/{upload}/{file}",
  "get /api/v1/imports/{id}",
  "get /api/v1/audit",
  "get /api/v1/audit/export.jsonl",
  "post /api/v1/session",
  "get /api/v1/session",
  "delete /api/v1/session",
  "get /api/v1/keys",
  "get /api/v1/keys/me",
  "post /api/v1/keys",
  "delete /api/v1/keys/{id}",
  "get /api/v1/queries",
  "get /api/v1/queries/{name}",
  "post /api/v1/queries/{name}/run",
  "put /api/v1/queries/{name}",
  "delete /api/v1/queries/{name}",
  "get /api/v1/queries/{name}/versions",
  "get /api/v1/query-runs",
  "get /api/v1/queries/{name}/export.csv",
  "post /api/v1/queries/{name}/export.csv",
  "post /api/v1/subgraph",
  "get /api/v1/schema",
];

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document with every route, the bearer scheme and the roles", async () => {
    const r = await api.get("/api/openapi.json", null);
    expect(r.status).toBe(200);
    const doc = r.body;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const operations: string[] = [];
    for (const [p, item] of Object.entries(doc.paths as Record<string, Record<string, Loose>>)) {
      for (const [method, op] of Object.entries(item)) {
        operations.push(`${method} ${p}`);
        if (!p.startsWith("/api/v1/")) continue;
        // Logging in is the one open route under /api/v1 (it takes the key in its body).
        if (method === "post" && p === "/api/v1/session") {
          expect(op.security).toEqual([]);
          continue;
        }
        expect(op.security, `${method} ${p}`).toEqual([{ bearerAuth: [] }]);
        expect(op["x-roles"].length, `${method} ${p}`).toBeGreaterThan(0);
        expect(op.responses["401"].content["application/problem+json"], `${method} ${p}`).toBeDefined();
        expect(op.responses["403"], `${method} ${p}`).toBeDefined();
      }
    }
    expect(operations.sort()).toEqual([...ROUTES, "get /health/live", "get /health/ready"].sort());
    expect(doc.paths["/api/v1/entities/{id}/risk"].get["x-roles"]).toEqual([...RISK_READERS]);
    expect(RISK_READERS).toContain("consumer");
    expect(doc.paths["/api/v1/audit"].get["x-roles"]).toEqual(["auditor"]);
    const ranking = doc.paths["/api/v1/risk/ranking"].get.parameters.map((p: { name: string }) => p.name);
    expect(ranking).toEqual(expect.arrayContaining(["type", "region", "minScore", "flag", "limit", "cursor"]));
  });

  it("documents each problem response with the Problem schema", async () => {
    const doc = (await api.get("/api/openapi.json", null)).body;
    expect(doc.components.schemas.Problem.properties).toHaveProperty("detail");
    expect(doc.paths["/api/v1/entities/{id}"].get.responses["404"].content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
  });
});
