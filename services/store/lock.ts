// A lock between the processes that share a data folder (the server and the CLIs): an exclusive
// lock file holding the owner's pid, taken over when its owner is gone or it is older than `staleMs`.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";

export class LockTimeoutError extends Error {
  override name = "LockTimeoutError";
}

function ownerAlive(file: string): boolean {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `work` while holding `file` (created exclusively, removed after). */
export async function withFileLock<T>(file: string, work: () => Promise<T> | T, options: { timeoutMs?: number; staleMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const staleMs = options.staleMs ?? 30_000;
  for (;;) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let age: number;
      try {
        age = Date.now() - statSync(file).mtimeMs;
      } catch {
        continue; // released between the two calls
      }
      if (!ownerAlive(file) || age > staleMs) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new LockTimeoutError(`${file} is held by another process`);
      await sleep(5);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}
