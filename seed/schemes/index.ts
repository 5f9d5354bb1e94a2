// Scheme planner: spreads each county's planted instances over its townships in proportion to their
// villages; an instance a township cannot host is carried over to the next one.
import type { Rng } from "../rng.ts";
import type { Typology } from "../contract.ts";
import type { CountyState, TownshipState } from "../world.ts";
import type { Scheme } from "./common.ts";
import { kinBenefit } from "./kinBenefit.ts";
import { kinContract } from "./kinContract.ts";
import { hiddenTie } from "./hiddenTie.ts";
import { deceasedPayee } from "./deceasedPayee.ts";
import { divertedPayment } from "./divertedPayment.ts";
import { skimming } from "./skimming.ts";
import { ineligible } from "./ineligible.ts";
import { duplicateBenefit } from "./duplicateBenefit.ts";
import { singleBid } from "./singleBid.ts";
import { splitPurchase } from "./splitPurchase.ts";
import { bidRigging } from "./bidRigging.ts";
import { kickback } from "./kickback.ts";
import { dominantWinner } from "./dominantWinner.ts";
import { shellWinner } from "./shellWinner.ts";
import { collusionRing } from "./collusionRing.ts";

export const SCHEMES: readonly Scheme[] = [
  kinBenefit, kinContract, hiddenTie, deceasedPayee, divertedPayment, skimming, ineligible, duplicateBenefit,
  singleBid, splitPurchase, bidRigging, kickback, dominantWinner, shellWinner, collusionRing,
];

const BY_TYPOLOGY = new Map<Typology, Scheme>(SCHEMES.map((s) => [s.typology, s]));

export class SchemePlanner {
  private readonly queue: Typology[] = [];
  private readonly totalVillages: number;
  private villagesSeen = 0;
  private planted = 0;
  private readonly total: number;
  private serial = 0;

  constructor(readonly county: CountyState) {
    for (const s of SCHEMES) {
      const n = county.style.schemes.get(s.typology) ?? 0;
      for (let i = 0; i < n; i++) this.queue.push(s.typology);
    }
    county.rng.fork("scheme-order").shuffle(this.queue);
    this.total = this.queue.length;
    this.totalVillages = county.plan.townships.reduce((a, t) => a + t.villages.length, 0);
  }

  /** Plants this township's share; in the last township, everything still queued (with retries). */
  plant(tw: TownshipState, last: boolean): void {
    this.villagesSeen += tw.villages.length;
    const due = last ? this.total : Math.round((this.total * this.villagesSeen) / this.totalVillages);
    const rng = tw.rng.fork("schemes");
    let want = due - this.planted;
    const carried: Typology[] = [];
    while (want > 0 && this.queue.length > 0) {
      const typ = this.queue.shift() as Typology;
      if (this.tryPlant(tw, rng, typ, last ? 12 : 3)) {
        this.planted++;
        want--;
      } else carried.push(typ);
    }
    this.queue.unshift(...carried);
  }

  private tryPlant(tw: TownshipState, rng: Rng, typ: Typology, attempts: number): boolean {
    const scheme = BY_TYPOLOGY.get(typ);
    if (scheme === undefined) return false;
    for (let i = 0; i < attempts; i++) {
      const r = rng.fork(typ, this.serial++);
      if (tw.attempt(() => scheme.plant(tw, r))) return true;
    }
    return false;
  }

  /** Instances that found no home (reported by the generator). */
  get unplanted(): number {
    return this.queue.length;
  }
}
