// Earlier disciplinary cases (前案): some schemes' cadres were disciplined before for smaller matters;
// other cases concern cadres with nothing planted (drinking on duty, banquets, sloppy accounts).
import { W0, W1, day, years } from "./dates.ts";
import type { CaseRow } from "./model.ts";
import type { Field } from "./contract.ts";
import type { TownshipState } from "./world.ts";

const OUTCOMES: readonly CaseRow["outcome"][] = ["none", "warning", "serious_warning", "demerit", "major_demerit", "removal"];
const FIELD_OF: Record<string, Field> = {
  KIN_BENEFIT: "dibao", DECEASED_PAYEE: "dibao", DIVERTED_PAYMENT: "poverty_alleviation", SKIMMING: "dibao", INELIGIBLE: "dibao",
  DUPLICATE_BENEFIT: "dibao", KIN_CONTRACT: "infrastructure", SINGLE_BID: "infrastructure", SPLIT_PURCHASE: "infrastructure",
  BID_RIGGING: "infrastructure", KICKBACK: "infrastructure", DOMINANT_WINNER: "infrastructure", SHELL_WINNER: "infrastructure",
  HIDDEN_TIE: "infrastructure", COLLUSION_RING: "poverty_alleviation",
};

export function pastCases(tw: TownshipState): void {
  const rng = tw.rng.fork("cases");
  const cadresByScheme = new Map<string, { typology: string; id: string }>();
  for (const l of tw.labels) if (l.role === "cadre" && !cadresByScheme.has(l.schemeId)) cadresByScheme.set(l.schemeId, { typology: l.typology, id: l.entityId });
  const done = new Set<string>();
  for (const { typology, id } of cadresByScheme.values()) {
    if (done.has(id) || !rng.chance(0.2)) continue;
    done.add(id);
    const opened = day(2014, 1, 1) + rng.int(0, years(6.5));
    const closed = opened + rng.int(30, 240);
    tw.cases.push({
      id: tw.run.ids.next("CASE", 5), opened, closed: closed <= W1 ? closed : undefined, subjects: [id], typology,
      field: FIELD_OF[typology], amount: rng.int(10, 300) * 100, outcome: rng.weighted(OUTCOMES, [1, 5, 3, 1, 0.5, 0.3]),
    });
  }
  // Cases about cadres with nothing planted.
  const clean = tw.posts.map((p) => p.person).filter((p) => p !== undefined && !tw.used.has(p.id));
  const n = Math.max(1, Math.round(tw.villages.length / 6));
  for (let i = 0; i < n && clean.length > 0; i++) {
    const p = rng.pick(clean);
    if (p === undefined || done.has(p.id)) continue;
    done.add(p.id);
    const opened = W0 - years(2) + rng.int(0, years(7.5));
    tw.cases.push({
      id: tw.run.ids.next("CASE", 5), opened, closed: opened + rng.int(30, 200) <= W1 ? opened + rng.int(30, 200) : undefined, subjects: [p.id],
      typology: "other", field: "other", amount: undefined, outcome: rng.weighted(OUTCOMES, [2, 6, 2, 0.5, 0.2, 0.1]),
    });
  }
}
