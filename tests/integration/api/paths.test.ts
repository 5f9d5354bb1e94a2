// Paths over HTTP: shortest and all shortest paths told as readable steps, bounded hops, and
// super-nodes (an address shared by 32 people) never crossed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FindPaths } from "../../../services/api/paths/router.ts";
import { type Harness, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

describe("GET /api/v1/paths", () => {
  it("tells the path from a cadre to a contractor as readable steps", async () => {
    const r = await api.get("/api/v1/paths?from=P1&to=C1&types=KIN,ROLE_IN");
    expect(r.status).toBe(200);
    expect(FindPaths.response.safeParse(r.body).success).toBe(true);
    expect(r.body.found).toBe(true);
    const [path] = r.body.paths;
    expect(path.text).toBe("王军 —spouse→ 李华 —legal_rep→ 恒达建筑有限公司");
    expect(path.length).toBe(2);
    expect(path.nodes.map((n: { id: string }) => n.id)).toEqual(["P1", "P2", "C1"]);
    expect(path.steps).toEqual([
      { from: "P1", to: "P2", type: "KIN", label: "spouse", direction: "forward" },
      { from: "P2", to: "C1", type: "ROLE_IN", label: "legal_rep", direction: "forward" },
    ]);
  });

  it("reads steps against the direction of a tie", async () => {
    const r = await api.get("/api/v1/paths?from=C1&to=P1&types=KIN,ROLE_IN");
    expect(r.body.paths[0].text).toBe("恒达建筑有限公司 ←legal_rep— 李华 ←spouse— 王军");
    expect(r.body.paths[0].steps[0].direction).toBe("backward");
  });

  it("finds all shortest paths over the default types", async () => {
    const r = await api.get("/api/v1/paths?from=P1&to=C1&all=true");
    const texts = r.body.paths.map((p: { text: string }) => p.text).sort();
    expect(texts).toEqual([
      "王军 —approved→ 石桥村道路硬化 —awarded_to→ 恒达建筑有限公司",
      "王军 —has→ 13800000001 ←has— 恒达建筑有限公司",
      "王军 —spouse→ 李华 —legal_rep→ 恒达建筑有限公司",
    ]);
    const one = await api.get("/api/v1/paths?from=P1&to=C1");
    expect(one.body.paths).toHaveLength(1);
  });

  it("does not cross an address shared by more than 20 owners, but may end on it", async () => {
    const through = await api.get("/api/v1/paths?from=N01&to=N02&types=HAS");
    expect(through.status).toBe(200);
    expect(through.body).toMatchObject({ found: false, paths: [] });
    const to = await api.get(`/api/v1/paths?from=N01&to=${encodeURIComponent("address:河口村1号")}&types=HAS`);
    expect(to.body.found).toBe(true);
  });

  it("respects maxHops", async () => {
    const r = await api.get("/api/v1/paths?from=P3&to=C1&maxHops=2");
    expect(r.body.found).toBe(false);
    const longer = await api.get("/api/v1/paths?from=P3&to=C1&maxHops=4");
    expect(longer.body.found).toBe(true);
    expect(longer.body.paths[0].length).toBe(4);
  });

  it("answers 400 naming the field, 404 for an unknown end, 401/403", async () => {
    const hops = await api.get("/api/v1/paths?from=P1&to=C1&maxHops=11");
    expect(isProblem(hops, 400)).toBe(true);
    expect(hops.body.errors[0].field).toBe("query.maxHops");
    const from = await api.get("/api/v1/paths?to=C1");
    expect(from.body.errors[0].field).toBe("query.from");
    const all = await api.get("/api/v1/paths?from=P1&to=C1&all=yes");
    expect(all.body.errors[0].field).toBe("query.all");
    const same = await api.get("/api/v1/paths?from=P1&to=P1");
    expect(same.body.errors[0].field).toBe("query.to");
    const unknown = await api.get("/api/v1/paths?from=P1&to=NOPE");
    expect(isProblem(unknown, 404)).toBe(true);
    expect(isProblem(await api.get("/api/v1/paths?from=P1&to=C1", null), 401)).toBe(true);
    expect(isProblem(await api.get("/api/v1/paths?from=P1&to=C1", "consumer"), 403)).toBe(true);
  });
});
