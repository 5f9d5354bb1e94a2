// The Cypher of each bundle file (cypher/ingest/<file>.cypher), split into its `// phase:` statements:
// `nodes` (MERGE: the entity may exist), `create` (CREATE: into a database without entities, where
// validation proved every id new) and `relationships`.
import { cypher } from "../graph/index.ts";

export type Phase = "nodes" | "relationships";

export interface FileStatements {
  nodes: string[];
  create: string[];
  relationships: string[];
}

const cache = new Map<string, FileStatements>();
const MARKER = /^\s*\/\/\s*phase:\s*(nodes|create|relationships)\b/;

/** Statements of cypher/ingest/<name>.cypher; each is preceded by `// phase: nodes|create|relationships`. */
export function fileStatements(name: string): FileStatements {
  let found = cache.get(name);
  if (found) return found;
  found = { nodes: [], create: [], relationships: [] };
  for (const part of cypher(`ingest/${name}.cypher`).split(/;\s*(?:\r?\n|$)/)) {
    const lines = part.split(/\r?\n/);
    const marker = lines.map((l) => MARKER.exec(l)?.[1]).find((m) => m !== undefined) as keyof FileStatements | undefined;
    const text = lines.filter((l) => !l.trim().startsWith("//")).join("\n").trim();
    if (text.length === 0) continue;
    if (marker === undefined) throw new Error(`cypher/ingest/${name}.cypher: a statement lacks its "// phase: nodes|create|relationships" line`);
    found[marker].push(text);
  }
  if (found.nodes.length > 0 && found.create.length === 0) throw new Error(`cypher/ingest/${name}.cypher: node statements without their "// phase: create" form`);
  cache.set(name, found);
  return found;
}
