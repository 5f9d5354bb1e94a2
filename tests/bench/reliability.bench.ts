// `npm run bench:reliability -- [--scale small|county] [--seconds 60] [--rate 500] [--skip-schemathesis]`:
// the figures of RELIABILITY.md, against the product's API process (tests/bench/api-server.ts) on
// the analysis bench's database (DATA_DIR/bench-<scale>, port NEO4J_LOCAL_PORT+3):
//  1. load: autocannon at --rate requests/s of mixed reads (risk, entity, neighbourhood, search,
//     ranking) from 10 keys of three roles for --seconds: statuses, errors, p50/p99;
//  2. Neo4j killed (SIGKILL) under load and started again: 503s while away, then /health/ready
//     back to 200 without restarting the API, and every answered request has its audit record;
//  3. Schemathesis (pip, pinned, in its own venv under DATA_DIR) over the OpenAPI document with
//     every role's key: requests, 5xx, answers that break the document;
//  4. the audit chain verified after all of it.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { recoverInterruptedRuns, runAnalysis } from "../../services/analytics/run.ts";
import { ApiKeys } from "../../services/api/auth/keys.ts";
import { ROLES, type Role } from "../../services/api/auth/roles.ts";
import { verifyDir } from "../../services/cli/audit-verify.ts";
import { config } from "../../services/config/index.ts";
import { runningServer, startLocal } from "../../services/neo4j/local.ts";
import { ServiceStore, serviceDir } from "../../services/store/index.ts";
import { benchDatabase } from "./bench-database.ts";
import { benchScale } from "./bundles.ts";
import { machine } from "./machine.ts";
import { runLoad, startServer } from "./processes.ts";
import { markdownTable } from "./markdown.ts";

const SCHEMATHESIS = "4.32.5";
const { values } = parseArgs({
  options: {
    scale: { type: "string" },
    seconds: { type: "string", default: "60" },
    rate: { type: "string", default: "500" },
    "fault-seconds": { type: "string", default: "40" },
    "schemathesis-examples": { type: "string", default: "25" },
    "skip-schemathesis": { type: "boolean", default: false },
  },
});
const log = (line: string) => console.error(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


const load = runLoad;


const scale = benchScale(values.scale ?? "small");
const db = await benchDatabase({ scale }, log);
if (!db.analysed) {
  log("Running the analysis first…");
  await recoverInterruptedRuns(db.graph);
  await runAnalysis(db.graph);
}
const [sample] = await db.graph.read<{ ids: string[] }>("MATCH (e:Entity) WHERE (e:Person OR e:Company) WITH e ORDER BY e.riskScore DESC, e.id LIMIT 300 RETURN collect(e.id) AS ids");
const ids = sample?.ids ?? [];
const store = new ServiceStore(serviceDir(db.cfg.dataDir));
const apiKeys = new ApiKeys(store, 0);
const made: string[] = [];
const keyOf = {} as Record<Role, string>;
for (const role of ROLES) {
  const { key, record } = await apiKeys.create(`reliability ${role}`, role);
  keyOf[role] = key;
  made.push(record.id);
}
const loadKeys: string[] = [];
for (let i = 0; i < 10; i++) {
  const role = (["consumer", "investigator", "analyst"] as const)[i % 3] as Role;
  const { key, record } = await apiKeys.create(`reliability load ${i}`, role);
  loadKeys.push(key);
  made.push(record.id);
}
const paths: string[] = [];
ids.forEach((id, i) => {
  const e = encodeURIComponent(id);
  paths.push(`/api/v1/entities/${e}/risk`);
  if (i % 3 === 0) paths.push(`/api/v1/entities/${e}`);
  if (i % 5 === 0) paths.push(`/api/v1/entities/${e}/neighbourhood?limit=50`);
  if (i % 7 === 0) paths.push(`/api/v1/entities?q=${encodeURIComponent(id.slice(0, 4))}`);
  if (i % 11 === 0) paths.push("/api/v1/risk/ranking?limit=20");
});
// Only consumer-allowed routes go to consumer keys: risk and ranking. Others go to explorers.
const consumerPaths = paths.filter((p) => p.includes("/risk"));
const env = { ...process.env, DATA_DIR: db.cfg.dataDir, NEO4J_LOCAL_PORT: String(db.cfg.local.port), PORT: String(config().port), LOG_LEVEL: "warn", RATE_LIMIT_PER_SECOND: "100", RATE_LIMIT_BURST: "200" };
const auditFile = path.join(db.cfg.dataDir, "audit", "audit.jsonl");
const auditLines = () => (existsSync(auditFile) ? readFileSync(auditFile, "utf8").split("\n").filter(Boolean).length : 0);
const rows: (string | number)[][] = [];
let server = await startServer("api-server.ts", env);
try {
  const seconds = Number(values.seconds);
  const rate = Number(values.rate);
  log(`Load: ${rate} req/s of mixed reads for ${seconds} s from ${loadKeys.length} keys…`);
  const loadAvg = os.loadavg()[0]!.toFixed(1);
  const auditBefore = auditLines();
  const [explorers, consumers] = await Promise.all([
    load({ url: server.url, method: "GET", headers: {}, keys: loadKeys.filter((_, i) => i % 3 !== 0), paths, rate: Math.round((rate * 2) / 3), seconds, connections: 40 }),
    load({ url: server.url, method: "GET", headers: {}, keys: loadKeys.filter((_, i) => i % 3 === 0), paths: consumerPaths, rate: Math.round(rate / 3), seconds, connections: 20 }),
  ]);
  const auditAfter = auditLines();
  for (const [name, r] of [["explorers (2/3)", explorers], ["consumers (1/3)", consumers]] as const) {
    rows.push([`load ${name}`, r.responses, Math.round(r.achievedRate), JSON.stringify(r.statuses), r.errors + r.timeouts, r.latency.p50?.toFixed(1) ?? "-", r.latency.p99?.toFixed(1) ?? "-", loadAvg]);
  }
  rows.push(["audit records written during the load", auditAfter - auditBefore, "", `answers: ${explorers.responses + consumers.responses}`, "", "", "", ""]);

  const faultSeconds = Number(values["fault-seconds"]);
  log(`Fault: Neo4j killed ${Math.round(faultSeconds / 4)} s into a ${faultSeconds} s load, started again ${Math.round(faultSeconds / 4)} s later…`);
  const faultBefore = auditLines();
  const faultLoad = load({ url: server.url, method: "GET", headers: {}, keys: loadKeys.filter((_, i) => i % 3 !== 0), paths, rate: 200, seconds: faultSeconds, connections: 20 });
  await sleep((faultSeconds / 4) * 1000);
  const pid = runningServer(db.cfg.dataDir)?.pid;
  if (pid) process.kill(pid, "SIGKILL");
  const killedAt = Date.now();
  await sleep((faultSeconds / 4) * 1000);
  await startLocal({ dataDir: db.cfg.dataDir, port: db.cfg.local.port, heap: db.cfg.local.heap, pagecache: db.cfg.local.pagecache, password: db.cfg.neo4jPassword });
  let readyAfter = -1;
  for (let i = 0; i < 600; i++) {
    const r = await fetch(`${server.url}/health/ready`).catch(() => undefined);
    if (r?.status === 200) {
      readyAfter = (Date.now() - killedAt) / 1000;
      break;
    }
    await sleep(500);
  }
  const fault = await faultLoad;
  const after = await fetch(`${server.url}/api/v1/entities/${encodeURIComponent(ids[0] ?? "x")}/risk`, { headers: { authorization: `Bearer ${keyOf.consumer}` } });
  const faultAudit = auditLines() - faultBefore;
  rows.push([
    "Neo4j killed under load",
    fault.responses,
    Math.round(fault.achievedRate),
    JSON.stringify(fault.statuses),
    fault.errors + fault.timeouts,
    fault.latency.p50?.toFixed(1) ?? "-",
    fault.latency.p99?.toFixed(1) ?? "-",
    `ready again ${readyAfter.toFixed(1)} s after the kill, no API restart; next risk answer ${after.status}; audit records ${faultAudit} for ${fault.responses + 1} answers`,
  ]);

  if (!values["skip-schemathesis"]) {
    const venv = path.join(db.cfg.dataDir, "..", "venv-schemathesis");
    if (!existsSync(path.join(venv, "bin", "st"))) {
      log(`Installing Schemathesis ${SCHEMATHESIS} into ${venv}…`);
      spawnSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
      spawnSync(path.join(venv, "bin", "pip"), ["install", "--quiet", `schemathesis==${SCHEMATHESIS}`], { stdio: "inherit" });
    }
    await server.child.kill("SIGTERM");
    await sleep(2000);
    // Fuzzing is not a flood: the per-key limit is raised for it so valid requests are not refused.
    server = await startServer("api-server.ts", { ...env, RATE_LIMIT_PER_SECOND: "100000", RATE_LIMIT_BURST: "100000" });
    for (const role of ROLES) {
      const r = spawnSync(
        path.join(venv, "bin", "st"),
        ["run", `${server.url}/api/openapi.json`, "--url", server.url, "-H", `Authorization: Bearer ${keyOf[role]}`, "--max-examples", values["schemathesis-examples"]!, "--checks", "all", "--seed", "42", "--exclude-method", "DELETE", "--exclude-path-regex", "imports|analysis/runs$|/keys$"],
        { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      const text = `${r.stdout}\n${r.stderr}`;
      const summary = text.split("\n").filter((l) => /passed|failed|error|requests|Test cases|Failures/i.test(l)).slice(-8).join(" | ");
      rows.push([`Schemathesis ${SCHEMATHESIS} as ${role}`, "", "", "", r.status ?? "signal", "", "", summary.slice(0, 400)]);
    }
  }
} finally {
  server.child.kill("SIGTERM");
  await sleep(2000);
  for (const id of made) await apiKeys.revoke(id);
  await store.close();
  await db.close();
}
const audit = verifyDir(path.join(db.cfg.dataDir, "audit"));
rows.push(["audit:verify after all of it", "", "", "", audit.code, "", "", audit.lines.at(-1) ?? ""]);
console.log(`\n${machine()}\n`);
console.log(markdownTable(["what", "answers", "req/s", "statuses", "errors", "p50 ms", "p99 ms", "notes (load avg at start for loads)"], rows));
