// Baselines for reading the community projection, measured next to the paged reader: the same ties
// by one un-paged query (a record per tie), and by one query per entity (timed on a sample).
import type { Graph } from "../../services/graph/index.ts";
import { projectionOptions, tieParams, withTies } from "../../services/analytics/communities/project.ts";
import { TieCollector } from "../../services/analytics/communities/tie-collector.ts";
import type { TieGraph } from "../../services/analytics/communities/ties.ts";

/** Ties one record each, as a straightforward reader would ask for them. */
const TIE_ROWS = `{{SOURCES}}
CALL (a) {
  {{TIES}}
}
WITH a, b, sum(w) AS w
WHERE w > 0 AND (b:Person OR b:Company)
RETURN id(a) AS a, a.id AS source, id(b) AS b, b.id AS target, w AS weight`;

interface TieRow extends Record<string, unknown> {
  a: number;
  source: string;
  b: number;
  target: string;
  weight: number;
}

function collect(ties: TieCollector, rows: readonly TieRow[]): void {
  for (const r of rows) {
    ties.node(r.a, r.source);
    ties.node(r.b, r.target);
    ties.tie(r.a, r.b, r.weight);
  }
}

/** The same ties by one query returning one record per tie: the result is built in full before the first row arrives. */
export async function readUnpaged(graph: Graph): Promise<{ graph: TieGraph; seconds: number }> {
  const started = performance.now();
  const rows = await graph.read<TieRow>(withTies(TIE_ROWS.replace("{{SOURCES}}", "MATCH (a:Entity) WHERE a:Person OR a:Company")), tieParams(projectionOptions()));
  const ties = new TieCollector();
  collect(ties, rows);
  return { graph: ties.build(), seconds: (performance.now() - started) / 1000 };
}

/** Every `step`-th person or company id, for the per-entity baseline. */
export async function sampleIds(graph: Graph, size: number): Promise<{ chosen: string[]; entities: number }> {
  const [all] = await graph.read<{ ids: string[] }>("MATCH (a:Entity) WHERE a:Person OR a:Company RETURN collect(a.id) AS ids");
  const ids = all?.ids ?? [];
  const step = Math.max(1, Math.floor(ids.length / size));
  return { chosen: ids.filter((_, i) => i % step === 0).slice(0, size), entities: ids.length };
}

/** One query per entity, as an unbatched client would do it; timed on a sample (to be extrapolated). */
export async function readNaive(graph: Graph, chosen: readonly string[]): Promise<number> {
  const query = withTies(TIE_ROWS.replace("{{SOURCES}}", "MATCH (a:Entity {id: $id})"));
  const params = tieParams(projectionOptions());
  const ties = new TieCollector();
  const started = performance.now();
  for (const id of chosen) collect(ties, await graph.read<TieRow>(query, { ...params, id }));
  ties.build();
  return (performance.now() - started) / 1000;
}
