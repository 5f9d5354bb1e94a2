// Browser sessions: log in with a key once, then an httpOnly SameSite=Strict cookie; changes need
// the CSRF token; logout, expiry and a revoked key end the session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

async function login(key: string): Promise<{ cookie: string; csrf: string; setCookie: string; status: number }> {
  const r = await fetch(`${api.url}/api/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key }) });
  const setCookie = r.headers.get("set-cookie") ?? "";
  const body = (await r.json()) as { csrfToken?: string };
  return { status: r.status, setCookie, cookie: setCookie.split(";")[0] ?? "", csrf: body.csrfToken ?? "" };
}

const withCookie = (cookie: string, method = "GET", extra: Record<string, string> = {}, body?: unknown) =>
  fetch(`${api.url}${"/api/v1/keys"}`, { method, headers: { cookie, ...extra, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });

describe("sessions", () => {
  it("logs in with a key: httpOnly, SameSite=Strict cookie (not Secure over plain HTTP), the key not echoed", async () => {
    const s = await login(api.keys.admin);
    expect(s.status).toBe(201);
    expect(s.setCookie).toMatch(/^cg_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const me = await fetch(`${api.url}/api/v1/keys/me`, { headers: { cookie: s.cookie } });
    expect(await me.json()).toMatchObject({ id: api.keyIds.admin, role: "admin" });
    const session = await fetch(`${api.url}/api/v1/session`, { headers: { cookie: s.cookie } });
    expect(await session.json()).toMatchObject({ keyId: api.keyIds.admin, csrfToken: s.csrf });
  });

  it("refuses a wrong key with 401", async () => {
    expect((await login("cg_" + "x".repeat(43))).status).toBe(401);
  });

  it("needs the CSRF token for changes made with the cookie, not for reads", async () => {
    const s = await login(api.keys.admin);
    expect((await withCookie(s.cookie)).status).toBe(200);
    const without = await withCookie(s.cookie, "POST", {}, { name: "csrf test", role: "consumer" });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { detail: string }).detail).toContain("CSRF");
    const wrong = await withCookie(s.cookie, "POST", { "x-csrf-token": "nope" }, { name: "csrf test", role: "consumer" });
    expect(wrong.status).toBe(403);
    const right = await withCookie(s.cookie, "POST", { "x-csrf-token": s.csrf }, { name: "csrf test", role: "consumer" });
    expect(right.status).toBe(201);
  });

  it("logs out: the cookie is cleared and the session no longer works", async () => {
    const s = await login(api.keys.analyst);
    const out = await fetch(`${api.url}/api/v1/session`, { method: "DELETE", headers: { cookie: s.cookie, "x-csrf-token": s.csrf } });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    const after = await fetch(`${api.url}/api/v1/keys/me`, { headers: { cookie: s.cookie } });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { detail: string }).detail).toContain("ended");
  });

  it("ends with expiry and with its key's revocation", async () => {
    const s = await login(api.keys.investigator);
    const id = [...api.app.store.sessions.values()].find((x) => x.keyId === api.keyIds.investigator && x.revokedAt === null)?.id as string;
    await api.app.store.sessions.change((get) => ({ writes: { [id]: { ...get(id)!, expiresAt: new Date(Date.now() - 1000).toISOString() } }, result: undefined }));
    const expired = await fetch(`${api.url}/api/v1/keys/me`, { headers: { cookie: s.cookie } });
    expect(isProblem({ status: expired.status, headers: expired.headers, contentType: expired.headers.get("content-type") ?? "", body: await expired.json() }, 401)).toBe(true);

    const created = await api.call("POST", "/api/v1/keys", { as: "admin", body: { name: "short-lived", role: "consumer" } });
    const t = await login(created.body.key);
    expect((await fetch(`${api.url}/api/v1/keys/me`, { headers: { cookie: t.cookie } })).status).toBe(200);
    await api.call("DELETE", `/api/v1/keys/${created.body.id}`, { as: "admin" });
    expect((await fetch(`${api.url}/api/v1/keys/me`, { headers: { cookie: t.cookie } })).status).toBe(401);
  });
});
