import type { TownshipState } from "./world.ts";
export function plantLookalikes(_tw: TownshipState): void {}
