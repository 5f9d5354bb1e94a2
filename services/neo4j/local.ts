// Starts, finds and stops the local embedded Neo4j server (data under the git-ignored data dir).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { CLASSES_DIR, GDS_DIR, LIB_DIR } from "./install.ts";
import { AppError } from "../errors.ts";

export interface LocalOptions {
  dataDir: string;
  port: number;
  heap: string;
  pagecache: string;
  /** A configured password; when absent one is generated once and kept in the password file. */
  password?: string;
  /** Load Graph Data Science from services/neo4j/gds/lib (see ensureGdsInstalled). */
  gds?: boolean;
}

export interface StartOptions {
  /**
   * Arguments of `neo4j-admin database import full` (after those words): the offline importer loads
   * them into the empty store first, in the launcher's JVM, and the server starts on the result.
   */
  importArgs?: readonly string[];
  /** Receives each line the launcher writes (the importer's progress among them). */
  onLine?: (line: string) => void;
}

export interface LocalServer {
  pid: number;
  port: number;
  uri: string;
  passwordFile: string;
}

export class Neo4jStartError extends AppError {
  override name = "Neo4jStartError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("unavailable", message, options);
  }
}

/**
 * A start fails when the server shows no progress for this long: neither a line of its own nor CPU
 * time spent (on a machine shared by many processes a start can take minutes while it works).
 */
const START_TIMEOUT_MS = 180_000;
/** …and in any case after this long (a server busy forever is not starting). */
const START_CAP_MS = 20 * 60_000;
const STOP_TIMEOUT_MS = 60_000;

export function localPaths(dataDir: string) {
  const root = path.join(dataDir, "neo4j");
  return {
    root,
    home: path.join(root, "home"),
    log: path.join(root, "neo4j.log"),
    state: path.join(root, "server.json"),
    passwordFile: path.join(root, "password"),
    importArgs: path.join(root, "import.args"),
    /** The store of the `neo4j` database and its transaction logs (made by the importer or the server). */
    store: [path.join(root, "home", "data", "databases", "neo4j"), path.join(root, "home", "data", "transactions", "neo4j")],
  };
}

/** Whether the local `neo4j` database has a store yet (absent on a fresh clone and after a reset). */
export function storeExists(dataDir: string): boolean {
  return existsSync(localPaths(dataDir).store[0] as string);
}

/** The password the local server uses: the configured one, else a generated one kept on disk (0600). */
export function localPassword(options: Pick<LocalOptions, "dataDir" | "password">): string {
  if (options.password) return options.password;
  const { root, passwordFile } = localPaths(options.dataDir);
  if (existsSync(passwordFile)) return readFileSync(passwordFile, "utf8").trim();
  mkdirSync(root, { recursive: true });
  const generated = randomBytes(18).toString("base64url");
  writeFileSync(passwordFile, generated + "\n", { mode: 0o600 });
  return generated;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running local server recorded in the state file, if its process is alive. */
export function runningServer(dataDir: string): LocalServer | undefined {
  const { state, passwordFile } = localPaths(dataDir);
  if (!existsSync(state)) return undefined;
  const saved = JSON.parse(readFileSync(state, "utf8")) as { pid: number; port: number };
  if (!isAlive(saved.pid)) {
    rmSync(state, { force: true });
    return undefined;
  }
  return { pid: saved.pid, port: saved.port, uri: `bolt://127.0.0.1:${saved.port}`, passwordFile };
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function logTail(log: string, lines = 25): string {
  if (!existsSync(log)) return "(no log)";
  return readFileSync(log, "utf8").split("\n").slice(-lines).join("\n");
}

/**
 * Starts the server in the background (or returns the one already running) and resolves once
 * Bolt answers. The process outlives this one; call stopLocal to end it. With `importArgs` the
 * offline importer fills the store first; that needs the server stopped and the store absent.
 */
export async function startLocal(options: LocalOptions, start: StartOptions = {}): Promise<LocalServer & { started: boolean }> {
  const existing = runningServer(options.dataDir);
  if (existing && start.importArgs) throw new Neo4jStartError("the local server is running: stop it before an offline import (it holds the store)");
  if (existing) return { ...existing, started: false };
  if (start.importArgs && storeExists(options.dataDir)) throw new Neo4jStartError("the local database already has a store: the offline importer only fills an empty one");
  if (await portAnswers(options.port)) {
    throw new Neo4jStartError(
      `port ${options.port} on 127.0.0.1 is taken by another process; stop it, set NEO4J_LOCAL_PORT, or set NEO4J_URI to use that server`,
    );
  }
  const paths = localPaths(options.dataDir);
  mkdirSync(paths.home, { recursive: true });
  const password = localPassword(options);
  if (start.importArgs) writeFileSync(paths.importArgs, start.importArgs.join("\n") + "\n");
  const out = openSync(paths.log, "w");
  const child = spawn(
    "java",
    [
      `-Xmx${options.heap}`,
      "-XX:+UseG1GC",
      "-XX:+ExitOnOutOfMemoryError",
      "-cp",
      [CLASSES_DIR, `${LIB_DIR}/*`, ...(options.gds ? [`${GDS_DIR}/*`] : [])].join(path.delimiter),
      "county.Launcher",
      "--home",
      paths.home,
      "--port",
      String(options.port),
      "--pagecache",
      options.pagecache,
      ...transactionLimits(options.heap),
      ...(options.gds ? ["--plugins", GDS_DIR] : []),
      ...(start.importArgs ? ["--import", paths.importArgs] : []),
    ],
    { detached: true, stdio: ["ignore", out, out], env: { ...process.env, NEO4J_LAUNCH_PASSWORD: password } },
  );
  closeSync(out);
  if (child.pid === undefined) throw new Neo4jStartError("could not spawn java (is Java 17 installed and on PATH?)");
  const pid = child.pid;
  let exitCode: number | null | undefined;
  child.on("exit", (code) => (exitCode = code));
  child.unref();
  writeFileSync(paths.state, JSON.stringify({ pid, port: options.port, startedAt: new Date().toISOString() }));

  // Interrupted while starting: stop the half-started server rather than leave it behind.
  const abandon = (signal: NodeJS.Signals) => {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
    rmSync(paths.state, { force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", abandon);
  process.once("SIGTERM", abandon);
  try {
    return await waitUntilReady(options, paths, pid, () => exitCode, start);
  } catch (error) {
    // A failed offline import leaves no half-written store behind: the next start finds none.
    if (start.importArgs) for (const dir of paths.store) rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(paths.importArgs, { force: true });
    process.off("SIGINT", abandon);
    process.off("SIGTERM", abandon);
  }
}

/** Reads the lines a growing log file gains, from where the last call stopped. */
function logFollower(file: string): () => string[] {
  let offset = 0;
  let rest = "";
  const buffer = Buffer.alloc(1 << 16);
  return () => {
    if (!existsSync(file)) return [];
    const fd = openSync(file, "r");
    try {
      let text = "";
      for (let n = readSync(fd, buffer, 0, buffer.length, offset); n > 0; n = readSync(fd, buffer, 0, buffer.length, offset)) {
        offset += n;
        text += buffer.toString("utf8", 0, n);
      }
      const lines = (rest + text).split("\n");
      rest = lines.pop() ?? "";
      return lines;
    } finally {
      closeSync(fd);
    }
  };
}

async function waitUntilReady(
  options: LocalOptions,
  paths: ReturnType<typeof localPaths>,
  pid: number,
  exitCode: () => number | null | undefined,
  start: StartOptions,
): Promise<LocalServer & { started: boolean }> {
  const follow = logFollower(paths.log);
  // An offline import takes as long as the data needs: the start-up timeout counts from its end.
  let importing = Boolean(start.importArgs);
  let deadline = Date.now() + START_TIMEOUT_MS;
  let cap = Date.now() + START_CAP_MS;
  let cpuAtDeadline = cpuSeconds(pid);
  let ready = false;
  for (;;) {
    if (!importing && Date.now() >= deadline) {
      // Still working (CPU time spent since the last deadline): waiting longer, up to the cap.
      const cpu = cpuSeconds(pid);
      if (cpu === undefined || cpuAtDeadline === undefined || cpu - cpuAtDeadline < 1 || Date.now() >= cap) break;
      cpuAtDeadline = cpu;
      deadline = Date.now() + START_TIMEOUT_MS;
    }
    for (const line of follow()) {
      start.onLine?.(line);
      if (line.startsWith("NEO4J IMPORT DONE")) {
        importing = false;
        deadline = Date.now() + START_TIMEOUT_MS;
        cap = Date.now() + START_CAP_MS;
        cpuAtDeadline = cpuSeconds(pid);
      } else if (line.startsWith("NEO4J READY")) ready = true;
      else if (line.startsWith("NEO4J FAILED")) {
        await stopLocal(options.dataDir);
        throw new Neo4jStartError(`Neo4j failed to ${importing ? "import" : "start"}. Last lines of ${paths.log}:\n${logTail(paths.log)}`);
      }
    }
    if (exitCode() !== undefined) {
      rmSync(paths.state, { force: true });
      throw new Neo4jStartError(`Neo4j exited during start-up (code ${exitCode()}). Last lines of ${paths.log}:\n${logTail(paths.log)}`);
    }
    if (ready && (await portAnswers(options.port))) {
      return { pid, port: options.port, uri: `bolt://127.0.0.1:${options.port}`, passwordFile: paths.passwordFile, started: true };
    }
    await sleep(100);
  }
  await stopLocal(options.dataDir);
  throw new Neo4jStartError(
    `Neo4j did not answer on port ${options.port}: no progress for ${START_TIMEOUT_MS / 1000} s (or still starting after ${START_CAP_MS / 60_000} min); stopped it. Log tail:\n${logTail(paths.log)}`,
  );
}

/** CPU seconds a process has used (Linux /proc), or undefined where that cannot be read. */
function cpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the command's closing parenthesis: state is the 3rd field, utime and stime the 14th and 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ");
    const ticks = Number(fields?.[11]) + Number(fields?.[12]);
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS : undefined;
  } catch {
    return undefined;
  }
}
/** Linux's USER_HZ, what /proc counts CPU time in (100 on every mainstream architecture). */
const CLOCK_TICKS = 100;

/** Bytes of a heap size written as Java takes it (`4g`, `512m`). */
function bytesOf(size: string): number {
  const m = /^(\d+)([gGmMkK]?)$/.exec(size);
  if (!m) return 4 * 1024 ** 3;
  const unit = { g: 1024 ** 3, m: 1024 ** 2, k: 1024, "": 1 }[(m[2] ?? "").toLowerCase()] ?? 1;
  return Number(m[1]) * unit;
}

/**
 * Memory limits of the server's transactions, well under the heap: all of them together at 60 %,
 * one of them at 25 % (a runaway saved query fails alone), and a 15-minute backstop timeout.
 */
export function transactionLimits(heap: string): string[] {
  const mib = (share: number) => `${Math.max(64, Math.floor((bytesOf(heap) * share) / 1024 ** 2))}m`;
  return ["--tx-memory", mib(0.6), "--tx-max", mib(0.25), "--tx-timeout", "900"];
}

/** Stops the local server if one runs: SIGTERM, then SIGKILL after a grace period. */
export async function stopLocal(dataDir: string): Promise<boolean> {
  const server = runningServer(dataDir);
  if (!server) return false;
  process.kill(server.pid, "SIGTERM");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(server.pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(server.pid)) process.kill(server.pid, "SIGKILL");
  rmSync(localPaths(dataDir).state, { force: true });
  return true;
}

/** Deletes the local database files (the server must be stopped first). */
export function wipeLocal(dataDir: string): void {
  if (runningServer(dataDir)) throw new Neo4jStartError("stop the local server before wiping its data");
  rmSync(localPaths(dataDir).home, { recursive: true, force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
