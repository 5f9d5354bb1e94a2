// Authentication and roles over HTTP: 401 without a valid key, 403 for a role a route does not
// allow (deny by default across every route), key management, and the bootstrap admin key.
import { mkdtemp, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBootstrapKey, hashKey } from "../../../services/api/auth/keys.ts";
import { ROLES, type Role, maskIdNumber } from "../../../services/api/auth/roles.ts";
import { type Harness, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

/** Every route with a valid request and the roles that may call it. */
const ROUTES: { method: string; path: string; body?: unknown; roles: Role[] }[] = [
  { method: "GET", path: "/api/v1/entities?q=P1", roles: ["investigator", "analyst", "admin"] },
  { method: "GET", path: "/api/v1/entities/P1", roles: ["investigator", "analyst", "admin"] },
  { method: "GET", path: "/api/v1/entities/P1/neighbourhood", roles: ["investigator", "analyst", "admin"] },
  { method: "GET", path: "/api/v1/entities/P1/risk", roles: ["consumer", "investigator", "analyst", "admin"] },
  { method: "GET", path: "/api/v1/risk/ranking", roles: ["consumer", "investigator", "analyst", "admin"] },
  { method: "POST", path: "/api/v1/risk/batch", body: { ids: ["P1"] }, roles: ["consumer", "investigator", "analyst", "admin"] },
  { method: "GET", path: "/api/v1/paths?from=P1&to=C1", roles: ["investigator", "analyst", "admin"] },
  { method: "GET", path: "/api/v1/communities", roles: ["investigator", "analyst", "admin"] },
  { method: "GET", path: "/api/v1/communities/1", roles: ["investigator", "analyst", "admin"] },
  { method: "GET", path: "/api/v1/alerts", roles: ["investigator", "analyst", "admin"] },
  { method: "GET", path: "/api/v1/alerts/KIN_BENEFIT:G2", roles: ["investigator", "analyst", "admin"] },
  { method: "POST", path: "/api/v1/alerts/KIN_BENEFIT:G2/triage", body: { status: "investigating" }, roles: ["investigator"] },
  { method: "GET", path: "/api/v1/analysis/runs/none", roles: ["admin", "investigator", "analyst"] },
  { method: "POST", path: "/api/v1/analysis/runs", body: { parameters: { NO_SUCH_FLAG: {} } }, roles: ["admin"] },
  { method: "POST", path: "/api/v1/imports", body: { path: "../outside" }, roles: ["admin"] },
  { method: "GET", path: "/api/v1/imports/none", roles: ["admin"] },
  { method: "PUT", path: "/api/v1/imports/uploads/upload-test-1/notes.txt", roles: ["admin"] },
  { method: "GET", path: "/api/v1/audit", roles: ["auditor"] },
  { method: "GET", path: "/api/v1/keys", roles: ["admin"] },
  { method: "POST", path: "/api/v1/keys", body: { name: "x", role: "nobody" }, roles: ["admin"] },
  { method: "DELETE", path: "/api/v1/keys/none", roles: ["admin"] },
];

describe("authentication", () => {
  it("answers 401 problem+json with a Bearer challenge without a key", async () => {
    const r = await api.get("/api/v1/entities/P1", null);
    expect(isProblem(r, 401)).toBe(true);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(r.body.title).toBe("Unauthorized");
  });

  it("answers 401 for a malformed, unknown or non-Bearer key", async () => {
    for (const authorization of ["Bearer nonsense", `Bearer cg_${"A".repeat(43)}`, `Basic ${Buffer.from("a:b").toString("base64")}`, "Bearer"]) {
      const r = await api.call("GET", "/api/v1/entities/P1", { authorization });
      expect(isProblem(r, 401), authorization).toBe(true);
    }
  });

  it("answers 401 (not 404) for an unknown route without a key, 404 with one", async () => {
    expect(isProblem(await api.get("/api/v1/nothing-here", null), 401)).toBe(true);
    expect(isProblem(await api.get("/api/v1/nothing-here"), 404)).toBe(true);
  });

  it("stores only the key's hash, in the service store and never in the graph", async () => {
    const text = await readFile(api.app.store.keys.file, "utf8");
    expect(text).toContain(hashKey(api.keys.consumer));
    expect(text).not.toContain(api.keys.consumer);
    const [row] = await api.graph.read<{ n: number }>("MATCH (k:ApiKey) RETURN count(k) AS n");
    expect(row?.n).toBe(0);
  });
});

describe("roles: deny by default", () => {
  for (const route of ROUTES) {
    it(`${route.method} ${route.path.split("?")[0]} allows only ${route.roles.join(", ")}`, async () => {
      const none = await api.call(route.method, route.path, { as: null, body: route.body });
      expect(isProblem(none, 401)).toBe(true);
      for (const role of ROLES) {
        const r = await api.call(route.method, route.path, { as: role, body: route.body });
        if (route.roles.includes(role)) expect([401, 403], `${role} should pass`).not.toContain(r.status);
        else {
          expect(isProblem(r, 403), `${role} should be refused`).toBe(true);
          expect(r.body.detail).toContain(role);
        }
      }
    });
  }
});

describe("key management", () => {
  it("issues a key that works at once, lists it without secrets, and revokes it at once", async () => {
    const created = await api.call("POST", "/api/v1/keys", { as: "admin", body: { name: "county system", role: "consumer" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "county system", role: "consumer", revokedAt: null });
    expect(created.body.key).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
    const use = await api.call("GET", "/api/v1/risk/ranking", { authorization: `Bearer ${created.body.key}` });
    expect(use.status).toBe(200);

    const list = await api.get("/api/v1/keys", "admin");
    expect(list.status).toBe(200);
    const listed = list.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(listed).toMatchObject({ name: "county system", role: "consumer" });
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    expect(JSON.stringify(list.body)).not.toContain("hash");

    const revoked = await api.call("DELETE", `/api/v1/keys/${created.body.id}`, { as: "admin" });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const after = await api.call("GET", "/api/v1/risk/ranking", { authorization: `Bearer ${created.body.key}` });
    expect(isProblem(after, 401)).toBe(true);
  });

  it("tells every key who it is: id, name and role, without the secret", async () => {
    for (const role of ROLES) {
      const me = await api.get("/api/v1/keys/me", role);
      expect(me.status, role).toBe(200);
      expect(me.body).toEqual({ id: api.keyIds[role], name: `test ${role}`, role });
    }
    expect((await api.get("/api/v1/keys/me", null)).status).toBe(401);
  });

  it("answers 400 naming the field for a bad role or name, 404 for an unknown key", async () => {
    const role = await api.call("POST", "/api/v1/keys", { as: "admin", body: { name: "x", role: "superuser" } });
    expect(isProblem(role, 400)).toBe(true);
    expect(role.body.errors[0].field).toBe("body.role");
    const name = await api.call("POST", "/api/v1/keys", { as: "admin", body: { role: "consumer" } });
    expect(name.body.errors[0].field).toBe("body.name");
    const json = await api.call("POST", "/api/v1/keys", { as: "admin", raw: { data: "{not json", contentType: "application/json" } });
    expect(isProblem(json, 400)).toBe(true);
    expect(isProblem(await api.call("DELETE", "/api/v1/keys/key-nope", { as: "admin" }), 404)).toBe(true);
  });
});

describe("ensureBootstrapKey", () => {
  it("creates an admin key in a 0600 file only when no admin key exists", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "county-keys-"));
    const file = path.join(dir, "keys", "admin.key");
    // The harness created an admin key: nothing to do.
    expect((await ensureBootstrapKey(api.app.store, file)).created).toBe(false);
    for (const k of await api.app.keys.list()) if (k.role === "admin") await api.app.keys.revoke(k.id);
    const lines: string[] = [];
    const result = await ensureBootstrapKey(api.app.store, file, (l) => lines.push(l));
    expect(result.created).toBe(true);
    const key = (await readFile(file, "utf8")).trim();
    expect(key).toMatch(/^cg_/);
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe("600");
    expect(lines.join("\n")).toContain(file);
    expect(lines.join("\n")).not.toContain(key);
    const r = await api.call("GET", "/api/v1/keys", { authorization: `Bearer ${key}` });
    expect(r.status).toBe(200);
    expect((await ensureBootstrapKey(api.app.store, file)).created).toBe(false);
  });
});

describe("masking", () => {
  it("masks all but the first and last four characters", () => {
    expect(maskIdNumber("140102198001011234")).toBe("1401**********1234");
    expect(maskIdNumber("1234567")).toBe("*******");
  });
});
