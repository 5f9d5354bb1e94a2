import type { TownshipState } from "./world.ts";
export function schemeTips(_tw: TownshipState): void {}
export function backgroundTips(_tw: TownshipState): void {}
