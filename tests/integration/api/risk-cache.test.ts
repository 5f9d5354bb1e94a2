// The risk cache against the real app and Neo4j: a triage through the API shows at once, a change
// made behind the API's back shows after the TTL, RISK_CACHE_MS=0 turns it off, unknown ids are
// never cached, and every request is still audited.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, type Loose, startApi } from "../../support/api.ts";

/** Long enough that only an invalidation (not the clock) can make an answer fresh within a test. */
const LONG = 3_600_000;
/** The TTL of the expiry test: short, but ample for two loopback requests and one write. */
const SHORT = 4000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const setScore = (api: Harness, id: string, score: number) => api.graph.write("MATCH (e:Entity {id: $id}) SET e.riskScore = $score", { id, score });
const risk = async (api: Harness, id: string): Promise<Loose> => (await api.get(`/api/v1/entities/${id}/risk`, "consumer")).body;

describe("risk cache with a long TTL", () => {
  let api: Harness;
  beforeAll(async () => {
    api = await startApi({ config: { riskCacheMs: LONG } });
  });
  afterAll(async () => api?.close());

  it("serves a repeated request from the cache: a score changed directly in Neo4j stays unseen", async () => {
    const before = api.app.riskCache.stats();
    const first = await risk(api, "P4");
    await setScore(api, "P4", 12.34);
    const second = await risk(api, "P4");
    expect(second).toEqual(first);
    expect(second.score).not.toBe(12.34);
    const after = api.app.riskCache.stats();
    expect(after.hits - before.hits).toBe(1);
  });

  it("shows a triage through the API in the next answer, on the entity and on its region and community", async () => {
    const status = (r: Loose) => r.hits.find((h: { alertId: string }) => h.alertId === "KIN_CONTRACT:PJ1")?.status;
    expect(status(await risk(api, "P1"))).toBe("new");
    expect(status(await risk(api, "R11"))).toBe("new");
    expect(status(await risk(api, "community:1"))).toBe("new");
    const triaged = await api.call("POST", "/api/v1/alerts/KIN_CONTRACT:PJ1/triage", { as: "investigator", body: { status: "investigating", note: "cache test" } });
    expect(triaged.status).toBe(200);
    expect(status(await risk(api, "P1"))).toBe("investigating");
    expect(status(await risk(api, "R11"))).toBe("investigating");
    expect(status(await risk(api, "community:1"))).toBe("investigating");
  });

  it("never caches a 404: an entity created later answers at once", async () => {
    expect((await api.get("/api/v1/entities/LATE1/risk", "consumer")).status).toBe(404);
    await api.graph.write("CREATE (:Entity:Person {id: 'LATE1', name: 'late'})");
    const r = await api.get("/api/v1/entities/LATE1/risk", "consumer");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: "LATE1", score: 0, hits: [] });
  });

  it("still audits every request, cached or not, and still checks keys and roles", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    await risk(api, "P2");
    await risk(api, "P2");
    await risk(api, "P2");
    expect((await api.get("/api/v1/entities/P2/risk", null)).status).toBe(401);
    expect((await api.get("/api/v1/entities/P2/risk", "auditor")).status).toBe(403);
    await api.app.audit.flush();
    const r = await api.get(`/api/v1/audit?from=${encodeURIComponent(since)}&limit=100`, "auditor");
    const events = (r.body.items as Loose[]).filter((e) => e.path === "/api/v1/entities/P2/risk");
    expect(events.map((e) => e.status).sort()).toEqual([200, 200, 200, 401, 403]);
  });
});

describe("risk cache expiry and RISK_CACHE_MS=0", () => {
  let api: Harness | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it("serves a direct change stale until the TTL ends and fresh after it", async () => {
    api = await startApi({ config: { riskCacheMs: SHORT } });
    const started = Date.now();
    const first = await risk(api, "P4");
    await setScore(api, "P4", 23.45);
    expect((await risk(api, "P4")).score).toBe(first.score);
    await sleep(SHORT + 200 - (Date.now() - started));
    expect((await risk(api, "P4")).score).toBe(23.45);
  });

  it("asks Neo4j on every request when RISK_CACHE_MS is 0", async () => {
    api = await startApi({ config: { riskCacheMs: 0 } });
    await risk(api, "P4");
    await setScore(api, "P4", 34.56);
    expect((await risk(api, "P4")).score).toBe(34.56);
    expect(api.app.riskCache.stats()).toEqual({ hits: 0, misses: 0, size: 0 });
  });
});
