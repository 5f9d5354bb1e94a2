// Where detector time goes, for `npm run bench:analysis -- --profile-flags`: each flag's query alone
// under PROFILE (database hits, rows, its three heaviest operators, Neo4j CPU seconds), next to the
// flag as the run executes it (the query wrapped by the alert write, cypher/analysis/alerts-write.cypher).
import { loadFlags } from "../../services/analytics/flags/registry.ts";
import { flagParameters, runFlag } from "../../services/analytics/flags/run.ts";
import { gradeParams } from "../../services/analytics/grades.ts";
import type { Graph } from "../../services/graph/index.ts";
import { measured } from "./cpu.ts";
import type { Cell } from "./markdown.ts";

interface Operator {
  operatorType: string;
  dbHits: unknown;
  rows: unknown;
  children: Operator[];
}

const count = (x: unknown): number => (typeof x === "object" && x !== null && "toNumber" in x ? (x as { toNumber(): number }).toNumber() : Number(x));

function operators(op: Operator, out: Operator[] = []): Operator[] {
  out.push(op);
  for (const child of op.children) operators(child, out);
  return out;
}

/** One row per flag: query s, Neo4j CPU s, db hits (M), rows out, heaviest operators, runFlag s. */
export async function profileFlags(graph: Graph, neo4jPid: number | undefined, log: (line: string) => void): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for (const flag of loadFlags()) {
    log(`  ${flag.id}…`);
    const params = { ...flagParameters(flag), flagId: flag.id, typology: flag.typology, weight: flag.weight, runId: "profile", grades: gradeParams() };
    const query = `CALL { ${flag.cypher} } RETURN count(*) AS n`;
    await graph.read(query, params); // plans and caches warm
    const started = performance.now();
    const { value: profile, cpu } = await measured(neo4jPid, () =>
      graph.withSession("READ", async (session) => (await session.run(`PROFILE ${query}`, params)).summary.profile as unknown as Operator),
    );
    const seconds = (performance.now() - started) / 1000;
    const ops = operators(profile);
    const hits = ops.reduce((total, op) => total + count(op.dbHits), 0);
    const heaviest = [...ops]
      .sort((a, b) => count(b.dbHits) - count(a.dbHits))
      .slice(0, 3)
      .map((op) => `${op.operatorType.replace(/@.*/, "")} ${(count(op.dbHits) / 1e6).toFixed(2)}M`)
      .join("; ");
    const run = await runFlag(graph, flag, { runId: "profile-flags" });
    rows.push([flag.id, seconds.toFixed(2), cpu.neo4j?.toFixed(2) ?? "", (hits / 1e6).toFixed(2), run.hits, run.seconds.toFixed(2), heaviest]);
  }
  return rows;
}
