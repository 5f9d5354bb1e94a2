// Alerts over HTTP: the list with filters and keyset pages, one alert with evidence and history,
// and triage that keeps every decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFlags } from "../../../services/analytics/flags/registry.ts";
import { GetAlert, ListAlerts } from "../../../services/api/alerts/router.ts";
import { type Harness, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((a) => a.id);

describe("GET /api/v1/alerts", () => {
  it("lists active alerts strongest first, with subjects and titles", async () => {
    const r = await api.get("/api/v1/alerts");
    expect(r.status).toBe(200);
    expect(ListAlerts.response.safeParse(r.body).success).toBe(true);
    expect(ids(r)).toEqual(["KIN_CONTRACT:PJ1", "KIN_BENEFIT:G2", "DECEASED_PAYEE:G1"]);
    expect(r.body.items[0]).toMatchObject({ flag: "KIN_CONTRACT", score: 0.85, status: "new", active: true, grade: "huge" });
    expect(r.body.items[0].subjects.map((s: { id: string }) => s.id).sort()).toEqual(["C1", "P1"]);
    const deceased = r.body.items.find((a: { flag: string }) => a.flag === "DECEASED_PAYEE");
    const flag = loadFlags().find((f) => f.id === "DECEASED_PAYEE")!;
    expect(deceased.title).toBe(`${flag.title} (${flag.title_zh})`);
    expect(r.body.nextCursor).toBeNull();
  });

  it("filters by flag, status, active state, entity and score, and pages", async () => {
    expect(ids(await api.get("/api/v1/alerts?flag=KIN_BENEFIT"))).toEqual(["KIN_BENEFIT:G2"]);
    expect(ids(await api.get("/api/v1/alerts?entity=P1"))).toEqual(["KIN_CONTRACT:PJ1", "KIN_BENEFIT:G2"]);
    expect(ids(await api.get("/api/v1/alerts?minScore=0.8"))).toEqual(["KIN_CONTRACT:PJ1", "KIN_BENEFIT:G2"]);
    expect(ids(await api.get("/api/v1/alerts?active=false"))).toEqual(["TIP:T9"]);
    expect(ids(await api.get("/api/v1/alerts?status=dismissed&active=all"))).toEqual(["TIP:T9"]);
    expect(ids(await api.get("/api/v1/alerts?active=all"))).toHaveLength(4);
    const first = await api.get("/api/v1/alerts?limit=2");
    expect(ids(first)).toEqual(["KIN_CONTRACT:PJ1", "KIN_BENEFIT:G2"]);
    const second = await api.get(`/api/v1/alerts?limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second)).toEqual(["DECEASED_PAYEE:G1"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("answers 400 naming the field", async () => {
    for (const [query, field] of [
      ["status=closed", "query.status"],
      ["active=maybe", "query.active"],
      ["minScore=2", "query.minScore"],
      ["cursor=abc", "query.cursor"],
    ]) {
      const r = await api.get(`/api/v1/alerts?${query}`);
      expect(isProblem(r, 400), query).toBe(true);
      expect(r.body.errors[0].field).toBe(field);
    }
  });
});

describe("GET /api/v1/alerts/:id", () => {
  it("shows the evidence and the triage history", async () => {
    const r = await api.get("/api/v1/alerts/TIP:T9", "analyst");
    expect(r.status).toBe(200);
    expect(GetAlert.response.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ id: "TIP:T9", status: "dismissed", active: false });
    expect(r.body.history).toEqual([{ status: "dismissed", previous: "new", note: "tip withdrawn", by: "key-old", byName: "old inspector", at: "2023-02-01T00:00:00Z" }]);
    const contract = await api.get(`/api/v1/alerts/${encodeURIComponent("KIN_CONTRACT:PJ1")}`);
    expect(contract.body.evidence.nodes.map((n: { id: string }) => n.id)).toEqual(["P1", "P2", "C1", "PJ1"]);
    expect(contract.body.evidence.relationships).toHaveLength(4);
  });

  it("answers 404 for an unknown alert", async () => {
    expect(isProblem(await api.get("/api/v1/alerts/NOPE:1"), 404)).toBe(true);
  });
});

describe("POST /api/v1/alerts/:id/triage", () => {
  it("records each decision with who and when, and keeps the history", async () => {
    const first = await api.call("POST", "/api/v1/alerts/KIN_BENEFIT:G2/triage", { body: { status: "investigating", note: "spouse on the list" } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: "KIN_BENEFIT:G2", status: "investigating" });
    expect(first.body.triagedAt).toEqual(expect.any(String));
    const second = await api.call("POST", "/api/v1/alerts/KIN_BENEFIT:G2/triage", { body: { status: "confirmed" } });
    expect(second.body.status).toBe("confirmed");
    expect(second.body.history).toEqual([
      expect.objectContaining({ status: "investigating", previous: "new", note: "spouse on the list", by: api.keyIds.investigator, byName: "test investigator" }),
      expect.objectContaining({ status: "confirmed", previous: "investigating", note: null }),
    ]);
    const listed = await api.get("/api/v1/alerts?status=confirmed");
    expect(ids(listed)).toEqual(["KIN_BENEFIT:G2"]);
  });

  it("answers 400 naming the field, 404 for an unknown alert, 403 for other roles", async () => {
    const status = await api.call("POST", "/api/v1/alerts/KIN_BENEFIT:G2/triage", { body: { status: "closed" } });
    expect(isProblem(status, 400)).toBe(true);
    expect(status.body.errors[0].field).toBe("body.status");
    const note = await api.call("POST", "/api/v1/alerts/KIN_BENEFIT:G2/triage", { body: { status: "new", note: 5 } });
    expect(note.body.errors[0].field).toBe("body.note");
    expect(isProblem(await api.call("POST", "/api/v1/alerts/NOPE:1/triage", { body: { status: "new" } }), 404)).toBe(true);
    for (const role of ["analyst", "admin", "consumer"] as const) {
      expect(isProblem(await api.call("POST", "/api/v1/alerts/KIN_BENEFIT:G2/triage", { as: role, body: { status: "new" } }), 403)).toBe(true);
    }
    expect(isProblem(await api.call("POST", "/api/v1/alerts/KIN_BENEFIT:G2/triage", { as: null, body: { status: "new" } }), 401)).toBe(true);
  });
});
