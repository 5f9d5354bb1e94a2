// Simulated triage for `npm run evaluate -- --triage K`: an inspector opens the first K persons and
// companies of the ranking and rules on each active alert they answer for, confirming it when one of
// its subjects is a culprit of the ground truth and dismissing it otherwise. The verdicts are written
// as the API writes them, so the next analysis run weighs the flags by them.
import { cypher, type Graph } from "../../graph/index.ts";

export interface TriageResult {
  entities: string[];
  confirmed: number;
  dismissed: number;
}

export async function simulateTriage(graph: Graph, positives: ReadonlySet<string>, k: number): Promise<TriageResult> {
  const ranking = await graph.read<{ id: string; score: number; scored: boolean }>(cypher("evaluate/ranking.cypher"));
  const entities = ranking
    .filter((r) => r.scored)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, k)
    .map((r) => r.id);
  const alerts = await graph.read<{ id: string; subjects: string[] }>(cypher("evaluate/alerts-of.cypher"), { ids: entities });
  let confirmed = 0;
  let dismissed = 0;
  for (const a of alerts) {
    const real = a.subjects.some((s) => positives.has(s));
    await graph.write(cypher("api/alert-triage.cypher"), {
      id: a.id,
      status: real ? "confirmed" : "dismissed",
      note: "simulated from the ground truth by npm run evaluate -- --triage",
      by: "evaluate",
      byName: "npm run evaluate",
    });
    if (real) confirmed += 1;
    else dismissed += 1;
  }
  return { entities, confirmed, dismissed };
}
