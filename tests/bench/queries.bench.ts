// `npm run bench:queries -- [--scale small|county] [--reuse] [--runs N] [--timeout MS] [--only a,b]`:
// every built-in saved query (cypher/saved) through the real runner (services/queries: read-only
// check, READ transaction, row cap, graph of the result) on the benchmark's county database, with
// its default parameters and, for the required ones, real values picked from the data. Each query
// runs N times; the table gives rows, truncated, the first (cold) run next to the median and
// maximum of the later (warm) runs, and whether the median fits the API's 10 s timeout.
// The database (DATA_DIR/bench-<scale>) is generated, imported and analysed when it does not hold
// the seeded county yet; `--reuse` takes whatever it holds (e.g. a copied county database).
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { recoverInterruptedRuns, runAnalysis } from "../../services/analytics/run.ts";
import { progressBar, table } from "../../services/cli/progress.ts";
import { type Graph, QueryTimeoutError } from "../../services/graph/index.ts";
import { bindParameters, QueryCatalogue, type QueryDefinition, RUN_DEFAULTS, runQuery } from "../../services/queries/index.ts";
import { ServiceStore } from "../../services/store/index.ts";
import { benchDatabase } from "./bench-database.ts";
import { benchScale } from "./bundles.ts";
import { machine } from "./machine.ts";
import { markdownTable } from "./markdown.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string" },
    reuse: { type: "boolean", default: false },
    runs: { type: "string", default: "5" },
    timeout: { type: "string", default: "120000" },
    only: { type: "string" },
  },
});
const runs = Number(values.runs);
const timeoutMs = Number(values.timeout);
if (!Number.isSafeInteger(runs) || runs < 2) throw new Error(`--runs must be an integer of at least 2 (one cold, the rest warm), not ${values.runs}`);
if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1000) throw new Error(`--timeout must be milliseconds (at least 1000), not ${values.timeout}`);
const only = values.only ? new Set(values.only.split(",")) : undefined;
const log = (line: string) => console.error(line);

/**
 * Values for the parameters that have no default, from the data: the cadre whose relatives
 * received the most grants, and a cadre and a firm that won an award while the cadre's relative
 * held a role in it (two hops apart).
 */
const SAMPLES: Record<string, { cypher: string; describe: string }> = {
  "kin-subsidies-of-cadre": {
    describe: "the cadre whose relatives received the most grants",
    cypher: `MATCH (c:Person:Cadre)-[:KIN]-(:Person)<-[:PAID_TO]-(g:Grant)
             WITH c, count(g) AS grants ORDER BY grants DESC, c.id LIMIT 1
             RETURN {cadreId: c.id} AS params`,
  },
  "ties-between-entities": {
    describe: "a cadre and a firm of the cadre's relative that won an award",
    cypher: `MATCH (c:Person:Cadre)-[:KIN]-(:Person)-[:ROLE_IN]->(f:Company)<-[:AWARDED_TO]-(:Project)
             WITH c, f ORDER BY c.id, f.id LIMIT 1
             RETURN {fromId: c.id, toId: f.id} AS params`,
  },
};

async function sampleParams(graph: Graph, def: QueryDefinition): Promise<Record<string, unknown>> {
  const required = Object.entries(def.parameters).filter(([, p]) => p.required).map(([name]) => name);
  if (required.length === 0) return {};
  const sample = SAMPLES[def.name];
  if (!sample) throw new Error(`${def.name} has required parameters (${required.join(", ")}) and no sample in queries.bench.ts`);
  const [row] = await graph.read<{ params: Record<string, unknown> }>(sample.cypher);
  if (!row) throw new Error(`no data for ${def.name}: ${sample.describe}`);
  return row.params;
}

interface Measured {
  name: string;
  params: Record<string, unknown>;
  rows: number;
  truncated: boolean;
  /** Milliseconds of every run, the first one cold; undefined when a run timed out. */
  ms: (number | undefined)[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (ms: number | undefined) => (ms === undefined ? `> ${timeoutMs / 1000} s` : ms >= 100 ? String(Math.round(ms)) : ms.toFixed(1));

const scale = benchScale(values.scale);
const db = await benchDatabase({ scale, reuse: values.reuse }, log);
const { graph } = db;
try {
  if (!db.analysed && !values.reuse) {
    await recoverInterruptedRuns(graph);
    log("Analysing (detectors, communities, scores: the flag, community and lead queries read them)…");
    const bar = progressBar();
    await runAnalysis(graph, { onProgress: (p) => bar.update(p.progress, p.detail ? `${p.stage}: ${p.detail}` : p.stage) });
    bar.done();
  }
  const loadBefore = os.loadavg();
  log("Opening the catalogue (every built-in EXPLAINed)…");
  const catalogue = await QueryCatalogue.open(graph, new ServiceStore(await mkdtemp(path.join(os.tmpdir(), "bench-queries-"))));
  const settings = { ...RUN_DEFAULTS, timeoutMs };
  const results: Measured[] = [];
  for (const def of catalogue.builtinList()) {
    if (only && !only.has(def.name)) continue;
    const params = await sampleParams(graph, def);
    const bound = bindParameters(def, params);
    const m: Measured = { name: def.name, params, rows: 0, truncated: false, ms: [] };
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      try {
        const result = await runQuery(graph, def, bound, settings, { bench: "queries" });
        m.ms.push(performance.now() - started);
        m.rows = result.rowCount;
        m.truncated = result.truncated;
      } catch (error) {
        if (!(error instanceof QueryTimeoutError)) throw error;
        m.ms.push(undefined);
        // A query that times out cold will not be measured again and again.
        if (i === 0) break;
      }
    }
    results.push(m);
    log(`  ${def.name}: ${m.rows} rows, ${m.ms.map(fmt).join(" / ")} ms`);
  }

  const header = ["query", "parameters set", "rows", "truncated", "cold ms", "warm median ms", "warm max ms", `median ≤ ${RUN_DEFAULTS.timeoutMs / 1000} s`];
  const rows = results.map((m) => {
    const warm = m.ms.slice(1);
    const done = warm.filter((x): x is number => x !== undefined);
    const timedOut = warm.length === 0 || done.length < warm.length;
    const med = timedOut ? undefined : median(done);
    const params = Object.entries(m.params).map(([k, v]) => `${k}=${String(v)}`).join(" ");
    return [m.name, params, m.rows, m.truncated ? "yes" : "no", fmt(m.ms[0]), fmt(med), fmt(timedOut ? undefined : Math.max(...done)), med !== undefined && med <= RUN_DEFAULTS.timeoutMs ? "yes" : "no"];
  });
  const loadAfter = os.loadavg();
  console.log(`\nSaved queries (${scale}, ${runs} runs each: the first cold, the median and max of the rest) — ${machine()}`);
  console.log(`load average before ${loadBefore.map((l) => l.toFixed(2)).join(" / ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" / ")} (1/5/15 min)\n`);
  console.log(table([header, ...rows]));
  console.log(`\n${markdownTable(header, rows)}`);
} finally {
  await db.close();
}
