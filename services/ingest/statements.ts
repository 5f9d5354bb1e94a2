// The Cypher of each bundle file (cypher/ingest/<file>.cypher), split into its `// phase:` statements.
import { cypher } from "../graph/index.ts";

export type Phase = "nodes" | "relationships";

export interface FileStatements {
  nodes: string[];
  relationships: string[];
}

const cache = new Map<string, FileStatements>();

/** Statements of cypher/ingest/<name>.cypher; each is preceded by `// phase: nodes` or `// phase: relationships`. */
export function fileStatements(name: string): FileStatements {
  let found = cache.get(name);
  if (found) return found;
  found = { nodes: [], relationships: [] };
  for (const part of cypher(`ingest/${name}.cypher`).split(/;\s*(?:\r?\n|$)/)) {
    const lines = part.split(/\r?\n/);
    const marker = lines.map((l) => /^\s*\/\/\s*phase:\s*(nodes|relationships)\s*$/.exec(l)?.[1]).find((m) => m !== undefined);
    const text = lines.filter((l) => !l.trim().startsWith("//")).join("\n").trim();
    if (text.length === 0) continue;
    if (marker !== "nodes" && marker !== "relationships") throw new Error(`cypher/ingest/${name}.cypher: a statement lacks its "// phase: nodes|relationships" line`);
    found[marker].push(text);
  }
  cache.set(name, found);
  return found;
}
