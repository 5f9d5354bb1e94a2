// The in-memory risk view against the real app and Neo4j: it gives the answers Neo4j gives (every
// fixture id, the ranking under every filter and page, batches), sends a stored explanation as it is
// with titles and current triage statuses, shows a triage through the API at once and a change made
// behind its back after the next refresh, and RISK_REFRESH_MS=0 turns it off.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RiskReadModel } from "../../../services/api/risk/model.ts";
import { RiskRepository } from "../../../services/api/risk/repository.ts";
import { GetRisk } from "../../../services/api/risk/router.ts";
import { type RankType, RiskService } from "../../../services/api/risk/service.ts";
import { JsonText } from "../../../services/api/route.ts";
import { type Harness, type Loose, startApi } from "../../support/api.ts";

const IDS = ["P1", "P2", "P3", "P4", "C1", "R0", "R1", "R11", "R12", "N01", "N05", "N20", "PJ1", "G1", "community:1", "community:2", "community:3", "NOPE"];

let api: Harness;
let model: RiskReadModel;
let viewed: RiskService;
let neo4j: RiskService;

/** Both services' answer, as plain JSON (a 404 as the string "404"). */
async function both<T>(ask: (s: RiskService) => Promise<T>): Promise<[unknown, unknown]> {
  const plain = async (s: RiskService) => {
    try {
      const value = await ask(s);
      return value instanceof JsonText ? JSON.parse(value.text) : JSON.parse(JSON.stringify(value));
    } catch (error) {
      if ((error as Error).name === "NotFoundError") return "404";
      throw error;
    }
  };
  return [await plain(viewed), await plain(neo4j)];
}

beforeAll(async () => {
  api = await startApi({ config: { riskRefreshMs: 100 } });
  await api.app.risk.ready();
  const repo = new RiskRepository(api.graph);
  model = new RiskReadModel(repo, pino({ level: "silent" }), { refreshMs: 3_600_000 });
  viewed = new RiskService(repo, { model });
  neo4j = new RiskService(repo);
});
afterAll(async () => {
  model?.close();
  await api?.close();
});

describe("the risk view answers as Neo4j does", () => {
  it("for every kind of id, scored or not, and 404 for an unknown one", async () => {
    await model.ready();
    const before = model.stats();
    for (const id of IDS) {
      const [fromView, fromNeo4j] = await both((s) => s.answer(id));
      expect(fromView, id).toEqual(fromNeo4j);
    }
    const after = model.stats();
    // The view was current for every request; it holds persons, companies, regions and communities,
    // and leaves a project, a grant and an unknown id to Neo4j.
    expect(after.fromView - before.fromView).toBe(IDS.length);
    expect(model.current()!.answer("PJ1")).toBeUndefined();
    expect(model.current()!.answer("NOPE")).toBeUndefined();
    expect(model.current()!.answer("N20")).toEqual(expect.any(String));
  });

  it("for the ranking under every filter, page by page", async () => {
    const types: (RankType | undefined)[] = [undefined, "person", "company", "region", "community"];
    for (const type of types) {
      for (const filter of [{}, { region: "R12" }, { region: "R11" }, { flag: "KIN_BENEFIT" }, { minScore: 55 }]) {
        for (const limit of [2]) {
          let cursor: [number, string | number] | undefined;
          for (let page = 0; page < 40; page += 1) {
            const q = { type, minScore: 0, ...filter, limit, cursor };
            const [fromView, fromNeo4j] = await both((s) => s.ranking(q));
            expect(fromView, JSON.stringify(q)).toEqual(fromNeo4j);
            const next = (fromView as { nextCursor: string | null }).nextCursor;
            if (!next) break;
            cursor = JSON.parse(Buffer.from(next, "base64url").toString("utf8")) as [number, string | number];
          }
        }
      }
    }
  }, 300_000);

  it("for batches of known, unscored, other and unknown ids", async () => {
    const [fromView, fromNeo4j] = await both((s) => s.batch(["C1", "P1", "NOPE", "community:2", "N30", "PJ1", "community:001", "P1"]));
    expect(fromView).toEqual(fromNeo4j);
    expect((fromView as { missing: string[] }).missing).toEqual(["NOPE"]);
  });
});

describe("stored explanations", () => {
  const stored = {
    id: "P1",
    type: "person",
    name: "stale name",
    score: 92.5,
    grade: "huge",
    amount: 453000,
    hitCount: 2,
    // Fields the view does not read (the scorer's groups) travel as they are.
    groups: [{ group: "KIN_CONTRACT|P1|P2", flag: "KIN_CONTRACT", alerts: 1, llr: 5.1, counted: 5.1, strongest: "KIN_CONTRACT:PJ1" }],
    hits: [
      { alertId: "KIN_CONTRACT:PJ1", flag: "KIN_CONTRACT", weight: 0.85, confidence: 1, score: 0.85, amount: 450000, grade: "huge", summary: "s", status: "old", evidence: { nodes: [], relationships: [] } },
      { alertId: "KIN_BENEFIT:G2", flag: "KIN_BENEFIT", weight: 0.8, confidence: 1, score: 0.8, amount: 3000, grade: "discipline", summary: null, status: "old", evidence: { nodes: [], relationships: [] } },
    ],
  };

  it("are sent as they are, with the entity's name, flag titles and the alerts' current triage status", async () => {
    await api.graph.write("MATCH (e:Entity {id: 'P1'}) SET e.riskExplanation = $text, e.riskAlertIds = ['KIN_CONTRACT:PJ1', 'KIN_BENEFIT:G2']", { text: JSON.stringify(stored) });
    await api.app.risk.ready();
    const r = await api.get("/api/v1/entities/P1/risk", "consumer");
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^application\/json/);
    expect(GetRisk.response.safeParse(r.body).success).toBe(true);
    expect(r.body.name).toBe("王军");
    expect(r.body.groups).toEqual(stored.groups);
    expect(r.body.hits.map((h: Loose) => [h.alertId, h.status, h.title])).toEqual([
      ["KIN_CONTRACT:PJ1", "new", expect.stringMatching(/\S/)],
      ["KIN_BENEFIT:G2", "new", expect.stringMatching(/\S/)],
    ]);
    expect(r.body.hits[0].title).not.toBe("KIN_CONTRACT");
  });

  it("show a triage through the API in the next answer, without waiting for a refresh", async () => {
    const slow = await startApi({ fixture: "keep", config: { riskRefreshMs: 3_600_000 } });
    try {
      await slow.graph.write("MATCH (e:Entity {id: 'P1'}) SET e.riskExplanation = $text, e.riskAlertIds = ['KIN_CONTRACT:PJ1', 'KIN_BENEFIT:G2']", { text: JSON.stringify(stored) });
      await slow.app.risk.ready();
      const status = async () => (await slow.get("/api/v1/entities/P1/risk", "consumer")).body.hits[0].status;
      expect(await status()).toBe("new");
      const triaged = await slow.call("POST", "/api/v1/alerts/KIN_CONTRACT:PJ1/triage", { as: "investigator", body: { status: "investigating", note: "view test" } });
      expect(triaged.status).toBe(200);
      const viewedBefore = slow.app.risk.stats().fromView;
      expect(await status()).toBe("investigating");
      expect(slow.app.risk.stats().fromView).toBe(viewedBefore + 1);
    } finally {
      await slow.close();
    }
  });
});

describe("freshness", () => {
  it("shows a change made behind the API's back after the next refresh", async () => {
    await api.app.risk.ready();
    await api.graph.write("MATCH (e:Entity {id: 'P4'}) SET e.riskScore = 12.34");
    let score: number | undefined;
    for (let i = 0; i < 100 && score !== 12.34; i += 1) {
      score = (await api.get("/api/v1/entities/P4/risk", "consumer")).body.score;
      if (score !== 12.34) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(score).toBe(12.34);
  });

  it("answers an entity created after the view was built, and never remembers a 404", async () => {
    await api.app.risk.ready();
    expect((await api.get("/api/v1/entities/LATE1/risk", "consumer")).status).toBe(404);
    await api.graph.write("CREATE (:Entity:Person {id: 'LATE1', name: 'late'})");
    const r = await api.get("/api/v1/entities/LATE1/risk", "consumer");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: "LATE1", score: 0, hits: [] });
  });

  it("is off with RISK_REFRESH_MS=0: every answer from Neo4j", async () => {
    const off = await startApi({ fixture: "keep", config: { riskRefreshMs: 0 } });
    try {
      await off.app.risk.ready();
      await off.graph.write("MATCH (e:Entity {id: 'P4'}) SET e.riskScore = 34.56");
      expect((await off.get("/api/v1/entities/P4/risk", "consumer")).body.score).toBe(34.56);
      expect(off.app.risk.stats()).toMatchObject({ fromView: 0, builds: 0 });
    } finally {
      await off.close();
    }
  });
});
