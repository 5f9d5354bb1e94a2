// CPU seconds of this process and of the local Neo4j server (from /proc), which a busy shared
// machine inflates far less than wall-clock seconds.
import { readFileSync } from "node:fs";

export interface Cpu {
  node: number;
  neo4j: number | undefined;
}

const CLOCK_TICKS = 100;

/** CPU seconds used so far by this process and by the Neo4j server `neo4jPid` (undefined when not local, or not Linux). */
export function cpuNow(neo4jPid: number | undefined): Cpu {
  const { user, system } = process.cpuUsage();
  let neo4j: number | undefined;
  if (neo4jPid !== undefined) {
    try {
      const fields = readFileSync(`/proc/${neo4jPid}/stat`, "utf8").split(") ")[1]!.split(" ");
      neo4j = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      neo4j = undefined;
    }
  }
  return { node: (user + system) / 1e6, neo4j };
}

/** Runs `work` and returns its value with the CPU seconds spent meanwhile. */
export async function measured<T>(neo4jPid: number | undefined, work: () => Promise<T>): Promise<{ value: T; cpu: Cpu }> {
  const before = cpuNow(neo4jPid);
  const value = await work();
  const after = cpuNow(neo4jPid);
  return {
    value,
    cpu: { node: after.node - before.node, neo4j: after.neo4j !== undefined && before.neo4j !== undefined ? after.neo4j - before.neo4j : undefined },
  };
}

/** Scales a CPU measurement taken on a sample. */
export function scaledCpu(cpu: Cpu, factor: number): Cpu {
  return { node: cpu.node * factor, neo4j: cpu.neo4j === undefined ? undefined : cpu.neo4j * factor };
}

/** A fixed piece of JavaScript work, to compare this machine's speed at the time of the run. */
export function calibration(): string {
  const started = performance.now();
  const map = new Map<string, { i: number }>();
  for (let i = 0; i < 1_000_000; i += 1) map.set(`k${i}`, { i });
  return `1M Map.set took ${((performance.now() - started) / 1000).toFixed(2)} s`;
}
