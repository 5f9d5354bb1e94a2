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
    `MATCH (a:Alert {flag: $id})-[:ON]->(s)
     WITH a, s ORDER BY s.id
     RETURN a.id AS id, a.flag AS flag, a.confidence AS confidence, a.amount AS amount, a.grade AS grade,
            collect(s.id) AS subjects, a.evidenceNodes AS evidenceNodes,
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
