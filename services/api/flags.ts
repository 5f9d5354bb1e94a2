// Titles of detector flags for API answers, read from the flag catalogue (cypher/flags/*.cypher).
import { loadFlags } from "../analytics/flags/registry.ts";

let titles: Map<string, { title: string; titleZh: string }> | undefined;

function catalogue(): Map<string, { title: string; titleZh: string }> {
  if (!titles) {
    try {
      titles = new Map(loadFlags().map((f) => [f.id, { title: f.title, titleZh: f.title_zh }]));
    } catch {
      // A malformed flag file must not break the API: titles fall back to flag ids until it is fixed.
      return new Map();
    }
  }
  return titles;
}

/** "Grant paid after the beneficiary's death (虚报冒领)", or the flag id when the catalogue lacks it. */
export function flagTitle(flag: string): string {
  const entry = catalogue().get(flag);
  return entry ? `${entry.title} (${entry.titleZh})` : flag;
}
