// The detector catalogue: every cypher/flags/*.cypher file, parsed once.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CYPHER_DIR } from "../../graph/index.ts";
import { type FlagDefinition, FlagDefinitionError, parseFlag } from "./definition.ts";

export const FLAGS_DIR = path.join(CYPHER_DIR, "flags");

let cached: FlagDefinition[] | undefined;

export function loadFlags(dir = FLAGS_DIR): FlagDefinition[] {
  if (dir === FLAGS_DIR && cached) return cached;
  const flags = readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .map((f) => parseFlag(readFileSync(path.join(dir, f), "utf8"), `cypher/flags/${f}`));
  const seen = new Set<string>();
  for (const f of flags) {
    if (seen.has(f.id)) throw new FlagDefinitionError(`${f.file}: flag id ${f.id} is defined twice`);
    seen.add(f.id);
  }
  if (dir === FLAGS_DIR) cached = flags;
  return flags;
}

export function flagById(id: string): FlagDefinition | undefined {
  return loadFlags().find((f) => f.id === id);
}
