// The audit log over HTTP: every /api/v1 call is recorded (refused ones too) with who, when,
// method, route, parameters without secrets, status and duration; only auditors read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redact } from "../../../services/api/audit/middleware.ts";
import { type Harness, type Loose, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

describe("GET /api/v1/audit", () => {
  it("records who called what with which parameters, and refused calls", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    await api.get("/api/v1/entities/P1?verbose=1", "analyst");
    await api.call("POST", "/api/v1/risk/batch", { as: "consumer", body: { ids: ["P1"], token: "s3cret" } });
    await api.get("/api/v1/entities/P1", null);
    await api.get("/api/v1/audit", "consumer");
    await api.app.audit.flush();

    const r = await api.get(`/api/v1/audit?from=${encodeURIComponent(since)}&limit=100`, "auditor");
    expect(r.status).toBe(200);
    const events = r.body.items as Record<string, Loose>[];
    const entity = events.find((e) => e.route === "/api/v1/entities/:id" && e.keyId === api.keyIds.analyst);
    expect(entity).toMatchObject({
      method: "GET",
      path: "/api/v1/entities/P1",
      role: "analyst",
      keyName: "test analyst",
      status: 200,
      params: { path: { id: "P1" }, query: { verbose: "1" } },
    });
    expect(entity?.ms).toEqual(expect.any(Number));
    const batch = events.find((e) => e.route === "/api/v1/risk/batch");
    expect(batch?.params.body).toEqual({ ids: ["P1"], token: "[redacted]" });
    expect(JSON.stringify(events)).not.toContain("s3cret");
    expect(JSON.stringify(events)).not.toContain(api.keys.analyst);
    const refused = events.find((e) => e.path === "/api/v1/entities/P1" && e.status === 401);
    expect(refused).toMatchObject({ keyId: null, role: null });
    const forbidden = events.find((e) => e.path === "/api/v1/audit" && e.status === 403);
    expect(forbidden).toMatchObject({ role: "consumer" });
  });

  it("filters by actor and time, newest first, and pages with a cursor", async () => {
    for (let i = 0; i < 5; i++) await api.get(`/api/v1/entities/P${(i % 4) + 1}`, "investigator");
    await api.app.audit.flush();
    const mine = await api.get(`/api/v1/audit?actor=${api.keyIds.investigator}`, "auditor");
    expect(mine.body.items.length).toBeGreaterThanOrEqual(5);
    expect(mine.body.items.every((e: { keyId: string }) => e.keyId === api.keyIds.investigator)).toBe(true);
    const byName = await api.get(`/api/v1/audit?actor=${encodeURIComponent("test investigator")}`, "auditor");
    expect(byName.body.items.length).toBe(mine.body.items.length);
    const ats = mine.body.items.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Loose = await api.get(`/api/v1/audit?actor=${api.keyIds.investigator}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, "auditor");
      seen.push(...page.body.items.map((e: { id: string }) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(mine.body.items.map((e: { id: string }) => e.id));

    const future = await api.get(`/api/v1/audit?from=${encodeURIComponent("2999-01-01T00:00:00Z")}`, "auditor");
    expect(future.body.items).toEqual([]);
  });

  it("answers 400 naming the field, 401 and 403 for everyone but auditors", async () => {
    const from = await api.get("/api/v1/audit?from=yesterday", "auditor");
    expect(isProblem(from, 400)).toBe(true);
    expect(from.body.errors[0].field).toBe("query.from");
    const cursor = await api.get("/api/v1/audit?cursor=xyz", "auditor");
    expect(cursor.body.errors[0].field).toBe("query.cursor");
    expect(isProblem(await api.get("/api/v1/audit", null), 401)).toBe(true);
    for (const role of ["admin", "investigator", "analyst", "consumer"] as const) {
      expect(isProblem(await api.get("/api/v1/audit", role), 403)).toBe(true);
    }
  });

  it("writes events in batches off the request path", async () => {
    // Earlier tests' events (recorded when their responses finished) are written first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await api.app.audit.flush();
    const before = (await api.graph.read<{ n: number }>("MATCH (e:AuditEvent) RETURN count(e) AS n"))[0]?.n ?? 0;
    await Promise.all(Array.from({ length: 30 }, () => api.get("/api/v1/risk/ranking", "consumer")));
    // No flush here: the timer (100 ms in the harness) writes them.
    let after = before;
    for (let i = 0; i < 100 && after - before < 30; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = (await api.graph.read<{ n: number }>("MATCH (e:AuditEvent) RETURN count(e) AS n"))[0]?.n ?? 0;
    }
    expect(after - before).toBe(30);
  });
});

describe("redact", () => {
  it("removes secrets at any depth and cuts long lists", () => {
    expect(redact({ password: "x", nested: { apiKey: "y", Authorization: "z", name: "n" } })).toEqual({
      password: "[redacted]",
      nested: { apiKey: "[redacted]", Authorization: "[redacted]", name: "n" },
    });
    const long = redact({ ids: Array.from({ length: 60 }, (_, i) => i) }) as { ids: unknown[] };
    expect(long.ids).toHaveLength(51);
  });
});
