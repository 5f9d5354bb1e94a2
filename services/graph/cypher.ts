// Loads Cypher texts from the top-level cypher/ folder: the one place where Cypher is written.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../cypher");

const cache = new Map<string, string>();

/** The text of cypher/<name> (e.g. "ingest/persons.cypher"), read once per process. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(CYPHER_DIR, name), "utf8");
    cache.set(name, text);
  }
  return text;
}

/** Splits a script into statements on `;` at line ends, dropping `//` comment lines. */
export function statements(script: string): string[] {
  return script
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.split(/\r?\n/).filter((l) => !l.trim().startsWith("//")).join("\n").trim())
    .filter((s) => s.length > 0);
}
