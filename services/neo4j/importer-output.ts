// Reads what Neo4j's offline importer prints (through the launcher's log) into events: each step
// as it starts, its progress in percent, its duration, and the totals at the end.

export type ImporterEvent =
  | { kind: "step"; index: number; steps: number; name: string }
  | { kind: "progress"; name: string; percent: number }
  | { kind: "completed"; name: string; seconds: number }
  /** `seconds`: the importer's own count; `wallSeconds`: the launcher's, with reading the arguments and sizing the input. */
  | { kind: "done"; seconds: number; wallSeconds: number; nodes: number; relationships: number; properties: number; peakMemory?: string };

/** `1m 2s 345ms` → 62.345. */
export function importerSeconds(text: string): number {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/(\d+)\s*(ms|h|m|s)\b/g)) {
    const n = Number(value);
    seconds += unit === "ms" ? n / 1000 : unit === "s" ? n : unit === "m" ? n * 60 : n * 3600;
  }
  return seconds;
}

/** A parser keeping the state between lines (the current step, the totals being listed). */
export function importerOutput(): (line: string) => ImporterEvent | undefined {
  let step = "";
  let done: Extract<ImporterEvent, { kind: "done" }> | undefined;
  return (line) => {
    let m = /^\((\d+)\/(\d+)\) (.+?) \d{4}-\d{2}-\d{2}/.exec(line);
    if (m) {
      step = m[3] as string;
      return { kind: "step", index: Number(m[1]), steps: Number(m[2]), name: step };
    }
    m = /\s(\d{1,3})% ∆/.exec(line);
    if (m && step) return { kind: "progress", name: step, percent: Number(m[1]) };
    m = /^(.+) COMPLETED in (.+)$/.exec(line);
    if (m) return { kind: "completed", name: m[1] as string, seconds: importerSeconds(m[2] as string) };
    m = /^IMPORT DONE in (.+?)\.?\s*$/.exec(line);
    if (m) {
      done = { kind: "done", seconds: importerSeconds(m[1] as string), wallSeconds: 0, nodes: 0, relationships: 0, properties: 0 };
      return undefined;
    }
    if (!done) return undefined;
    m = /^\s+(\d+) (nodes|relationships|properties)$/.exec(line);
    if (m) done[m[2] as "nodes" | "relationships" | "properties"] = Number(m[1]);
    m = /^Peak memory usage: (.+)$/.exec(line);
    if (m) done.peakMemory = m[1] as string;
    m = /^NEO4J IMPORT DONE (\d+)/.exec(line);
    if (m) {
      const finished = { ...done, wallSeconds: Number(m[1]) / 1000 };
      done = undefined;
      return finished;
    }
    return undefined;
  };
}
