// Stub planner (replaced below).
import type { CountyState, TownshipState } from "../world.ts";
export class SchemePlanner {
  constructor(readonly county: CountyState) {}
  plant(_tw: TownshipState, _last: boolean): void {}
}
