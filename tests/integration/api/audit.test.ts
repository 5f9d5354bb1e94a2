// The audit log over HTTP: every /api/v1 call is recorded (refused ones too) with who, when,
// method, route, parameters without secrets, status and duration; only auditors read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { symlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { verifyTrail } from "../../../services/api/audit/chain.ts";
import { redact } from "../../../services/api/audit/middleware.ts";
import { type Harness, type Loose, isProblem, startApi } from "../../support/api.ts";
import { tempDir } from "../../support/store.ts";

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

  it("has each answer's record on disk before the answer arrives, chained, and none in the graph", async () => {
    await api.app.audit.flush();
    const before = (await readFile(api.app.audit.trail.files.trail, "utf8")).split("\n").filter(Boolean).length;
    await Promise.all(Array.from({ length: 30 }, () => api.get("/api/v1/risk/ranking", "consumer")));
    // No flush: the records were written before the answers left.
    const lines = (await readFile(api.app.audit.trail.files.trail, "utf8")).split("\n");
    expect(lines.filter(Boolean).length - before).toBe(30);
    expect(verifyTrail(lines, null).findings).toEqual([]);
    const [row] = await api.graph.read<{ n: number }>("MATCH (e:AuditEvent) RETURN count(e) AS n");
    expect(row?.n).toBe(0);
  });
});

describe("the auditor's filters and export", () => {
  it("filters by entity (named or returned) and by route, and exports JSON Lines oldest first", async () => {
    await api.get("/api/v1/entities/P2", "investigator");
    await api.get("/api/v1/entities?q=P3", "analyst");
    await api.call("POST", "/api/v1/risk/batch", { as: "consumer", body: { ids: ["P4", "C1"] } });
    const p2 = await api.get("/api/v1/audit?entity=P2", "auditor");
    expect(p2.body.items.length).toBeGreaterThan(0);
    expect(p2.body.items.every((e: Loose) => e.entities.includes("P2"))).toBe(true);
    // Returned, not named: the search for P3 answered with P3.
    const p3 = await api.get("/api/v1/audit?entity=P3&route=/api/v1/entities", "auditor");
    expect(p3.body.items.some((e: Loose) => e.route === "/api/v1/entities" && e.count >= 1)).toBe(true);
    const c1 = await api.get("/api/v1/audit?entity=C1", "auditor");
    expect(c1.body.items[0]).toMatchObject({ route: "/api/v1/risk/batch", role: "consumer", outcome: "ok" });
    const byRoute = await api.get(`/api/v1/audit?route=${encodeURIComponent("/api/v1/entities/:id")}`, "auditor");
    expect(byRoute.body.items.length).toBeGreaterThan(0);
    expect(byRoute.body.items.every((e: Loose) => e.route === "/api/v1/entities/:id")).toBe(true);

    const exported = await fetch(`${api.url}/api/v1/audit/export.jsonl?entity=P2`, { headers: { authorization: `Bearer ${api.keys.auditor}` } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("application/jsonl");
    const records = (await exported.text()).split("\n").filter(Boolean).map((l) => JSON.parse(l) as Loose);
    // The listing above named P2 too (the auditor's own look is audited): one more record.
    const seqs = records.map((r) => r.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs).toEqual(expect.arrayContaining(p2.body.items.map((e: Loose) => e.seq)));
    expect(records.at(-1)).toMatchObject({ route: "/api/v1/audit", role: "auditor" });
    expect(isProblem(await api.get("/api/v1/audit/export.jsonl", "admin"), 403)).toBe(true);
  });

  it("answers 400, not 500, to a well-formed cursor of the wrong shape (finding 6)", async () => {
    const cursor = Buffer.from(JSON.stringify(["not-a-date", "x"])).toString("base64url");
    const r = await api.get(`/api/v1/audit?cursor=${cursor}`, "auditor");
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors[0].field).toBe("query.cursor");
  });
});

describe("when the audit trail cannot be written", () => {
  it("answers 503 and gives no data", async () => {
    const dir = tempDir("audit-full");
    // A real device that refuses every write (ENOSPC).
    symlinkSync("/dev/full", path.join(dir, "audit.jsonl"));
    const broken = await startApi({ config: { audit: { dir, batchSize: 16 } } });
    try {
      const r = await broken.get("/api/v1/entities/P1", "investigator");
      expect(isProblem(r, 503)).toBe(true);
      expect(r.headers.get("retry-after")).toBe("5");
      expect(JSON.stringify(r.body)).not.toContain("P1");
      expect(isProblem(await broken.get("/api/v1/entities/P1", null), 503)).toBe(true);
    } finally {
      await broken.close().catch(() => undefined);
    }
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
