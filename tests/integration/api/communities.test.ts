// Communities over HTTP: ranked summaries, and one community's members, subgraph and explanation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetCommunity, ListCommunities } from "../../../services/api/communities/router.ts";
import { type Harness, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

describe("GET /api/v1/communities", () => {
  it("lists communities riskiest first with their top members and flags", async () => {
    const r = await api.get("/api/v1/communities");
    expect(r.status).toBe(200);
    expect(ListCommunities.response.safeParse(r.body).success).toBe(true);
    expect(r.body.items.map((c: { id: number }) => c.id)).toEqual([1, 2]);
    expect(r.body.items[0]).toMatchObject({ id: 1, size: 4, persons: 2, cadres: 1, companies: 1, score: 88, grade: "huge", hits: 2 });
    expect(r.body.items[0].topMembers.map((m: { id: string }) => m.id)).toEqual(["P1", "C1", "P2"]);
    expect(r.body.items[0].flags).toEqual([
      { flag: "KIN_BENEFIT", count: 1 },
      { flag: "KIN_CONTRACT", count: 1 },
    ]);
  });

  it("filters by score and pages", async () => {
    const high = await api.get("/api/v1/communities?minScore=50");
    expect(high.body.items.map((c: { id: number }) => c.id)).toEqual([1]);
    const first = await api.get("/api/v1/communities?limit=1");
    const second = await api.get(`/api/v1/communities?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c: { id: number }) => c.id)).toEqual([2]);
    expect(second.body.nextCursor).toBeNull();
    const bad = await api.get("/api/v1/communities?minScore=-1");
    expect(isProblem(bad, 400)).toBe(true);
    expect(bad.body.errors[0].field).toBe("query.minScore");
  });
});

describe("GET /api/v1/communities/:id", () => {
  it("shows members, the subgraph among them and the alerts that explain the score", async () => {
    const r = await api.get("/api/v1/communities/1");
    expect(r.status).toBe(200);
    expect(GetCommunity.response.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ id: 1, memberCount: 4, score: 88 });
    expect(r.body.members.map((m: { id: string }) => m.id)).toEqual(["P1", "C1", "P2", "PJ1"]);
    const edges = r.body.subgraph.edges.map((e: { type: string }) => e.type).sort();
    expect(edges).toEqual(["APPROVED", "AWARDED_TO", "HAS", "HAS", "KIN", "ROLE_IN"]); // HAS: the phone 王军 and 恒达建筑 share
    expect(r.body.subgraph.truncated).toBe(false);
    expect(r.body.explanation.map((h: { alertId: string }) => h.alertId)).toEqual(["KIN_CONTRACT:PJ1", "KIN_BENEFIT:G2"]);
  });

  it("adds the addresses members share to the subgraph", async () => {
    const r = await api.get("/api/v1/communities/community:2");
    expect(r.body.subgraph.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(["P3", "P4", "address:河口村1号"]));
    expect(r.body.subgraph.edges.filter((e: { type: string }) => e.type === "HAS")).toHaveLength(2);
  });

  it("answers 400 for a non-numeric id, 404 for an unknown one", async () => {
    const bad = await api.get("/api/v1/communities/abc");
    expect(isProblem(bad, 400)).toBe(true);
    expect(bad.body.errors[0].field).toBe("params.id");
    expect(isProblem(await api.get("/api/v1/communities/999"), 404)).toBe(true);
    expect(isProblem(await api.get("/api/v1/communities/1", "consumer"), 403)).toBe(true);
  });
});
