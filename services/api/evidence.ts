// The alert and risk reads resolve evidence with one subquery (cypher/api/evidence.cypher),
// spliced into their templates once per process.
import { cypher, cypherWith, SlotValue } from "../graph/index.ts";

const filled = new Map<string, string>();

/** cypher/<name> with cypher/api/evidence.cypher at its {{EVIDENCE}} slot. */
export function withEvidence(name: string): string {
  let text = filled.get(name);
  if (text === undefined) {
    text = cypherWith(name, { EVIDENCE: SlotValue.cypher(cypher("api/evidence.cypher")) });
    filled.set(name, text);
  }
  return text;
}
