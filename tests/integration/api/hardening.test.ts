// Hardening of issue 11: security headers on every answer (CSP with frame-ancestors, HSTS only
// under TLS), CORS closed unless configured, a rate limit per key (429 + Retry-After), a time limit
// per request, each error status with its own title and no server words, and a per-transaction
// memory limit under which a runaway query fails alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  // A long request time: the first saved-query call waits for the built-ins to be EXPLAINed, slow on a busy machine.
  api = await startApi({ config: { corsOrigins: ["https://portal.example.gov.cn"], rateLimit: { perSecond: 2, burst: 5 }, requestTimeoutMs: 300_000, queryTimeoutMs: 300_000 } });
});
afterAll(async () => api?.close());

describe("security headers", () => {
  it("puts a CSP with frame-ancestors 'none' on every answer, pages and errors included", async () => {
    for (const [path, as] of [["/health/live", null], ["/api/openapi.json", null], ["/api/v1/keys/me", "auditor"], ["/api/v1/nothing", "auditor"], ["/api/v1/keys/me", null], ["/queries/", null]] as const) {
      const r = await api.get(path, as);
      expect(r.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(r.headers.get("x-frame-options"), path).toBe("DENY");
      expect(r.headers.get("x-content-type-options"), path).toBe("nosniff");
      // Plain HTTP: no HSTS.
      expect(r.headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("sends HSTS when TLS is said by a trusted proxy (loopback) ", async () => {
    const r = await fetch(`${api.url}/health/live`, { headers: { "x-forwarded-proto": "https" } });
    expect(r.headers.get("strict-transport-security")).toContain("max-age=");
  });
});

describe("CORS", () => {
  it("answers no CORS header to an origin not configured, and the configured one only", async () => {
    const other = await fetch(`${api.url}/api/v1/keys/me`, { headers: { origin: "https://evil.example", authorization: `Bearer ${api.keys.consumer}` } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${api.url}/api/v1/keys/me`, { method: "OPTIONS", headers: { origin: "https://portal.example.gov.cn", "access-control-request-method": "GET" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://portal.example.gov.cn");
  });
});

describe("rate limits per key", () => {
  it("answers 429 with Retry-After past the burst, for that key only", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i++) {
      const r = await api.get("/api/v1/keys/me", "analyst");
      statuses.push(r.status);
      if (r.status === 429) {
        retryAfter = r.headers.get("retry-after");
        expect(isProblem(r, 429)).toBe(true);
        expect(r.body.title).toBe("Too Many Requests");
      }
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another key has its own bucket.
    expect((await api.get("/api/v1/keys/me", "investigator")).status).toBe(200);
  });
});

describe("error titles and bodies", () => {
  it("titles 413 and 415 by their own status and keeps the parser's words out", async () => {
    const big = await api.call("POST", "/api/v1/risk/batch", { as: "consumer", raw: { data: JSON.stringify({ ids: ["x".repeat(2 * 1024 * 1024)] }), contentType: "application/json" } });
    expect(isProblem(big, 413)).toBe(true);
    expect(big.body.title).toBe("Payload Too Large");
    const charset = await api.call("POST", "/api/v1/risk/batch", { as: "admin", raw: { data: "{}", contentType: "application/json; charset=koi8-r" } });
    expect(isProblem(charset, 415)).toBe(true);
    expect(charset.body.title).toBe("Unsupported Media Type");
    expect(JSON.stringify([big.body, charset.body])).not.toMatch(/node_modules|at \w+ \(|stack/);
  });
});

describe("the per-transaction memory limit", () => {
  // Integers reach the 1 GiB limit after ~100M rows: 10 s on a quiet machine, 100 s on a loaded one.
  // The run's time limit is lifted so that the memory limit, not the clock, stops it.
  it("fails a runaway saved query alone, and the server goes on", async () => {
    const text = [
      "// title: Runaway",
      "// title_zh: 失控",
      "// description: collects far more than one query may hold",
      "// parameters:",
      "//   limit: { type: integer, default: 1, min: 1, max: 1, description: rows }",
      "//   size: { type: integer, default: 400000000, description: items to collect }",
      "UNWIND range(1, $size) AS i WITH collect(i) AS xs RETURN size(xs) AS n LIMIT $limit",
    ].join("\n");
    expect((await api.call("PUT", "/api/v1/queries/runaway", { as: "admin", body: { text } })).status).toBe(201);
    const r = await api.call("POST", "/api/v1/queries/runaway/run", { as: "admin", body: {} });
    expect(r.status).toBe(422);
    expect(r.body.detail).toContain("more memory than one query may use");
    expect((await api.get("/health/ready", null)).status).toBe(200);
  });
});

describe("searches by a full identifier", () => {
  it("limits them to 10 a minute per key for roles without clearance, not for investigators", async () => {
    // Ten a day here, so that however slow the machine, no token comes back during the test.
    const own = await startApi({ fixture: false, config: { identifierSearches: { perSecond: 10 / 86_400, burst: 10 } } });
    try {
      const analyst: number[] = [];
      for (let i = 0; i < 12; i++) analyst.push((await own.get(`/api/v1/entities?q=1410${String(i).padStart(2, "0")}198001010278`, "analyst")).status);
      expect(analyst.slice(0, 10).every((s) => s === 200)).toBe(true);
      expect(analyst.slice(10)).toEqual([429, 429]);
      // Names are not limited, nor are investigators.
      expect((await own.get("/api/v1/entities?q=%E5%BB%BA%E5%9B%BD", "analyst")).status).toBe(200);
      for (let i = 0; i < 12; i++) expect((await own.get(`/api/v1/entities?q=1410${String(i).padStart(2, "0")}198001010278`, "investigator")).status).toBe(200);
      const audit = await own.get("/api/v1/audit?route=/api/v1/entities&actor=test%20analyst&limit=50", "auditor");
      expect(audit.body.items.filter((e: { status: number }) => e.status === 429)).toHaveLength(2);
    } finally {
      await own.close();
    }
  });
});
