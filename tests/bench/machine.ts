// Describes the machine a benchmark ran on, for the BENCHMARKS.md record.
import os from "node:os";

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}, ${new Date().toISOString().slice(0, 10)}`;
}
