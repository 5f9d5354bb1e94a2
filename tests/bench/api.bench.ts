// `npm run bench:api -- [--scale small|county] [--reuse] [--seconds 25] [--rate 500] [--ids 1000]`:
// risk-score latency under a fixed request rate on loopback. The API runs in its own process
// (tests/bench/api-server.ts: the product app plus a bench-only baseline route), the load comes
// from autocannon in a second process (tests/bench/api-load.mjs), with a consumer-role API key made
// for the run, over a rotating set of entity ids sampled from the database (half with a risk
// score, half without). Scenarios: GET /entities/:id/risk (product), the same answer computed at
// request time from the alerts (baseline), the ranking, and POST /risk/batch. Each is warmed up,
// then measured. The database is the analysis benchmark's (DATA_DIR/bench-<scale>), imported and
// analysed first when needed.
import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { recoverInterruptedRuns, runAnalysis } from "../../services/analytics/run.ts";
import { ApiKeys } from "../../services/api/auth/keys.ts";
import { ServiceStore, serviceDir } from "../../services/store/index.ts";
import { config } from "../../services/config/index.ts";
import type { Graph } from "../../services/graph/index.ts";
import { benchDatabase } from "./bench-database.ts";
import { benchScale } from "./bundles.ts";
import { machine } from "./machine.ts";
import { type Cell, markdownTable } from "./markdown.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string" },
    reuse: { type: "boolean", default: false },
    seconds: { type: "string", default: "25" },
    warmup: { type: "string", default: "5" },
    rate: { type: "string", default: "500" },
    "batch-rate": { type: "string", default: "50" },
    "batch-size": { type: "string", default: "100" },
    connections: { type: "string", default: "50" },
    ids: { type: "string", default: "1000" },
  },
});
const positive = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not ${String(values[name])}`);
  return n;
};
const settings = {
  seconds: positive("seconds"),
  warmup: positive("warmup"),
  rate: positive("rate"),
  batchRate: positive("batch-rate"),
  batchSize: positive("batch-size"),
  connections: positive("connections"),
  ids: positive("ids"),
};
const log = (line: string) => console.error(line);
const here = path.dirname(fileURLToPath(import.meta.url));

interface LoadResult {
  responses: number;
  ok: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
  achievedRate: number;
  latency: { p50: number | null; p90: number | null; p99: number | null; max: number | null; mean: number | null };
}

interface Scenario {
  name: string;
  method: "GET" | "POST";
  paths: string[];
  bodies?: string[];
  /** Requests per second over all connections; unset: one connection, each request sent when the previous one is answered. */
  rate?: number;
}

/** Every k-th id of persons and companies with a risk score, and of persons without one, interleaved. */
async function sampleEntities(graph: Graph, size: number): Promise<{ ids: string[]; risky: number; plain: number }> {
  const [row] = await graph.read<{ risky: string[]; plain: string[] }>(
    `CALL () { MATCH (e:Entity) WHERE (e:Person OR e:Company) AND e.riskScore > 0 WITH e ORDER BY e.id RETURN collect(e.id) AS risky }
     CALL () { MATCH (e:Person) WHERE e.riskScore IS NULL WITH e ORDER BY e.id RETURN collect(e.id) AS plain }
     RETURN risky, plain`,
  );
  const every = (ids: string[], n: number) => {
    const step = Math.max(1, Math.floor(ids.length / n));
    return ids.filter((_, i) => i % step === 0).slice(0, n);
  };
  const risky = every(row?.risky ?? [], Math.ceil(size / 2));
  const plain = every(row?.plain ?? [], size - risky.length);
  const ids: string[] = [];
  for (let i = 0; i < Math.max(risky.length, plain.length); i += 1) {
    if (i < risky.length) ids.push(risky[i]!);
    if (i < plain.length) ids.push(plain[i]!);
  }
  return { ids, risky: risky.length, plain: plain.length };
}

/** Starts the bench server on the benchmark's database and resolves with its URL once it listens. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "api-server.ts")], { env, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the bench server did not listen within 120 s")), 120_000);
    child.once("exit", (code) => reject(new Error(`the bench server exited (${code})`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.includes('"listening"')) return log(`  server: ${line}`);
      clearTimeout(timer);
      resolve((JSON.parse(line) as { listening: string }).listening);
    });
  });
  return { url, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Runs one scenario in the load process and returns its result. */
function load(url: string, key: string, scenario: Scenario, seconds: number): Promise<LoadResult> {
  const spec = {
    url,
    method: scenario.method,
    headers: { authorization: `Bearer ${key}`, ...(scenario.bodies ? { "content-type": "application/json" } : {}) },
    paths: scenario.paths,
    bodies: scenario.bodies,
    rate: scenario.rate,
    seconds,
    connections: scenario.rate === undefined ? 1 : settings.connections,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, "api-load.mjs"), JSON.stringify(spec)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!) as LoadResult) : reject(new Error(`the load process exited (${code})`))));
  });
}

/** Scores from the product route and the baseline for the first ids: the baseline must answer the same. */
async function agreement(url: string, key: string, ids: string[]): Promise<string> {
  let same = 0;
  const differ: string[] = [];
  for (const id of ids) {
    const get = async (prefix: string) =>
      ((await (await fetch(`${url}${prefix}/entities/${encodeURIComponent(id)}/risk`, { headers: { authorization: `Bearer ${key}` } })).json()) as { score: number; hits: unknown[] });
    const [product, baseline] = [await get("/api/v1"), await get("/bench/v1")];
    if (Math.abs(product.score - baseline.score) < 0.011 && product.hits.length === baseline.hits.length) same += 1;
    else differ.push(`${id} (${product.score} vs ${baseline.score})`);
  }
  return `${same} of ${ids.length} agree${differ.length ? `; differ: ${differ.slice(0, 5).join(", ")}` : ""}`;
}

const ms = (x: number | null) => (x === null ? "" : x.toFixed(2));

/** The API process's risk-cache counters (hits, misses), from the bench-only route. */
async function cacheStats(url: string, key: string): Promise<{ hits: number; misses: number }> {
  return (await (await fetch(`${url}/bench/v1/risk-cache`, { headers: { authorization: `Bearer ${key}` } })).json()) as { hits: number; misses: number };
}

const scale = benchScale(values.scale);
const db = await benchDatabase({ scale, reuse: values.reuse }, log);
let server: ChildProcess | undefined;
let keyId: string | undefined;
const store = new ServiceStore(serviceDir(db.cfg.dataDir));
const keys = new ApiKeys(store, 0);
try {
  if (!db.analysed) {
    log("Running the analysis first (the database has no scores yet)…");
    await recoverInterruptedRuns(db.graph);
    await runAnalysis(db.graph);
  }
  const sample = await sampleEntities(db.graph, settings.ids);
  const created = await keys.create(`bench-api ${new Date().toISOString()}`, "consumer");
  keyId = created.record.id;
  const key = created.key;

  const env = { ...process.env, DATA_DIR: db.cfg.dataDir, NEO4J_LOCAL_PORT: String(db.cfg.local.port), PORT: String(config().port), LOG_LEVEL: "warn" };
  const started = await startServer(env);
  server = started.child;
  const url = started.url;
  log(`Bench server at ${url}; ${sample.ids.length} ids (${sample.risky} with a risk score, ${sample.plain} without)`);
  const check = await agreement(url, key, sample.ids.slice(0, 20));
  log(`Baseline check: ${check}`);

  const riskPaths = (prefix: string) => sample.ids.map((id) => `${prefix}/entities/${encodeURIComponent(id)}/risk`);
  const batches: string[] = [];
  for (let i = 0; i + settings.batchSize <= sample.ids.length || batches.length === 0; i += settings.batchSize) {
    batches.push(JSON.stringify({ ids: sample.ids.slice(i, i + settings.batchSize) }));
  }
  const rankings = [
    "limit=50",
    "type=person&limit=50",
    "type=company&limit=50",
    "type=region&limit=20",
    "type=community&limit=20",
    "type=person&minScore=50&limit=50",
    "flag=KIN_BENEFIT&limit=50",
  ].map((q) => `/api/v1/risk/ranking?${q}`);
  const scenarios: Scenario[] = [
    // Service time without queueing: what one request costs on this machine at this moment.
    { name: "GET /entities/:id/risk, one connection, closed loop (service time)", method: "GET", paths: riskPaths("/api/v1") },
    { name: "baseline, one connection, closed loop (service time)", method: "GET", paths: riskPaths("/bench/v1") },
    { name: "GET /entities/:id/risk (product: precomputed score, one query)", method: "GET", paths: riskPaths("/api/v1"), rate: settings.rate },
    { name: "baseline: same answer computed at request time (2 + hits queries)", method: "GET", paths: riskPaths("/bench/v1"), rate: settings.rate },
    { name: "GET /risk/ranking (7 rotating filters, first page)", method: "GET", paths: rankings, rate: settings.rate },
    { name: `POST /risk/batch (${settings.batchSize} ids a call)`, method: "POST", paths: batches.map(() => "/api/v1/risk/batch"), bodies: batches, rate: settings.batchRate },
  ];

  const rows: Cell[][] = [];
  for (const scenario of scenarios) {
    log(`${scenario.name}: ${settings.warmup} s warm-up, then ${settings.seconds} s at ${scenario.rate ?? "as many as answered"} requests/s…`);
    await load(url, key, scenario, settings.warmup);
    const loadBefore = os.loadavg()[0]!;
    const cacheBefore = await cacheStats(url, key);
    const r = await load(url, key, scenario, settings.seconds);
    const cacheAfter = await cacheStats(url, key);
    const asked = cacheAfter.hits + cacheAfter.misses - cacheBefore.hits - cacheBefore.misses;
    const non2xx = r.responses - r.ok;
    rows.push([
      scenario.name,
      scenario.rate ?? "closed loop",
      r.achievedRate.toFixed(0),
      r.responses,
      non2xx,
      r.errors,
      ms(r.latency.p50),
      ms(r.latency.p90),
      ms(r.latency.p99),
      ms(r.latency.mean),
      ms(r.latency.max),
      asked > 0 ? `${(((cacheAfter.hits - cacheBefore.hits) / asked) * 100).toFixed(1)}% of ${asked}` : "",
      `${loadBefore.toFixed(1)}–${os.loadavg()[0]!.toFixed(1)}`,
    ]);
    log(`  ${JSON.stringify(r)}`);
  }

  console.log(`\nAPI benchmark (${scale}) — ${machine()}`);
  console.log(
    `server: the product app in its own process on ${url} (risk cache: RISK_CACHE_MS=${config().api.riskCacheMs}); load: autocannon ${settings.connections} connections in a second process; ${settings.seconds} s per scenario after ${settings.warmup} s warm-up; ids: ${sample.risky} with a score + ${sample.plain} without; baseline check: ${check}\n`,
  );
  console.log(
    markdownTable(
      ["scenario", "target req/s", "achieved req/s", "responses", "non-2xx", "errors", "p50 ms", "p90 ms", "p99 ms", "mean ms", "max ms", "risk cache hits", "load avg (1 min)"],
      rows,
    ),
  );
  console.log("\nTarget (DESIGN.md): risk score for one entity p99 ≤ 20 ms at 500 requests/s on loopback.");
} finally {
  if (server) await stopServer(server);
  if (keyId) await keys.revoke(keyId);
  await store.close();
  await db.close();
}
