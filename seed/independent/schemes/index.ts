// Plants the county's schemes: at least eleven kinds chosen by the seed, each once, then more of
// them until about a hundred people and firms (scaled to the county's size) are culprits.
import type { Scheme, Typology, World } from "../model.ts";
import type { Tendering } from "../procurement.ts";
import { eligibility } from "../programs.ts";
import { deceasedPayee, divertedPayment, duplicateBenefit, ineligible, kinBenefit, skimming } from "./benefits.ts";
import { blendSchemeFirms } from "./blend.ts";
import { bidRigging, collusionRing, kickback } from "./collusion.ts";
import { Ctx } from "./common.ts";
import { dominantWinner, hiddenTie, kinContract, shellWinner, singleBid, splitPurchase } from "./contracts.ts";

const PLANTERS: Record<Typology, (ctx: Ctx) => Scheme | undefined> = {
  KIN_BENEFIT: kinBenefit,
  KIN_CONTRACT: kinContract,
  HIDDEN_TIE: hiddenTie,
  DECEASED_PAYEE: deceasedPayee,
  DIVERTED_PAYMENT: divertedPayment,
  SKIMMING: skimming,
  INELIGIBLE: ineligible,
  DUPLICATE_BENEFIT: duplicateBenefit,
  SINGLE_BID: singleBid,
  SPLIT_PURCHASE: splitPurchase,
  BID_RIGGING: bidRigging,
  KICKBACK: kickback,
  DOMINANT_WINNER: dominantWinner,
  SHELL_WINNER: shellWinner,
  COLLUSION_RING: collusionRing,
};

/** How often a kind is planted again once every chosen kind has one. */
const REPEAT: Partial<Record<Typology, number>> = { DOMINANT_WINNER: 0.5, BID_RIGGING: 0.4, COLLUSION_RING: 0.12 };
const MAX: Partial<Record<Typology, number>> = { COLLUSION_RING: 2, BID_RIGGING: 3, DOMINANT_WINNER: 3 };
const MAX_DEFAULT = 5;

export function plantSchemes(world: World, tendering: Tendering): Ctx {
  const rng = world.rng.fork("schemes");
  const ctx = new Ctx(world, rng, tendering, eligibility(world));
  const kinds = Object.keys(PLANTERS) as Typology[];
  const chosen = rng.sample(kinds, rng.weighted([11, 12, 13, 14, 15], (_, i) => [1, 2, 3, 3, 2][i] ?? 0));
  const target = Math.max(15, Math.round(((100 * world.style.persons) / 15_000) * rng.float(0.92, 1.1)));
  const count = new Map<Typology, number>();
  const plant = (t: Typology) => {
    const s = PLANTERS[t](ctx);
    if (s) count.set(t, (count.get(t) ?? 0) + 1);
    return s;
  };
  for (const t of chosen) plant(t);
  // A kind that found nothing to work with (small counties) gives way to one not chosen yet.
  if (count.size < 11) {
    for (const t of rng.shuffle(kinds.filter((k) => !chosen.includes(k)))) {
      if (count.size >= 11) break;
      if (plant(t)) chosen.push(t);
    }
  }
  for (const t of chosen.slice()) if (!count.has(t)) chosen.splice(chosen.indexOf(t), 1);
  let guard = 0;
  while (world.culpritIds.size < target && guard++ < 400) {
    const open = chosen.filter((t) => (count.get(t) ?? 0) < (MAX[t] ?? MAX_DEFAULT));
    if (open.length === 0) break;
    plant(rng.weighted(open, (t) => (REPEAT[t] ?? 1) / (1 + (count.get(t) ?? 0))));
  }
  blendSchemeFirms(ctx);
  return ctx;
}
