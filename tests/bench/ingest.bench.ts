// `npm run bench:ingest -- [--scale small|county|province] [--only offline,online,today,naive]`:
// in one run, the same bundle loaded four ways into an empty database — the offline importer (the
// path of `npm start` on a fresh clone), the online loader (CREATE of new nodes, eventually consistent
// full-text index), today's loader before this change (MERGE of every node, full-text index updated in
// each transaction) and the naive loader (the online statements, one row per transaction; on the small
// bundle, a county would take hours). Each with wall and CPU seconds (Node and Neo4j), peak memory and
// the load average around it, since other work shares the machine.
import { tempVault } from "../support/store.ts";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { startRuntimeWithImport } from "../../services/cli/runtime.ts";
import { type Config } from "../../services/config/index.ts";
import { Graph, migrate } from "../../services/graph/index.ts";
import { importBundle, type ImportReport, type Validation } from "../../services/ingest/index.ts";
import { fileStatements } from "../../services/ingest/statements.ts";
import { validateBundle } from "../../services/ingest/validate.ts";
import { resolveNeo4j } from "../../services/neo4j/connect.ts";
import { runningServer, stopLocal, wipeLocal } from "../../services/neo4j/local.ts";
import { benchConfig } from "./bench-neo4j.ts";
import { benchBundle } from "./bundles.ts";
import { cpuNow } from "./cpu.ts";
import { machine } from "./machine.ts";
import { markdownTable, type Cell } from "./markdown.ts";

type Loader = "offline" | "online" | "today" | "naive";
const LOADERS: Loader[] = ["offline", "online", "today", "naive"];

const { values } = parseArgs({ options: { scale: { type: "string", default: "county" }, only: { type: "string" } } });
const scale = values.scale as "small" | "county" | "province";
if (!["small", "county", "province"].includes(scale)) throw new Error(`--scale must be small, county or province, not ${scale}`);
const only = values.only ? (values.only.split(",") as Loader[]) : LOADERS;
for (const l of only) if (!LOADERS.includes(l)) throw new Error(`--only takes ${LOADERS.join(",")}, not ${l}`);

/** The benchmark's own empty local database for a loader: DATA_DIR/bench-ingest-<loader>, port + 5. */
function freshConfig(loader: Loader): Config {
  const cfg = benchConfig({ name: `bench-ingest-${loader}`, portOffset: 5 });
  return cfg;
}

async function emptyStore(cfg: Config): Promise<void> {
  await stopLocal(cfg.dataDir);
  wipeLocal(cfg.dataDir);
}

/** The full-text index of names as today's loader had it: updated in each write transaction. */
const FULLTEXT_SYNC = [
  "DROP INDEX entity_names IF EXISTS",
  "CREATE FULLTEXT INDEX entity_names FOR (n:Person|Company|Region|Project|Program) ON EACH [n.name] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }",
];

function loadAverage(): string {
  return os.loadavg()[0]!.toFixed(1);
}

/** Peak resident memory of a process in MiB (VmHWM), from /proc. */
function peakMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Rows the online loader writes in its node phase and in its relationship phase. */
function phaseRows(validation: Validation): { nodes: number; relationships: number } {
  let nodes = 0;
  let relationships = 0;
  for (const s of validation.sources) {
    const statements = fileStatements(s.spec.name);
    if (statements.nodes.length > 0) nodes += s.valid;
    if (statements.relationships.length > 0) relationships += s.valid;
  }
  return { nodes, relationships };
}

interface Result {
  loader: Loader;
  bundle: string;
  report: ImportReport;
  /** Wall seconds until the database answers with its schema, the data in it. */
  seconds: number;
  cpuNode: number;
  cpuNeo4j: number | undefined;
  neo4jPeakMiB: number | undefined;
  load: string;
}

const silent = pino({ level: "silent" });

async function offline(bundle: string): Promise<Result> {
  const cfg = freshConfig("offline");
  await emptyStore(cfg);
  const load = loadAverage();
  const cpu = cpuNow(undefined);
  const started = performance.now();
  const runtime = await startRuntimeWithImport(silent, bundle, {}, cfg);
  const seconds = (performance.now() - started) / 1000;
  const pid = runningServer(cfg.dataDir)?.pid;
  const after = cpuNow(pid);
  const result: Result = {
    loader: "offline",
    bundle: path.basename(path.dirname(bundle)),
    report: runtime.report,
    seconds,
    cpuNode: after.node - cpu.node,
    cpuNeo4j: after.neo4j,
    neo4jPeakMiB: peakMiB(pid),
    load: `${load}–${loadAverage()}`,
  };
  await runtime.shutdown();
  await emptyStore(cfg);
  return result;
}

async function online(loader: Exclude<Loader, "offline">, bundle: string): Promise<Result> {
  const cfg = freshConfig(loader);
  await emptyStore(cfg);
  const target = await resolveNeo4j(cfg);
  const graph = await Graph.connect(target.connection);
  try {
    await migrate(graph);
    if (loader !== "online") for (const statement of FULLTEXT_SYNC) await graph.autoCommit(statement);
    const pid = runningServer(cfg.dataDir)?.pid;
    const vault = tempVault();
    const load = loadAverage();
    const cpu = cpuNow(pid);
    const started = performance.now();
    const report = await importBundle(graph, bundle, loader === "online" ? { vault } : { createNodes: false, batchSize: loader === "naive" ? 1 : undefined, vault });
    const seconds = (performance.now() - started) / 1000;
    const after = cpuNow(pid);
    return {
      loader,
      bundle: path.basename(path.dirname(bundle)),
      report,
      seconds,
      cpuNode: after.node - cpu.node,
      cpuNeo4j: after.neo4j !== undefined && cpu.neo4j !== undefined ? after.neo4j - cpu.neo4j : undefined,
      neo4jPeakMiB: peakMiB(pid),
      load: `${load}–${loadAverage()}`,
    };
  } finally {
    await graph.close();
    await target.release();
    await emptyStore(cfg);
  }
}

const bundle = await benchBundle(scale);
const small = await benchBundle("small");
const rowsOf = new Map<string, { nodes: number; relationships: number }>();
for (const b of new Set([bundle, small])) rowsOf.set(path.basename(path.dirname(b)), phaseRows(await validateBundle(b)));

const results: Result[] = [];
for (const loader of only) {
  const b = loader === "naive" ? small : bundle;
  console.error(`${loader} loader on ${path.basename(path.dirname(b))} (load average ${loadAverage()})…`);
  const result = loader === "offline" ? await offline(b) : await online(loader, b);
  console.error(`  ${result.seconds.toFixed(1)} s`);
  results.push(result);
}

const k = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "");
const rows: Cell[][] = results.map((r) => {
  const { nodes, relationships } = rowsOf.get(r.bundle)!;
  const o = r.report.offline;
  // Offline: node rows over the importer's node step, relationship rows over its relationship steps.
  const nodeSeconds = o ? (o.steps["Node import"] ?? 0) : r.report.phases.nodes.seconds;
  const relSeconds = o ? (o.steps["Relationship import"] ?? 0) + (o.steps["Relationship linking"] ?? 0) : r.report.phases.relationships.seconds;
  return [
    r.loader,
    r.bundle,
    r.report.rows.valid.toLocaleString("en-US"),
    r.report.phases.validate.seconds.toFixed(1),
    nodeSeconds.toFixed(1),
    k(nodes / nodeSeconds),
    relSeconds.toFixed(1),
    k(relationships / relSeconds),
    r.seconds.toFixed(1),
    k(r.report.rows.valid / r.seconds),
    `${r.cpuNode.toFixed(0)} + ${r.cpuNeo4j?.toFixed(0) ?? "?"}`,
    r.neo4jPeakMiB ?? "?",
    r.load,
  ];
});

console.log(`\nIngest benchmark — ${machine()}\n`);
console.log(
  markdownTable(
    ["loader", "bundle", "rows", "check s", "node phase s", "node rows/s", "rel phase s", "rel rows/s", "total s", "rows/s overall", "CPU s (Node + Neo4j)", "Neo4j peak MiB", "load avg"],
    rows,
  ),
);
for (const r of results) {
  const o = r.report.offline;
  if (!o) continue;
  console.log(
    `\n${r.loader} on ${r.bundle}: check + importer files ${o.checkAndFiles.toFixed(1)} s, importer ${o.importer.toFixed(1)} s (${Object.entries(o.steps)
      .map(([step, s]) => `${step.toLowerCase()} ${s.toFixed(1)} s`)
      .join(", ")}; peak ${o.peakMemory ?? "?"}), server start ${o.serverStart.toFixed(1)} s, schema ${o.schema.toFixed(1)} s; ${r.report.nodesCreated.toLocaleString("en-US")} nodes, ${r.report.relationshipsCreated.toLocaleString("en-US")} relationships; Node peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  );
}
const { nodes, relationships } = rowsOf.get(path.basename(path.dirname(bundle)))!;
console.log(`\nNode rows: rows of the files that define nodes (${nodes.toLocaleString("en-US")}); relationship rows: rows of the files with relationships (${relationships.toLocaleString("en-US")}), as the online loader's two phases write them. Offline: over the importer's node step and its relationship import + linking steps.`);
