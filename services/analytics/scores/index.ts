// Computes risk scores for persons, companies, regions and communities from the active alerts.
import { cypher, type Graph } from "../../graph/index.ts";
import { gradeParams } from "../grades.ts";
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from "./defaults.ts";

export { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from "./defaults.ts";

export interface ScoreResult {
  entities: number;
  regions: number;
  communities: number;
}

export async function computeScores(graph: Graph, settings: Partial<ScoreSettings> = {}): Promise<ScoreResult> {
  const s = { ...DEFAULT_SCORE_SETTINGS, ...settings };
  const common = { moneyTerm: s.moneyTerm, grades: gradeParams() };
  const [entities] = await graph.autoCommit<{ scored: number }>(cypher("scores/entities.cypher"), common);
  const [regions] = await graph.autoCommit<{ scored: number }>(cypher("scores/regions.cypher"), { ...common, damping: s.aggregateDamping.region });
  const [communities] = await graph.autoCommit<{ scored: number }>(cypher("scores/communities.cypher"), {
    ...common,
    damping: s.aggregateDamping.community,
  });
  return { entities: entities?.scored ?? 0, regions: regions?.scored ?? 0, communities: communities?.scored ?? 0 };
}
