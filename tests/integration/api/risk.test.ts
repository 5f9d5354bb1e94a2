// Risk over HTTP — the consumer's endpoints: an explained score, the keyset-paged ranking, and
// batch scores. The in-memory risk view is off here, so every request reaches Neo4j (the view has its
// own tests in risk-view.test.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withEvidence } from "../../../services/api/evidence.ts";
import { BatchRisk, GetRisk, RankRisk } from "../../../services/api/risk/router.ts";
import { explain, Graph } from "../../../services/graph/index.ts";
import { type Harness, type Loose, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  api = await startApi({ config: { riskRefreshMs: 0 } });
});
afterAll(async () => api?.close());

async function allPages(query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const r: Loose = await api.get(`/api/v1/risk/ranking?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, "consumer");
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...r.body.items.map((x: { id: string }) => x.id));
    cursor = r.body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

describe("GET /api/v1/entities/:id/risk", () => {
  it("explains a person's score with each hit and its evidence", async () => {
    const r = await api.get("/api/v1/entities/P1/risk", "consumer");
    expect(r.status).toBe(200);
    expect(GetRisk.response.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ id: "P1", type: "person", name: "王军", score: 92.5, grade: "huge", amount: 453000, hitCount: 2 });
    expect(r.body.hits.map((h: { alertId: string }) => h.alertId)).toEqual(["KIN_CONTRACT:PJ1", "KIN_BENEFIT:G2"]);
    const [contract] = r.body.hits;
    expect(contract).toMatchObject({ flag: "KIN_CONTRACT", weight: 0.85, confidence: 1, amount: 450000, summary: expect.stringContaining("王军") });
    expect(contract.title).toEqual(expect.any(String));
    expect(contract.evidence.nodes.map((n: { id: string }) => n.id)).toEqual(["P1", "P2", "C1", "PJ1"]);
    expect(contract.evidence.relationships.map((e: { type: string }) => e.type)).toEqual(["KIN", "ROLE_IN", "APPROVED", "AWARDED_TO"]);
    expect(contract.evidence.relationships[0]).toMatchObject({ source: "P1", target: "P2", label: "spouse" });
  });

  it("explains a region by the alerts on those living or registered in it, and a community by its members'", async () => {
    const village = await api.get("/api/v1/entities/R11/risk", "consumer");
    expect(village.body).toMatchObject({ type: "region", score: 70 });
    expect(village.body.hits.map((h: { alertId: string }) => h.alertId).sort()).toEqual(["KIN_BENEFIT:G2", "KIN_CONTRACT:PJ1"]);
    const county = await api.get("/api/v1/entities/R0/risk", "consumer");
    expect(county.body.hits).toHaveLength(3);
    const community = await api.get("/api/v1/entities/community:1/risk", "consumer");
    expect(community.body).toMatchObject({ id: "community:1", type: "community", score: 88 });
    expect(community.body.hits).toHaveLength(2);
  });

  it("scores an entity without hits 0 and answers 404 for an unknown one", async () => {
    const none = await api.get("/api/v1/entities/N20/risk", "consumer");
    expect(none.body).toMatchObject({ id: "N20", score: 0, grade: null, amount: 0, hits: [] });
    const r = await api.get("/api/v1/entities/NOPE/risk", "consumer");
    expect(isProblem(r, 404)).toBe(true);
    expect(isProblem(await api.get("/api/v1/entities/P1/risk", null), 401)).toBe(true);
    expect(isProblem(await api.get("/api/v1/entities/P1/risk", "auditor"), 403)).toBe(true);
  });
});

describe("GET /api/v1/risk/ranking", () => {
  it("ranks persons by score desc then id, across pages with ties", async () => {
    const first = await api.get("/api/v1/risk/ranking?type=person&limit=3", "consumer");
    expect(RankRisk.response.safeParse(first.body).success).toBe(true);
    expect(first.body.items[0]).toEqual({ id: "P1", type: "person", name: "王军", score: 92.5, amount: 453000, grade: "huge" });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(await allPages("type=person", 2)).toEqual(["P1", "P2", "P4", "N01", "N02", "N03", "N04", "N05"]);
  });

  it("mixes persons, companies and regions without a type, and ranks communities", async () => {
    const ids = await allPages("minScore=60", 10);
    expect(ids).toEqual(["P1", "C1", "R11", "P2"]);
    expect(await allPages("type=community", 1)).toEqual(["community:1", "community:2"]);
    expect(await allPages("type=company", 5)).toEqual(["C1"]);
    expect(await allPages("type=region", 5)).toEqual(["R11", "R0", "R1"]);
  });

  it("filters by region (including sub-regions) and by flag", async () => {
    expect(await allPages("type=person&region=R12", 3)).toEqual(["P4", "N01", "N02", "N03", "N04", "N05"]);
    expect(await allPages("type=person&region=R0&minScore=55", 3)).toEqual(["P1", "P2"]);
    expect(await allPages("flag=KIN_BENEFIT", 3)).toEqual(["P1", "P2"]);
    expect(await allPages("type=community&region=R11", 3)).toEqual(["community:1"]);
  });

  it("answers 400 naming the field for a bad type, score, cursor or limit", async () => {
    for (const [query, field] of [
      ["type=village", "query.type"],
      ["minScore=101", "query.minScore"],
      ["cursor=bm9wZQ", "query.cursor"],
      ["cursor=%25%25", "query.cursor"],
      ["limit=0", "query.limit"],
      ["flag=kin", "query.flag"],
    ]) {
      const r = await api.get(`/api/v1/risk/ranking?${query}`, "consumer");
      expect(isProblem(r, 400), query).toBe(true);
      expect(r.body.errors[0].field, query).toBe(field);
    }
  });
});

describe("POST /api/v1/risk/batch", () => {
  it("scores many ids at once and lists the missing ones", async () => {
    const r = await api.call("POST", "/api/v1/risk/batch", { as: "consumer", body: { ids: ["C1", "P1", "NOPE", "community:2", "N30", "P1"] } });
    expect(r.status).toBe(200);
    expect(BatchRisk.response.safeParse(r.body).success).toBe(true);
    expect(r.body.items).toEqual([
      { id: "C1", type: "company", score: 80, grade: "huge", amount: 450000 },
      { id: "P1", type: "person", score: 92.5, grade: "huge", amount: 453000 },
      { id: "community:2", type: "community", score: 30, grade: "discipline", amount: 3000 },
      { id: "N30", type: "person", score: 0, grade: null, amount: 0 },
    ]);
    expect(r.body.missing).toEqual(["NOPE"]);
  });

  it("takes up to 1000 ids and answers 400 naming body.ids otherwise", async () => {
    const many = await api.call("POST", "/api/v1/risk/batch", { as: "consumer", body: { ids: Array.from({ length: 1000 }, (_, i) => `X${i}`) } });
    expect(many.status).toBe(200);
    expect(many.body.missing).toHaveLength(1000);
    const tooMany = await api.call("POST", "/api/v1/risk/batch", { as: "consumer", body: { ids: Array.from({ length: 1001 }, (_, i) => `X${i}`) } });
    expect(isProblem(tooMany, 400)).toBe(true);
    expect(tooMany.body.errors[0].field).toBe("body.ids");
    const empty = await api.call("POST", "/api/v1/risk/batch", { as: "consumer", body: { ids: [] } });
    expect(empty.body.errors[0].field).toBe("body.ids");
    const wrong = await api.call("POST", "/api/v1/risk/batch", { as: "consumer", body: { ids: [1, 2] } });
    expect(wrong.body.errors[0].field).toBe("body.ids.0");
    expect(isProblem(await api.call("POST", "/api/v1/risk/batch", { as: null, body: { ids: ["P1"] } }), 401)).toBe(true);
    expect(isProblem(await api.call("POST", "/api/v1/risk/batch", { as: "auditor", body: { ids: ["P1"] } }), 403)).toBe(true);
  });

  it("each risk request is one indexed query", async () => {
    // The query starts from the unique index on the id (or the community's), and scans no label.
    const query = withEvidence("api/risk-entity.cypher");
    const { operators } = await explain(api.graph, query);
    expect(operators).toContainEqual({ operator: "NodeUniqueIndexSeek", details: "UNIQUE n:Entity(id) WHERE id = $id" });
    expect(operators).toContainEqual({ operator: "NodeUniqueIndexSeek", details: "UNIQUE n:Community(id) WHERE id = toInteger($communityId)" });
    expect(operators.filter((o) => /AllNodesScan|LabelScan/.test(o.operator))).toEqual([]);
    // With the cache off and the key verified once, each request opens one session and reads once.
    // The saved-query catalogue EXPLAINs its built-ins in the background at start-up: wait for it.
    expect((await api.get("/api/v1/queries", "analyst")).status).toBe(200);
    expect((await api.get("/api/v1/entities/P1/risk", "consumer")).status).toBe(200);
    // On the prototype: the app reads through its own Graph (api.graph with the request time limit).
    const sessions = vi.spyOn(Graph.prototype, "withSession");
    const reads = vi.spyOn(Graph.prototype, "read");
    try {
      const ids = ["P1", "R11", "community:1", "C1", "P1"];
      for (const id of ids) expect((await api.get(`/api/v1/entities/${encodeURIComponent(id)}/risk`, "consumer")).status).toBe(200);
      expect(sessions).toHaveBeenCalledTimes(ids.length);
      expect(reads.mock.calls.map(([text]) => text)).toEqual(ids.map(() => query));
    } finally {
      sessions.mockRestore();
      reads.mockRestore();
    }
  });
});
