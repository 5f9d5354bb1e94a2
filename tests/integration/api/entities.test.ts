// Entities over HTTP: search by id and partial Chinese names, detail with masking, and capped
// neighbourhoods, against the real app and Neo4j.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchEntities } from "../../../services/api/entities/router.ts";
import { type Harness, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

describe("GET /api/v1/entities (search)", () => {
  it("finds 张建国 from the partial name 建国, and not 张建华", async () => {
    const r = await api.get(`/api/v1/entities?q=${encodeURIComponent("建国")}`);
    expect(r.status).toBe(200);
    expect(SearchEntities.response.safeParse(r.body).success).toBe(true);
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual(["P3"]);
    expect(r.body.items[0]).toMatchObject({ id: "P3", type: "person", name: "张建国", match: "name" });
  });

  it("finds both 张建… from 张建, a single character inside a name, and a company by part of its name", async () => {
    const both = await api.get(`/api/v1/entities?q=${encodeURIComponent("张建")}`);
    expect(both.body.items.map((i: { id: string }) => i.id).sort()).toEqual(["P3", "P4"]);
    const one = await api.get(`/api/v1/entities?q=${encodeURIComponent("华")}`);
    expect(one.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(["P2", "P4"]));
    const company = await api.get(`/api/v1/entities?q=${encodeURIComponent("恒达建筑")}`);
    expect(company.body.items[0]).toMatchObject({ id: "C1", type: "company", riskScore: 80 });
  });

  it("finds by id, exact matches first; identifiers only by their vault tokens", async () => {
    const byId = await api.get("/api/v1/entities?q=P1");
    expect(byId.body.items[0]).toMatchObject({ id: "P1", name: "王军", cadre: true, match: "id", communityId: 1 });
    // This fixture predates sealing: its identifiers are clear, and a search is turned into the
    // value's token, so none matches. tests/integration/api/identifiers.test.ts searches a sealed
    // import by identity number, account and phone as written.
    for (const q of ["140102197003011234", "6222 0000 1111 2222", "138-0000-0001"]) {
      const r = await api.get(`/api/v1/entities?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(r.body.items.filter((i: { match: string }) => i.match === "identifier")).toEqual([]);
    }
  });

  it("filters by type and limits", async () => {
    const r = await api.get(`/api/v1/entities?q=${encodeURIComponent("石桥")}&type=project`);
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual(["PJ1"]);
    const limited = await api.get(`/api/v1/entities?q=${encodeURIComponent("邻居")}&limit=3`);
    expect(limited.body.items).toHaveLength(3);
  });

  it("treats Lucene syntax in the query as text", async () => {
    for (const q of ["*", "建国~", 'a" OR *:*', "(", "AND", "\\", "name:王军"]) {
      const r = await api.get(`/api/v1/entities?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(r.body.items.length, q).toBeLessThanOrEqual(1);
    }
  });

  it("answers 400 naming the field for a missing q, a bad type or limit", async () => {
    const missing = await api.get("/api/v1/entities");
    expect(isProblem(missing, 400)).toBe(true);
    expect(missing.body.errors[0].field).toBe("query.q");
    const type = await api.get("/api/v1/entities?q=x&type=martian");
    expect(isProblem(type, 400)).toBe(true);
    expect(type.body.errors[0].field).toBe("query.type");
    const limit = await api.get("/api/v1/entities?q=x&limit=1000");
    expect(limit.body.errors[0].field).toBe("query.limit");
  });

  it("needs a key and an explorer role", async () => {
    expect(isProblem(await api.get("/api/v1/entities?q=x", null), 401)).toBe(true);
    expect(isProblem(await api.get("/api/v1/entities?q=x", "consumer"), 403)).toBe(true);
    expect(isProblem(await api.get("/api/v1/entities?q=x", "auditor"), 403)).toBe(true);
    expect((await api.get("/api/v1/entities?q=x", "analyst")).status).toBe(200);
  });
});

describe("GET /api/v1/entities/:id", () => {
  it("shows an investigator the identity number whole, with relationship counts and risk", async () => {
    const r = await api.get("/api/v1/entities/P1");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: "P1", type: "person", name: "王军", riskScore: 92.5, riskGrade: "huge", communityId: 1, activeAlerts: 2 });
    expect(r.body.labels).toEqual(expect.arrayContaining(["Entity", "Person", "Cadre"]));
    expect(r.body.properties).toMatchObject({ idNumber: "140102197003011234", birthDate: "1970-03-01" });
    const rels = Object.fromEntries(r.body.relationships.map((x: { type: string; out: number; in: number }) => [x.type, [x.out, x.in]]));
    expect(rels).toEqual({ LIVES_IN: [1, 0], HOLDS_POST: [1, 0], KIN: [1, 0], HAS: [1, 0], APPROVED: [3, 0] });
  });

  it("masks the identity number for analysts and admins", async () => {
    const analyst = await api.get("/api/v1/entities/P1", "analyst");
    expect(analyst.body.properties.idNumber).toBe("1401**********1234");
    const admin = await api.get("/api/v1/entities/P1", "admin");
    expect(admin.body.properties.idNumber).toBe("1401**********1234");
  });

  it("opens shared identifiers by their API id", async () => {
    const r = await api.get(`/api/v1/entities/${encodeURIComponent("address:河口村1号")}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: "address:河口村1号", type: "address", name: "河口村1号" });
    expect(r.body.relationships).toEqual([{ type: "HAS", out: 0, in: 32 }]);
  });

  it("answers 404 for an unknown id", async () => {
    const r = await api.get("/api/v1/entities/NOPE");
    expect(isProblem(r, 404)).toBe(true);
    expect(r.body.detail).toBe("no entity NOPE");
  });
});

describe("GET /api/v1/entities/:id/neighbourhood", () => {
  it("returns the first ring with nodes, edges and no truncation", async () => {
    const r = await api.get("/api/v1/entities/P2/neighbourhood");
    expect(r.status).toBe(200);
    expect(r.body.root).toBe("P2");
    const ids = r.body.nodes.map((n: { id: string }) => n.id).sort();
    expect(ids).toEqual(["6222000011112222", "C1", "G2", "P1", "P2", "R11"]);
    const kin = r.body.edges.find((e: { type: string }) => e.type === "KIN");
    expect(kin).toMatchObject({ source: "P1", target: "P2", label: "spouse", properties: { relation: "spouse", declared: false } });
    // The induced ties among the ring are there too (王军 approved the grant paid to 李华).
    expect(r.body.edges.some((e: { type: string; source: string; target: string }) => e.type === "APPROVED" && e.target === "G2")).toBe(true);
    expect(r.body.truncated).toEqual([]);
  });

  it("caps a very connected node and says how many more", async () => {
    const r = await api.get(`/api/v1/entities/${encodeURIComponent("address:河口村1号")}/neighbourhood?perNode=5`);
    expect(r.body.nodes).toHaveLength(6);
    expect(r.body.truncated).toEqual([{ id: "address:河口村1号", more: 27, nextOffset: 5 }]);
    // Riskiest owners first: 张建华 (50), then four of the five neighbours scored 10 (their order
    // among themselves is by element id); 张建国 and the unscored neighbours are left out.
    const owners = r.body.nodes.map((n: { id: string }) => n.id).filter((id: string) => id !== "address:河口村1号");
    expect(owners[0]).toBe("P4");
    expect(owners.slice(1).every((id: string) => ["N01", "N02", "N03", "N04", "N05"].includes(id))).toBe(true);
    expect(new Set(owners.slice(1)).size).toBe(4);
  });

  it("pages through the rest of a capped node with offset, each tie once", async () => {
    const root = encodeURIComponent("address:河口村1号");
    const seen: string[] = [];
    let offset = 0;
    let pages = 0;
    for (;;) {
      const r = await api.get(`/api/v1/entities/${root}/neighbourhood?perNode=7&offset=${offset}`);
      expect(r.status).toBe(200);
      pages += 1;
      seen.push(...r.body.nodes.map((n: { id: string }) => n.id).filter((id: string) => id !== "address:河口村1号"));
      const entry = r.body.truncated.find((t: { id: string }) => t.id === "address:河口村1号");
      if (!entry) break;
      expect(entry.more).toBe(32 - entry.nextOffset);
      expect(entry.nextOffset).toBe(offset + 7);
      offset = entry.nextOffset;
    }
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(32);
    expect(seen).toHaveLength(32);
    const bad = await api.get(`/api/v1/entities/${root}/neighbourhood?depth=2&offset=5`);
    expect(isProblem(bad, 400)).toBe(true);
    expect(bad.body.errors[0].field).toBe("query.offset");
  });

  it("goes deeper, filters by type and keeps to the node limit", async () => {
    const kinOnly = await api.get("/api/v1/entities/P1/neighbourhood?depth=3&types=KIN,ROLE_IN");
    expect(kinOnly.body.nodes.map((n: { id: string }) => n.id).sort()).toEqual(["C1", "P1", "P2"]);
    expect(kinOnly.body.edges.map((e: { type: string }) => e.type).sort()).toEqual(["KIN", "ROLE_IN"]);
    const repeated = await api.get("/api/v1/entities/P1/neighbourhood?depth=2&types=KIN&types=role_in");
    expect(repeated.body.nodes).toHaveLength(3);
    const capped = await api.get("/api/v1/entities/P1/neighbourhood?depth=3&limit=10");
    expect(capped.body.nodes).toHaveLength(10);
  });

  it("answers 400 naming depth or types, and 404 for an unknown id", async () => {
    const depth = await api.get("/api/v1/entities/P1/neighbourhood?depth=4");
    expect(isProblem(depth, 400)).toBe(true);
    expect(depth.body.errors[0].field).toBe("query.depth");
    const types = await api.get("/api/v1/entities/P1/neighbourhood?types=KIN,FRIEND");
    expect(types.body.errors[0].field).toMatch(/^query\.types/);
    expect(isProblem(await api.get("/api/v1/entities/NOPE/neighbourhood"), 404)).toBe(true);
    expect(isProblem(await api.get("/api/v1/entities/P1/neighbourhood", "consumer"), 403)).toBe(true);
  });
});

describe("POST /api/v1/subgraph", () => {
  it("gives the entities asked for, in that order, with every tie among them, and lists unknown ids", async () => {
    const ids = ["C1", "P2", "P1", "address:河口村1号", "NOPE", "P1"];
    const r = await api.call("POST", "/api/v1/subgraph", { body: { ids } });
    expect(r.status).toBe(200);
    expect(r.body.nodes.map((n: { id: string }) => n.id)).toEqual(["C1", "P2", "P1", "address:河口村1号"]);
    expect(r.body.missing).toEqual(["NOPE"]);
    const ties = r.body.edges.map((e: { type: string; source: string; target: string }) => `${e.source}-${e.type}-${e.target}`).sort();
    // The same ties as a neighbourhood shows among these nodes.
    const around = await api.get("/api/v1/entities/P2/neighbourhood");
    const shown = new Set(["C1", "P2", "P1", "address:河口村1号"]);
    const expected = around.body.edges
      .filter((e: { source: string; target: string }) => shown.has(e.source) && shown.has(e.target))
      .map((e: { type: string; source: string; target: string }) => `${e.source}-${e.type}-${e.target}`);
    for (const t of expected) expect(ties).toContain(t);
    expect(ties).toContain("P1-KIN-P2");
    const kinOnly = await api.call("POST", "/api/v1/subgraph", { body: { ids, types: ["KIN"] } });
    expect(kinOnly.body.edges.map((e: { type: string }) => e.type)).toEqual(["KIN"]);
  });

  it("answers 400 naming the field, and 403 for a consumer", async () => {
    const empty = await api.call("POST", "/api/v1/subgraph", { body: { ids: [] } });
    expect(isProblem(empty, 400)).toBe(true);
    expect(empty.body.errors[0].field).toBe("body.ids");
    expect(isProblem(await api.call("POST", "/api/v1/subgraph", { body: { ids: ["P1"] }, as: "consumer" }), 403)).toBe(true);
  });
});

describe("GET /api/v1/schema", () => {
  it("lists the model's labels and relationship types in the database, never the service's own records", async () => {
    const r = await api.get("/api/v1/schema", "analyst");
    expect(r.status).toBe(200);
    expect(r.body.labels).toEqual(expect.arrayContaining(["Person", "Company", "Region", "Phone", "Address"]));
    expect(r.body.labels).not.toContain("ApiKey");
    expect(r.body.labels).not.toContain("AuditEvent");
    expect(r.body.relationshipTypes).toEqual(expect.arrayContaining(["KIN", "ROLE_IN", "HAS"]));
    expect(r.body.propertyKeys).toEqual(expect.arrayContaining(["name", "idNumber"]));
    expect(r.body.propertyKeys).not.toContain("hash");
    expect(isProblem(await api.get("/api/v1/schema", "consumer"), 403)).toBe(true);
  });
});
