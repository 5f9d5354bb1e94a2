// Finding 1 of issue 11: saved queries must not reach the service's own records. Keys, audit
// records, saved queries and their runs live outside the graph, so whatever a saved query says (a
// label, MATCH (n), a property name) it finds none of them, as any role that may run queries.
// Also: records an older version left in the graph are moved out once, and nothing is lost.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKey } from "../../../services/api/auth/keys.ts";
import { moveRecordsOutOfGraph } from "../../../services/api/move-records.ts";
import { type Harness, type Loose, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

function query(name: string, cypher: string): string {
  return [`// title: ${name}`, `// title_zh: ${name}`, "// description: probe", "// parameters:", "//   limit: { type: integer, default: 1000, min: 1, max: 1000, description: rows }", cypher, "LIMIT $limit"].join("\n");
}

const PROBES: Record<string, string> = {
  "probe-keys": "MATCH (k:ApiKey) RETURN k.id AS id, k.name AS name, k.role AS role, k.hash AS hash",
  "probe-audit": "MATCH (e:AuditEvent) RETURN e.keyName AS who, e.path AS path, e.params AS params",
  "probe-saved": "MATCH (q) WHERE q:SavedQuery OR q:SavedQueryVersion OR q:QueryRun RETURN properties(q) AS q",
  "probe-any-node": "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props",
  "probe-by-property": "MATCH (n) WHERE n.hash IS NOT NULL OR n.keyName IS NOT NULL OR n.text IS NOT NULL OR n.params IS NOT NULL RETURN properties(n) AS props",
  "probe-labels": "CALL db.labels() YIELD label RETURN label",
};

describe("saved queries cannot read the service's records (finding 1)", () => {
  it("finds no key, audit record, saved query or run, by label, MATCH (n) or property, as each role that runs queries", async () => {
    // Records of every kind exist: keys (the harness), audit records (these requests), a run.
    for (const [name, cypher] of Object.entries(PROBES)) {
      const saved = await api.call("PUT", `/api/v1/queries/${name}`, { as: "analyst", body: { text: query(name, cypher), baseVersion: 0 } });
      expect(saved.status, `${name}: ${JSON.stringify(saved.body)}`).toBe(201);
    }
    await api.app.audit.flush();
    const secrets = [...Object.values(api.keys), ...Object.values(api.keys).map(hashKey), "test analyst", "probe-keys"];
    for (const role of ["analyst", "investigator", "admin"] as const) {
      for (const name of Object.keys(PROBES)) {
        const run = await api.call("POST", `/api/v1/queries/${name}/run`, { as: role, body: {} });
        expect(run.status, `${role} ${name}`).toBe(200);
        const text = JSON.stringify(run.body.rows);
        for (const secret of secrets) expect(text, `${role} ${name}`).not.toContain(secret);
        if (name === "probe-labels") {
          const labels = (run.body.rows as Loose[]).map((r) => r.label);
          for (const label of ["ApiKey", "AuditEvent", "SavedQuery", "SavedQueryVersion", "QueryRun"]) expect(labels).not.toContain(label);
        }
      }
    }
    // The records are where they belong.
    expect(readFileSync(api.app.store.keys.file, "utf8")).toContain(hashKey(api.keys.analyst));
    expect(readFileSync(api.app.audit.trail.files.trail, "utf8")).toContain("/api/v1/queries/probe-keys/run");
    expect(readFileSync(api.app.store.queryRuns.file, "utf8")).toContain("probe-keys");
  });
});

describe("moving an older installation's records out of the graph", () => {
  it("takes keys, audit events, saved queries and runs into the store and deletes the nodes", async () => {
    await api.graph.write(`
      CREATE (:ApiKey {id: 'key-old', name: 'old admin', role: 'admin', hash: 'abc123', createdAt: datetime('2024-01-01T00:00:00Z'), revokedAt: null})
      CREATE (:AuditEvent {id: 'ev-old', at: datetime('2024-01-02T00:00:00Z'), keyId: 'key-old', keyName: 'old admin', role: 'admin', method: 'GET',
              route: '/api/v1/entities/:id', path: '/api/v1/entities/P1', params: '{"path":{"id":"P1"}}', status: 200, ms: 3.0, ip: '127.0.0.1'})
      CREATE (q:SavedQuery {name: 'old-query', author: 'key-old', authorName: 'old admin', title: 'Old', version: 1, createdAt: datetime('2024-01-03T00:00:00Z'), deleted: false})
      CREATE (q)-[:VERSION]->(:SavedQueryVersion {name: 'old-query', version: 1, text: 'old text', header: '{}', author: 'key-old', at: datetime('2024-01-03T00:00:00Z')})
      CREATE (:QueryRun {id: 'run-old', at: datetime('2024-01-04T00:00:00Z'), keyId: 'key-old', query: 'old-query', version: 1, source: 'saved', params: '{}', rows: 2, truncated: false, ms: 5.0, status: 'ok', format: 'json'})`);
    const moved = await moveRecordsOutOfGraph(api.graph, api.app.store, api.app.audit);
    expect(moved).toEqual({ keys: 1, auditEvents: 1, queries: 1, runs: 1 });
    const [left] = await api.graph.read<{ n: number }>("MATCH (n) WHERE n:ApiKey OR n:AuditEvent OR n:SavedQuery OR n:SavedQueryVersion OR n:QueryRun RETURN count(n) AS n");
    expect(left?.n).toBe(0);
    expect((await api.app.keys.list()).find((k) => k.id === "key-old")).toMatchObject({ role: "admin", name: "old admin" });
    const audit = await api.get("/api/v1/audit?actor=key-old", "auditor");
    expect(audit.body.items[0]).toMatchObject({ id: "ev-old", migrated: true, entities: ["P1"], params: { path: { id: "P1" } } });
    const old = await api.get("/api/v1/queries/old-query/versions", "analyst");
    expect(old.body.items[0]).toMatchObject({ version: 1, text: "old text" });
    const runs = await api.get("/api/v1/query-runs?query=old-query", "auditor");
    expect(runs.body.items[0]).toMatchObject({ id: "run-old", rows: 2 });
    // Once moved, nothing more to do.
    expect(await moveRecordsOutOfGraph(api.graph, api.app.store, api.app.audit)).toEqual({ keys: 0, auditEvents: 0, queries: 0, runs: 0 });
  });
});
