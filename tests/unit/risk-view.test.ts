// The in-memory risk view on hand-made entries: stored explanations made ready once (name, titles,
// current statuses), the directory's answers, the ranking's order, filters and keyset, batches, a
// triage patched in place; and RISK_REFRESH_MS parsing.
import { describe, expect, it } from "vitest";
import { RiskView, type ViewEntry } from "../../services/api/risk/view.ts";
import { parseConfig } from "../../services/config/index.ts";

function entry(id: string, score: number | null, more: Partial<ViewEntry> = {}): ViewEntry {
  return { id, key: null, labels: ["Entity", "Person"], type: "person", name: `name ${id}`, score, amount: 0, grade: null, explanation: null, alertIds: [], regions: [], flags: [], ...more };
}

const stored = JSON.stringify({ id: "P1", type: "person", name: "old", score: 90, hits: [{ alertId: "A1", flag: "NO_SUCH_FLAG", status: "new", extra: 1 }], asParty: [{ alertId: "A2", status: "new" }] });

const view = new RiskView(
  "g1",
  [
    entry("P1", 90, { explanation: stored, alertIds: ["A1", "A2"], regions: ["R0", "R1"], flags: ["KIN_BENEFIT"] }),
    entry("P2", 50, { regions: ["R0"] }),
    entry("P3", 50, { regions: ["R0", "R2"], flags: ["TIP"] }),
    entry("C1", 70, { labels: ["Entity", "Company"], type: "company", regions: ["R0"] }),
    entry("V1", null, { explanation: JSON.stringify({ id: "V1", type: "person", name: "v", score: null, hits: [] }) }),
    entry("community:2", 30, { key: 2, labels: [], type: "community", regions: ["R2"] }),
    entry("community:10", 30, { key: 10, labels: [], type: "community", regions: ["R0"] }),
    entry("community:3", 0, { key: 3, labels: [], type: "community" }),
  ],
  new Map([
    ["A1", "investigating"],
    ["A2", "dismissed"],
  ]),
  { ids: ["P1", "P9", "C9"], types: [0, 0, 1], names: ["n1", "张三", "某公司"] },
);

const ranking = (q: Partial<Parameters<RiskView["ranking"]>[0]>) =>
  view.ranking({ label: null, community: false, region: null, flag: null, minScore: 0, after: null, limit: 100, ...q }).map((r) => r.id);

describe("RiskView", () => {
  it("makes a stored explanation ready once: the entity's own name, titles, the current triage status; other fields as they are", () => {
    const answer = JSON.parse(view.answer("P1")!);
    expect(answer).toMatchObject({ id: "P1", name: "name P1", score: 90 });
    expect(answer.hits).toEqual([{ alertId: "A1", flag: "NO_SUCH_FLAG", status: "investigating", extra: 1, title: "NO_SUCH_FLAG" }]);
    expect(answer.asParty).toEqual([{ alertId: "A2", status: "dismissed" }]);
  });

  it("answers unscored persons and companies from the directory, and leaves the rest to Neo4j", () => {
    expect(JSON.parse(view.answer("P9")!)).toEqual({ id: "P9", type: "person", name: "张三", score: 0, grade: null, amount: 0, hitCount: 0, hits: [] });
    expect(JSON.parse(view.answer("C9")!)).toMatchObject({ type: "company", name: "某公司" });
    // Scored without a stored explanation, unknown, or another kind: undefined (Neo4j answers).
    expect(view.answer("P2")).toBeUndefined();
    expect(view.answer("NOPE")).toBeUndefined();
  });

  it("ranks by score, then id; filters by label, region, flag and minimum score; pages by keyset", () => {
    expect(ranking({})).toEqual(["P1", "C1", "P2", "P3"]);
    expect(ranking({ label: "Person" })).toEqual(["P1", "P2", "P3"]);
    expect(ranking({ region: "R2" })).toEqual(["P3"]);
    expect(ranking({ flag: "KIN_BENEFIT" })).toEqual(["P1"]);
    expect(ranking({ minScore: 60 })).toEqual(["P1", "C1"]);
    expect(ranking({ after: { score: 50, id: "P2" } })).toEqual(["P3"]);
    expect(ranking({ after: { score: 70, id: "C1" }, limit: 1 })).toEqual(["P2"]);
    // Communities: every one (no score counts 0), ties by numeric id.
    expect(ranking({ community: true })).toEqual(["community:2", "community:10", "community:3"]);
    expect(ranking({ community: true, after: { score: 30, id: 2 } })).toEqual(["community:10", "community:3"]);
    expect(ranking({ community: true, region: "R0" })).toEqual(["community:10"]);
    expect(view.ranking({ label: null, community: true, region: null, flag: null, minScore: 0, after: null, limit: 1 })[0]).toMatchObject({ key: 2 });
  });

  it("scores batches from what it holds and names the rest for Neo4j", () => {
    const { items, unknown } = view.batch(["P9", "P1", "community:2", "NOPE", "V1"]);
    expect(items).toEqual([
      { id: "P9", type: "person", score: 0, grade: null, amount: 0 },
      { id: "P1", type: "person", score: 90, grade: null, amount: 0 },
      { id: "community:2", type: "community", score: 30, grade: null, amount: 0 },
      { id: "V1", type: "person", score: 0, grade: null, amount: 0 },
    ]);
    expect(unknown).toEqual(["NOPE"]);
  });

  it("patches a triage into the explanations that list the alert", () => {
    view.triaged("A1", "confirmed");
    expect(JSON.parse(view.answer("P1")!).hits[0].status).toBe("confirmed");
    view.triaged("A9", "confirmed");
    expect(view.stats()).toEqual({ entries: 8, explained: 2, directory: 3 });
  });
});

describe("RISK_REFRESH_MS", () => {
  it("is 1000 by default, 0 allowed (no view), negative refused", () => {
    expect(parseConfig({}).api.riskRefreshMs).toBe(1000);
    expect(parseConfig({ RISK_REFRESH_MS: "0" }).api.riskRefreshMs).toBe(0);
    expect(() => parseConfig({ RISK_REFRESH_MS: "-1" })).toThrow(/RISK_REFRESH_MS/);
  });
});
