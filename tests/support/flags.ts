// Detector-test helpers: build a tiny graph with Cypher, run one flag, read its alerts back.
import { flagById } from "../../services/analytics/flags/registry.ts";
import { runFlag } from "../../services/analytics/flags/run.ts";
import type { Graph } from "../../services/graph/index.ts";

export interface AlertRow {
  id: string;
  flag: string;
  confidence: number;
  amount: number;
  grade: string;
  subjects: string[];
  /** The subjects whose part is secondary (they take a share of the risk). */
  minor: string[];
  /** The other parties as `id:part`, sorted. */
  parties: string[];
  group: string;
  facts: string[];
  evidenceNodes: string[];
  evidenceRels: string[];
  summary: string;
}

/** Runs the flag `id` with optional parameter overrides and returns its alerts, sorted by id. */
export async function runAndRead(graph: Graph, id: string, parameters: Record<string, unknown> = {}): Promise<AlertRow[]> {
  const flag = flagById(id);
  if (!flag) throw new Error(`no flag ${id}`);
  await runFlag(graph, flag, { runId: `test-${Date.now()}`, parameters: { [id]: parameters } });
  return graph.read<AlertRow & Record<string, unknown>>(
    `MATCH (a:Alert {flag: $id})
     RETURN a.id AS id, a.flag AS flag, a.confidence AS confidence, a.amount AS amount, a.grade AS grade,
            COLLECT { MATCH (a)-[:ON]->(s) RETURN s.id ORDER BY s.id } AS subjects,
            COLLECT { MATCH (a)-[on:ON]->(s) WHERE on.minor RETURN s.id ORDER BY s.id } AS minor,
            COLLECT { MATCH (a)-[n:NAMES]->(p) RETURN p.id + ':' + n.part AS x ORDER BY x } AS parties,
            a.group AS group, a.facts AS facts, a.evidenceNodes AS evidenceNodes,
            a.evidenceRels AS evidenceRels, a.summary AS summary
     ORDER BY id`,
    { id },
  );
}

/** The alert `id` among `alerts`; throws, listing the ids there are, when it is missing. */
export function alertById(alerts: AlertRow[], id: string): AlertRow {
  const a = alerts.find((x) => x.id === id);
  if (!a) throw new Error(`no alert ${id} in ${alerts.map((x) => x.id).join(", ")}`);
  return a;
}
