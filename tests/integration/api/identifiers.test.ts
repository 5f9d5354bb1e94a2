// Findings 2 and 3 of issue 11: identity numbers, birth dates, phones and bank accounts must not leave
// the server in clear for any role, by any route — enforced at the source: the importer writes vault
// tokens into the graph, so no saved query (substring, concatenation, nested lists, reversal, CSV
// export), entity, neighbourhood, path, risk explanation or alert summary can hold a clear value.
// Matching still works (shared phones tie owners, searches by a full identifier find it), and an
// investigator unmasks one field of one entity with a reason, audited.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalysis } from "../../../services/analytics/run.ts";
import { importBundle, validateBundle } from "../../../services/ingest/index.ts";
import { isToken } from "../../../services/store/index.ts";
import { type Harness, type Loose, startApi } from "../../support/api.ts";
import { FIXTURES } from "../../support/bundles.ts";
import { tempVault } from "../../support/store.ts";

const BUNDLE = path.join(FIXTURES, "bundle-ok");
const vault = tempVault();
let api: Harness;
/** Every clear identifier of the bundle (normalised as stored before), and each reversed. */
let forbidden: string[] = [];
const clear: Record<string, Set<string>> = { idNumber: new Set(), phone: new Set(), account: new Set(), birthDate: new Set() };
const COLUMNS: Record<string, keyof typeof clear> = { id_number: "idNumber", phone: "phone", bank_account: "account", account_id: "account", account: "account", from_account: "account", to_account: "account", deposit_account: "account", birth_date: "birthDate" };

beforeAll(async () => {
  await validateBundle(BUNDLE, {
    onRow: (_source, row) => {
      for (const [column, kind] of Object.entries(COLUMNS)) if (typeof row[column] === "string") clear[kind]!.add(row[column] as string);
      return undefined;
    },
  });
  const values = [...clear.idNumber!, ...clear.phone!, ...clear.account!];
  forbidden = [...values, ...values.map((v) => [...v].reverse().join(""))];
  api = await startApi({ fixture: false, deps: { vault } });
  await importBundle(api.graph, BUNDLE, { vault });
  await runAnalysis(api.graph);
}, 1_800_000);
afterAll(async () => api?.close());

/** Fails naming the first clear identifier found in an answer. */
function expectSealed(body: unknown, where: string): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  for (const value of forbidden) expect(text.includes(value), `${where} holds ${value}`).toBe(false);
  // Birth dates: no property named like one holds a date.
  expect(/"birth_?[dD]ate"\s*:\s*"\d{4}-\d{2}-\d{2}/.test(text), `${where} holds a birth date`).toBe(false);
}

function query(name: string, cypher: string): string {
  return [`// title: ${name}`, `// title_zh: ${name}`, "// description: probe", "// parameters:", "//   limit: { type: integer, default: 1000, min: 1, max: 1000, description: rows }", cypher, "LIMIT $limit"].join("\n");
}

// Finding 2's recoveries: concatenation, two substrings, a value nested deeper than the old masking
// looked, reversal, and the clear birth date beside the number.
const RECOVER = `MATCH (p:Person) OPTIONAL MATCH (p)-[:HAS]->(x)
RETURN p.id AS id, p.idNumber + ' ' AS concat, substring(p.idNumber, 0, 9) + substring(p.idNumber, 9) AS halves,
  [[[[[[[[[[[[p.idNumber]]]]]]]]]]]] AS nested, reverse(p.idNumber) AS reversed, toString(p.birthDate) AS birthDate, p.birthYear AS birthYear,
  x.value + '' AS phoneOrAddress, x.id + '' AS account, properties(p) AS props`;

describe("identifiers at the source (findings 2 and 3)", { timeout: 600_000 }, () => {
  it("the graph ties owners of one phone or account by equal tokens", async () => {
    const shared = await api.graph.read<{ owners: string[]; value: string }>("MATCH (o)-[:HAS]->(x:Phone) WITH x, collect(o.id) AS owners WHERE size(owners) > 1 RETURN x.value AS value, owners");
    // 138-0013-8000 and (138) 0013 8000 are one phone; so is 137 0000 0005 of a person and a company.
    const byOwners = new Map(shared.map((s) => [s.owners.sort().join(","), s.value]));
    expect([...byOwners.keys()].sort()).toEqual(["C1,P5", "P1,P3"]);
    for (const value of byOwners.values()) expect(isToken(value)).toBe(true);
    expect(await vault.reveal(byOwners.get("C1,P5")!)).toBe("13700000005");
    expect(await vault.reveal(byOwners.get("P1,P3")!)).toBe("13800138000");
  });

  it("saved-query rows and CSV exports hold no clear identifier, however the query recombines them, for every role", async () => {
    const saved = await api.call("PUT", "/api/v1/queries/probe-identifiers", { as: "analyst", body: { text: query("probe-identifiers", RECOVER), baseVersion: 0 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    for (const role of ["analyst", "investigator", "admin"] as const) {
      const run = await api.call("POST", "/api/v1/queries/probe-identifiers/run", { as: role, body: {} });
      expect(run.status, role).toBe(200);
      expectSealed(run.body.rows, `${role} rows`);
      const p1 = (run.body.rows as Loose[]).find((r) => r.id === "P1");
      expect(isToken(p1.halves), `${role}: ${p1.halves}`).toBe(true);
      expect(isToken(p1.birthDate)).toBe(true);
      expect(p1.birthYear).toBe(1970);
      const csv = await api.call("GET", "/api/v1/queries/probe-identifiers/export.csv", { as: role });
      expect(csv.status, role).toBe(200);
      expect(csv.body as string).toContain(p1.halves);
      expectSealed(csv.body, `${role} CSV`);
    }
  });

  it("entities, neighbourhoods and paths hold tokens only, for every role that reads them", async () => {
    const phone = `phone:${vault.token("phone", "13700000005")}`;
    for (const role of ["analyst", "investigator", "admin"] as const) {
      const p1 = await api.get("/api/v1/entities/P1", role);
      expect(p1.status).toBe(200);
      expect(isToken(p1.body.properties.idNumber)).toBe(true);
      expectSealed(p1.body, `${role} entity`);
      const around = await api.get("/api/v1/entities/P1/neighbourhood?depth=2", role);
      expect(around.status).toBe(200);
      expect(around.body.nodes.some((n: Loose) => n.type === "account")).toBe(true);
      expectSealed(around.body, `${role} neighbourhood`);
      const paths = await api.get(`/api/v1/paths?from=P5&to=C1&types=HAS&all=true`, role);
      expect(paths.status).toBe(200);
      expect(JSON.stringify(paths.body)).toContain(phone);
      expectSealed(paths.body, `${role} paths`);
    }
  });

  it("a search by a full identifier, as written, finds its owner through the token", async () => {
    const byId = await api.get(`/api/v1/entities?q=${encodeURIComponent("530122197001010016")}`, "analyst");
    expect(byId.body.items.map((i: Loose) => [i.id, i.match])).toContainEqual(["P1", "identifier"]);
    const byPhone = await api.get(`/api/v1/entities?q=${encodeURIComponent("+86 137 0000 0005")}`, "investigator");
    expect(byPhone.body.items.map((i: Loose) => i.id)).toContain(`phone:${vault.token("phone", "13700000005")}`);
    const byAccount = await api.get(`/api/v1/entities?q=${encodeURIComponent("6222 0000 0001")}`, "investigator");
    expect(byAccount.body.items.map((i: Loose) => i.id)).toContain(vault.token("account", "622200000001"));
    expectSealed([byId.body, byPhone.body, byAccount.body], "search");
  });

  it("risk evidence (consumer) and alert summaries hold no clear phone or account (finding 3)", async () => {
    const ranking = await api.get("/api/v1/risk/ranking?limit=100", "consumer");
    expect(ranking.status).toBe(200);
    expectSealed(ranking.body, "ranking");
    const ids = (ranking.body.items as Loose[]).map((i) => i.id);
    expect(ids.length).toBeGreaterThan(0);
    const texts: string[] = [];
    for (const id of ids) {
      const risk = await api.get(`/api/v1/entities/${encodeURIComponent(id)}/risk`, "consumer");
      expect(risk.status).toBe(200);
      texts.push(JSON.stringify(risk.body));
    }
    const batch = await api.call("POST", "/api/v1/risk/batch", { as: "consumer", body: { ids } });
    texts.push(JSON.stringify(batch.body));
    const alerts = await api.get("/api/v1/alerts?limit=200", "analyst");
    expect(alerts.body.items.length).toBeGreaterThan(0);
    texts.push(JSON.stringify(alerts.body));
    for (const a of alerts.body.items as Loose[]) texts.push(JSON.stringify((await api.get(`/api/v1/alerts/${encodeURIComponent(a.id)}`, "analyst")).body));
    const all = texts.join("\n");
    // The evidence does name identifiers — by their tokens.
    expect(all).toMatch(/acct_[0-9a-f]{24}|tel_[0-9a-f]{24}/);
    expectSealed(all, "risk and alerts");
  });

  it("an investigator unmasks one field of one entity with a reason; the reason is audited; other roles are refused", async () => {
    const reason = "case 2024-17: verify the beneficiary";
    const id = await api.call("POST", "/api/v1/entities/P1/unmask", { as: "investigator", body: { field: "idNumber", reason } });
    expect(id.status).toBe(200);
    expect(id.body).toEqual({ id: "P1", field: "idNumber", value: "530122197001010016" });
    expect(id.headers.get("cache-control")).toBe("no-store");
    const birth = await api.call("POST", "/api/v1/entities/P1/unmask", { as: "investigator", body: { field: "birthDate", reason } });
    expect(birth.body.value).toBe("1970-01-01");
    const phoneId = `phone:${vault.token("phone", "13700000005")}`;
    const phone = await api.call("POST", `/api/v1/entities/${encodeURIComponent(phoneId)}/unmask`, { as: "investigator", body: { field: "phone", reason } });
    expect(phone.body.value).toBe("13700000005");
    const account = await api.call("POST", `/api/v1/entities/${vault.token("account", "622200000001")}/unmask`, { as: "investigator", body: { field: "account", reason } });
    expect(account.body.value).toBe("622200000001");
    // No such identifier on that entity; no reason; roles without clearance.
    expect((await api.call("POST", "/api/v1/entities/C1/unmask", { as: "investigator", body: { field: "idNumber", reason } })).status).toBe(404);
    expect((await api.call("POST", "/api/v1/entities/P1/unmask", { as: "investigator", body: { field: "idNumber" } })).status).toBe(400);
    for (const role of ["analyst", "admin", "consumer", "auditor"] as const) {
      const refused = await api.call("POST", "/api/v1/entities/P1/unmask", { as: role, body: { field: "idNumber", reason } });
      expect(refused.status, role).toBe(403);
      expectSealed(refused.body, role);
    }
    await api.app.audit.flush();
    const trail = readFileSync(api.app.audit.trail.files.trail, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Loose);
    const unmasked = trail.filter((r) => r.route === "/api/v1/entities/:id/unmask" && r.status === 200);
    expect(unmasked).toHaveLength(4);
    for (const r of unmasked) expect(r.params.body.reason).toBe(reason);
    // The trail says who looked at whom and why, never the value itself.
    expect(unmasked.filter((r) => r.entities.includes("P1"))).toHaveLength(2);
    expectSealed(trail.filter((r) => r.route === "/api/v1/entities/:id/unmask"), "audit of unmasking");
  });
});
