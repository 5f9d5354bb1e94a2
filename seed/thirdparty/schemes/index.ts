// Plants this county's schemes: one of each typology its profile drew, then more of them at
// random until about 0.7% of persons and companies are culprits.
import type { Typology } from "../model.ts";
import { bidRigging, dominantWinner, hiddenTieFirm, kickback, kinContract, shellWinner, singleBid, splitPurchase } from "./contract-schemes.ts";
import type { Kit, Planter } from "./kit.ts";
import { deceasedPayee, divertedPayment, duplicateBenefit, hiddenTieBeneficiary, ineligible, kinBenefit, skimming } from "./welfare-schemes.ts";

const PLANTERS: Record<Typology, readonly Planter[]> = {
  KIN_BENEFIT: [kinBenefit],
  KIN_CONTRACT: [kinContract],
  HIDDEN_TIE: [hiddenTieFirm, hiddenTieFirm, hiddenTieBeneficiary],
  DECEASED_PAYEE: [deceasedPayee],
  DIVERTED_PAYMENT: [divertedPayment],
  SKIMMING: [skimming],
  INELIGIBLE: [ineligible],
  DUPLICATE_BENEFIT: [duplicateBenefit],
  SINGLE_BID: [singleBid],
  SPLIT_PURCHASE: [splitPurchase],
  BID_RIGGING: [bidRigging],
  KICKBACK: [kickback],
  DOMINANT_WINNER: [dominantWinner],
  SHELL_WINNER: [shellWinner],
};

function plant(k: Kit, t: Typology): boolean {
  for (let attempt = 0; attempt < 12; attempt++) {
    if (k.rng.pick(PLANTERS[t])(k)) return true;
  }
  return false;
}

export function plantSchemes(k: Kit): void {
  const { c } = k;
  const target = Math.round(c.profile.culpritShare * (c.living.length + c.companies.length));
  const types = k.rng.shuffle([...c.profile.typologies]);
  for (const t of types) plant(k, t);
  // Some typologies come up more often in a county than others.
  const weights = types.map((t) => [t, k.rng.float(0.5, 2)] as const);
  for (let guard = 0; c.culprits.size < target && guard < 400; guard++) plant(k, k.rng.weighted(weights));
}
