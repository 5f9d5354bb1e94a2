import type { TownshipState } from "./world.ts";
export function pastCases(_tw: TownshipState): void {}
