// Risk-score settings: how money raises a score, and how much one alert moves an aggregate.
import type { Grade } from "../grades.ts";

export interface ScoreSettings {
  /** Extra noisy-OR term by the money grade of the entity's total amount at stake. */
  moneyTerm: Record<Grade, number>;
  /** A region or community score counts each member alert at this fraction of its weight, so a
   *  village needs several strong hits, not one, to rank high. */
  aggregateDamping: { region: number; community: number };
}

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  moneyTerm: { discipline: 0, relief_funds: 0.05, large: 0.1, huge: 0.2, especially_huge: 0.3 },
  aggregateDamping: { region: 0.25, community: 0.5 },
};
