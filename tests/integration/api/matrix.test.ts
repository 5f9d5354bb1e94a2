// The authorisation matrix, generated from the OpenAPI document (issue 11): every documented route
// × every role, and without a key, with a malformed one, a revoked one and an expired session.
// A role the route lists gets past authentication and the role check (any status but 401 and 403);
// any other role gets 403; the four bad credentials get 401.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../../services/api/auth/roles.ts";
import { type Harness, startApi } from "../../support/api.ts";

let api: Harness;
let revokedKey: string;
let expiredCookie: string;

/** Sample path parameters: safe values that name nothing harmful (a contract file name is refused before any write). */
const SAMPLES: Record<string, string> = { id: "P1", name: "kin-subsidies-of-cadre", upload: "matrixtest", file: "not-a-bundle-file.txt" };

interface Operation {
  method: string;
  path: string;
  roles: Role[];
}

const operations: Operation[] = [];

beforeAll(async () => {
  api = await startApi();
  const doc = (await api.get("/api/openapi.json", null)).body as { paths: Record<string, Record<string, { "x-roles"?: Role[]; security?: unknown[] }>> };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      // Open routes (health, the document, log-in) have no roles to check.
      if (!op["x-roles"] || (Array.isArray(op.security) && op.security.length === 0)) continue;
      operations.push({ method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, (_m, p: string) => SAMPLES[p] ?? "x"), roles: op["x-roles"] });
    }
  }
  const created = await api.call("POST", "/api/v1/keys", { as: "admin", body: { name: "matrix revoked", role: "admin" } });
  revokedKey = created.body.key;
  await api.call("DELETE", `/api/v1/keys/${created.body.id}`, { as: "admin" });
  const login = await fetch(`${api.url}/api/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key: api.keys.admin }) });
  expiredCookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const session = [...api.app.store.sessions.values()].find((s) => s.keyId === api.keyIds.admin);
  if (session) await api.app.store.sessions.put(session.id, { ...session, expiresAt: new Date(Date.now() - 60_000).toISOString() });
}, 300_000);
afterAll(async () => api?.close());

/** A body every route refuses before doing anything (an array where an object is due). */
async function send(op: Operation, headers: Record<string, string>): Promise<number> {
  const withBody = op.method === "POST" || op.method === "PUT";
  const r = await fetch(api.url + op.path, { method: op.method, headers: { ...headers, ...(withBody ? { "content-type": "application/json" } : {}) }, body: withBody ? "[]" : undefined });
  await r.arrayBuffer();
  return r.status;
}

describe("authorisation matrix from the OpenAPI document", () => {
  it("covers every documented route with roles", () => {
    expect(operations.length).toBeGreaterThanOrEqual(34);
  });

  it("lets each listed role through, answers 403 to the others and 401 to bad credentials", async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      for (const role of ROLES) {
        const status = await send(op, { authorization: `Bearer ${api.keys[role]}` });
        const allowed = op.roles.includes(role);
        if (allowed ? status === 401 || status === 403 : status !== 403) wrong.push(`${op.method} ${op.path} as ${role}: ${status}`);
      }
      for (const [what, headers] of [
        ["no key", {}],
        ["malformed key", { authorization: "Bearer not-a-key" }],
        ["revoked key", { authorization: `Bearer ${revokedKey}` }],
        ["expired session", { cookie: expiredCookie, "x-csrf-token": "x" }],
      ] as const) {
        const status = await send(op, headers);
        if (status !== 401) wrong.push(`${op.method} ${op.path} with ${what}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 900_000);
});
