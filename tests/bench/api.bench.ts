// `npm run bench:api -- [--scale small|county] [--reuse] [--rate 500] [--connections 10] [--ids 10000]
//   [--seconds 25] [--warmup 5] [--rates 250,500,...] [--step-seconds 10] [--profile]`:
// risk-endpoint latency under a fixed request rate on loopback, against this machine's ceiling
// measured in the same run with the same client settings. Three server processes: the product app
// with its in-memory risk view (tests/bench/api-server.ts), the same app with RISK_REFRESH_MS=0
// (every answer from Neo4j, as before the view), and a bare Express answering a constant JSON text
// of the risk answers' mean size (tests/bench/bare-server.ts). The load comes from autocannon in a
// fourth process (tests/bench/api-load.mjs) with a consumer-role key made for the run, over
// `--ids` distinct persons, companies, regions and communities sampled from the database (every
// scored one first). Scenarios: the bare ceiling, GET /entities/:id/risk from the view, from Neo4j,
// computed at request time (the naive baseline), the ranking, POST /risk/batch; then a search for
// the highest rate the risk endpoint holds with p99 ≤ 20 ms. `--profile` records a CPU profile of
// the product server during the risk scenario (bench-only route) and prints where its time went. The database is the
// analysis benchmark's (DATA_DIR/bench-<scale>), imported and analysed first when needed.
import type { ChildProcess } from "node:child_process";
import os from "node:os";
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
import { type LoadResult, runLoad, startServer, stopServer } from "./processes.ts";
import { type CpuProfile, profileSummary } from "./profile.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string" },
    reuse: { type: "boolean", default: false },
    seconds: { type: "string", default: "25" },
    warmup: { type: "string", default: "5" },
    rate: { type: "string", default: "500" },
    "batch-rate": { type: "string", default: "50" },
    "batch-size": { type: "string", default: "100" },
    connections: { type: "string", default: "10" },
    ids: { type: "string", default: "10000" },
    rates: { type: "string", default: "250,500,750,1000,1500,2000,2500,3000,4000" },
    "step-seconds": { type: "string", default: "10" },
    target: { type: "string", default: "20" },
    profile: { type: "boolean", default: false },
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
  stepSeconds: positive("step-seconds"),
  target: positive("target"),
  rates: String(values.rates)
    .split(",")
    .map(Number)
    .filter((r) => r > 0),
};
const log = (line: string) => console.error(line);


interface Scenario {
  name: string;
  url: string;
  method: "GET" | "POST";
  paths: string[];
  bodies?: string[];
  /** Requests per second over all connections; unset: one connection, each request sent when the previous one is answered. */
  rate?: number;
}

/** Every scored person, company, region and community, then unscored persons and companies, up to `size` distinct ids. */
async function sampleEntities(graph: Graph, size: number): Promise<{ ids: string[]; scored: number; plain: number }> {
  const [row] = await graph.read<{ scored: string[]; plain: string[] }>(
    `CALL () { MATCH (e:Entity) WHERE e.riskScore IS NOT NULL WITH e ORDER BY e.riskScore DESC, e.id RETURN collect(e.id) AS entities }
     CALL () { MATCH (c:Community) WITH c ORDER BY c.id RETURN collect('community:' + toString(c.id)) AS communities }
     CALL () { MATCH (e:Entity) WHERE (e:Person OR e:Company) AND e.riskScore IS NULL WITH e ORDER BY e.id RETURN collect(e.id) AS plain }
     RETURN entities + communities AS scored, plain`,
  );
  const scored = (row?.scored ?? []).slice(0, size);
  const all = row?.plain ?? [];
  const want = size - scored.length;
  const step = Math.max(1, Math.floor(all.length / Math.max(1, want)));
  const plain = all.filter((_, i) => i % step === 0).slice(0, want);
  // Interleaved, so every stretch of the rotation mixes both kinds.
  const ids: string[] = [];
  const ratio = plain.length / Math.max(1, scored.length);
  let p = 0;
  for (let s = 0; s < scored.length; s += 1) {
    ids.push(scored[s]!);
    while (p < Math.round((s + 1) * ratio) && p < plain.length) ids.push(plain[p++]!);
  }
  while (p < plain.length) ids.push(plain[p++]!);
  return { ids, scored: scored.length, plain: plain.length };
}

/** Starts a server process and resolves with its URL once it prints {"listening": url}. */


/** Runs one scenario in the load process and returns its result. */
function load(key: string, scenario: Scenario, seconds: number): Promise<LoadResult> {
  const spec = {
    url: scenario.url,
    method: scenario.method,
    headers: { authorization: `Bearer ${key}`, ...(scenario.bodies ? { "content-type": "application/json" } : {}) },
    paths: scenario.paths,
    bodies: scenario.bodies,
    rate: scenario.rate,
    seconds,
    connections: scenario.rate === undefined ? 1 : settings.connections,
  };
  return runLoad(spec);
}

/** Each id's answer from the view and from Neo4j, compared; and the answers' mean size in bytes. */
async function agreement(view: string, neo4j: string, key: string, ids: string[]): Promise<{ text: string; meanBytes: number }> {
  let same = 0;
  let bytes = 0;
  const differ: string[] = [];
  const get = async (url: string, id: string) => (await fetch(`${url}/api/v1/entities/${encodeURIComponent(id)}/risk`, { headers: { authorization: `Bearer ${key}` } })).text();
  for (let i = 0; i < ids.length; i += 1) {
    const a = await get(view, ids[i]!);
    bytes += Buffer.byteLength(a);
    // Every id once from the view (its size); a sample of them against Neo4j.
    if (i % 25 !== 0) continue;
    const b = await get(neo4j, ids[i]!);
    if (JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b))) same += 1;
    else differ.push(ids[i]!);
  }
  const compared = same + differ.length;
  return { text: `${same} of ${compared} sampled answers identical from the view and from Neo4j${differ.length ? `; differ: ${differ.slice(0, 5).join(", ")}` : ""}`, meanBytes: Math.round(bytes / ids.length) };
}

const ms = (x: number | null) => (x === null ? "" : x.toFixed(2));

async function viewStats(url: string, key: string): Promise<{ fromView: number; fromNeo4j: number; buildSeconds: number | null; entries: number; explained: number; directory: number }> {
  return (await (await fetch(`${url}/bench/v1/risk-view`, { headers: { authorization: `Bearer ${key}` } })).json()) as never;
}

const scale = benchScale(values.scale);
const db = await benchDatabase({ scale, reuse: values.reuse }, log);
const servers: ChildProcess[] = [];
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

  const base = { ...process.env, DATA_DIR: db.cfg.dataDir, NEO4J_LOCAL_PORT: String(db.cfg.local.port), LOG_LEVEL: "warn" };
  const port = config().port;
  log("Starting the product server (building its risk view), the same app without the view, and the bare Express…");
  const product = await startServer("api-server.ts", { ...base, PORT: String(port) }, [], log);
  servers.push(product.child);
  const noView = await startServer("api-server.ts", { ...base, PORT: String(port + 1), RISK_REFRESH_MS: "0" }, [], log);
  servers.push(noView.child);
  const built = await viewStats(product.url, key);
  log(`Risk view: ${built.entries} scored or explained entries (${built.explained} with a stored explanation), ${built.directory} in the directory, built in ${built.buildSeconds?.toFixed(2)} s`);
  log(`Checking answers and their size over ${sample.ids.length} ids (${sample.scored} scored, ${sample.plain} without a score)…`);
  const check = await agreement(product.url, noView.url, key, sample.ids);
  log(`  ${check.text}; mean answer ${check.meanBytes} bytes`);
  const bare = await startServer("bare-server.ts", { ...base, PORT: String(port + 2), BARE_BYTES: String(check.meanBytes) }, [], log);
  servers.push(bare.child);

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
  const BARE = `bare Express, constant JSON of ${check.meanBytes} bytes (this machine's ceiling)`;
  const RISK = "GET /entities/:id/risk (product: in-memory risk view)";
  const scenarios: Scenario[] = [
    { name: BARE, url: bare.url, method: "GET", paths: ["/bare"], rate: settings.rate },
    { name: RISK, url: product.url, method: "GET", paths: riskPaths("/api/v1"), rate: settings.rate },
    { name: "GET /entities/:id/risk, RISK_REFRESH_MS=0 (every answer from Neo4j)", url: noView.url, method: "GET", paths: riskPaths("/api/v1"), rate: settings.rate },
    { name: "baseline: the answer computed at request time (2 + hits queries)", url: noView.url, method: "GET", paths: riskPaths("/bench/v1"), rate: settings.rate },
    { name: "GET /risk/ranking (7 rotating filters, first page; view)", url: product.url, method: "GET", paths: rankings, rate: settings.rate },
    { name: "GET /risk/ranking, RISK_REFRESH_MS=0 (Neo4j)", url: noView.url, method: "GET", paths: rankings, rate: settings.rate },
    { name: `POST /risk/batch (${settings.batchSize} ids a call; view)`, url: product.url, method: "POST", paths: batches.map(() => "/api/v1/risk/batch"), bodies: batches, rate: settings.batchRate },
    { name: "GET /entities/:id/risk, one connection, closed loop (service time; view)", url: product.url, method: "GET", paths: riskPaths("/api/v1") },
  ];

  const rows: Cell[][] = [];
  const results = new Map<string, LoadResult>();
  const bench = (route: string) => fetch(`${product.url}/bench/v1/${route}`, { method: "POST", headers: { authorization: `Bearer ${key}` } });
  let profile: CpuProfile | undefined;
  for (const scenario of scenarios) {
    log(`${scenario.name}: ${settings.warmup} s warm-up, then ${settings.seconds} s at ${scenario.rate ?? "as many as answered"} requests/s…`);
    await load(key, scenario, settings.warmup);
    const loadBefore = os.loadavg()[0]!;
    const before = scenario.url === product.url ? await viewStats(product.url, key) : undefined;
    const profiled = values.profile && scenario.name === RISK;
    if (profiled) await bench("profile/start");
    const r = await load(key, scenario, settings.seconds);
    if (profiled) profile = (await (await bench("profile/stop")).json()) as CpuProfile;
    const after = scenario.url === product.url ? await viewStats(product.url, key) : undefined;
    results.set(scenario.name, r);
    const asked = before && after ? after.fromView + after.fromNeo4j - before.fromView - before.fromNeo4j : 0;
    rows.push([
      scenario.name,
      scenario.rate ?? "closed loop",
      scenario.rate === undefined ? 1 : settings.connections,
      r.achievedRate.toFixed(0),
      r.responses,
      r.responses - r.ok,
      r.errors + r.timeouts,
      ms(r.latency.p50),
      ms(r.latency.p90),
      ms(r.latency.p99),
      ms(r.latency.max),
      asked > 0 ? `${(((after!.fromView - before!.fromView) / asked) * 100).toFixed(1)}%` : "",
      `${loadBefore.toFixed(1)}–${os.loadavg()[0]!.toFixed(1)}`,
    ]);
    log(`  ${JSON.stringify(r)}`);
  }

  // The highest rate the risk endpoint holds: every rate of the list in turn until p99 passes the target or the rate is not reached.
  const steps: Cell[][] = [];
  let held = 0;
  for (const rate of settings.rates) {
    const scenario = { ...scenarios[1]!, rate };
    const bareStep = { ...scenarios[0]!, rate };
    log(`Rate search: ${rate} requests/s for ${settings.stepSeconds} s (risk, then bare)…`);
    await load(key, scenario, Math.min(settings.warmup, settings.stepSeconds));
    const loadBefore = os.loadavg()[0]!;
    const r = await load(key, scenario, settings.stepSeconds);
    const b = await load(key, bareStep, settings.stepSeconds);
    const holds = r.latency.p99 !== null && r.latency.p99 <= settings.target && r.achievedRate >= rate * 0.97 && r.ok === r.responses;
    steps.push([rate, r.achievedRate.toFixed(0), ms(r.latency.p50), ms(r.latency.p99), b.achievedRate.toFixed(0), ms(b.latency.p99), holds ? "yes" : "no", `${loadBefore.toFixed(1)}–${os.loadavg()[0]!.toFixed(1)}`]);
    log(`  risk ${JSON.stringify(r.latency)} at ${r.achievedRate.toFixed(0)}/s; bare p99 ${ms(b.latency.p99)}`);
    if (!holds) break;
    held = rate;
  }

  const risk = results.get(RISK)!;
  const ceiling = results.get(BARE)!;
  const ratio = risk.latency.p99 !== null && ceiling.latency.p99 ? risk.latency.p99 / ceiling.latency.p99 : null;

  for (const s of servers.splice(0)) await stopServer(s);
  console.log(`\nAPI benchmark (${scale}) — ${machine()}`);
  console.log(
    `servers: the product app (RISK_REFRESH_MS=${config().api.riskRefreshMs}, view of ${built.entries} entries + ${built.directory} in the directory, built in ${built.buildSeconds?.toFixed(2)} s), the same app with RISK_REFRESH_MS=0, a bare Express; each in its own process. ` +
      `Load: autocannon ${settings.connections} connections at a fixed overall rate in a fifth process, ${settings.seconds} s per scenario after ${settings.warmup} s warm-up; ` +
      `${sample.ids.length} distinct ids (${sample.scored} scored persons, companies, regions and communities, ${sample.plain} persons and companies without a score); mean answer ${check.meanBytes} bytes; ${check.text}\n`,
  );
  console.log(
    markdownTable(["scenario", "target req/s", "connections", "achieved req/s", "responses", "non-2xx", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms", "from the view", "load avg (1 min)"], rows),
  );
  console.log(`\np99 of the risk endpoint against the bare Express at ${settings.rate} requests/s, ${settings.connections} connections: ${ms(risk.latency.p99)} / ${ms(ceiling.latency.p99)} ms = ${ratio === null ? "?" : ratio.toFixed(2)} (goal ≤ 1.5)`);
  console.log(`\nRate search (${settings.connections} connections, ${settings.stepSeconds} s a step; holds = p99 ≤ ${settings.target} ms at ≥ 97% of the rate, no errors):\n`);
  console.log(markdownTable(["rate req/s", "risk achieved", "risk p50 ms", "risk p99 ms", "bare achieved", "bare p99 ms", "holds", "load avg (1 min)"], steps));
  console.log(`\nHighest rate the risk endpoint held with p99 ≤ ${settings.target} ms: ${held || "none of those tried"}${held ? " requests/s" : ""}`);
  console.log(`Target (DESIGN.md): risk score for one entity p99 ≤ 20 ms at 500 requests/s on loopback.`);
  if (profile) console.log(`\nWhere the product server's CPU went during "${RISK}" (V8 sampling profiler, 200 µs):\n\n${profileSummary(profile)}`);
} finally {
  for (const s of servers) await stopServer(s);
  if (keyId) await keys.revoke(keyId);
  await store.close();
  await db.close();
}
