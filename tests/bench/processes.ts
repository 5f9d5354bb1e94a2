// The benchmarks' child processes: the API (or a bare server) started from a script in this folder
// and awaited until it prints its "listening" line, and the load generator (api-load.mjs) run with a
// spec, returning its result. Shared by bench:api and bench:reliability.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** What api-load.mjs prints for one run (latencies in ms). */
export interface LoadResult {
  responses: number;
  ok: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
  achievedRate: number;
  latency: { p50: number | null; p90: number | null; p99: number | null; max: number | null; mean: number | null };
}

/** Runs the load generator with `spec` (see api-load.mjs) in its own process. */
export function runLoad(spec: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, "api-load.mjs"), JSON.stringify(spec)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!) as LoadResult) : reject(new Error(`the load process exited (${code})`))));
  });
}

/** Starts `script` (of this folder) under tsx and waits for its "listening" line; other lines go to `log`. */
export async function startServer(
  script: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
  log: (line: string) => void = () => {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(here, script)], { env, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not listen within 300 s`)), 300_000);
    child.once("exit", (code) => reject(new Error(`${script} exited (${code})`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.includes('"listening"')) return log(`  ${script}: ${line}`);
      clearTimeout(timer);
      resolve((JSON.parse(line) as { listening: string }).listening);
    });
  });
  return { url, child };
}

/** SIGTERM, then waits for the process to exit. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
