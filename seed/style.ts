// A county's style: what makes one county unlike the next, drawn from the seed before anything else so
// that no detector threshold or weight can be tuned to a single generator setting. Densities and village
// sizes, clans, programme mix and coverage, firms and their agents, bidding habits, the tender limit,
// how schemes are hidden, how relations are declared, and how messy the registers are.
import { Rng } from "./rng.ts";
import type { ScaleSpec } from "./scale.ts";
import { TYPOLOGIES, type Typology } from "./contract.ts";

/** Who signs the yearly lists of a universal entitlement (耕地地力保护补贴, 高龄津贴). */
export type UniversalSigner = "village" | "township" | "county";

/** Means-tested programmes whose coverage a county sets (multipliers on a typical county). */
export interface ProgrammeMix {
  housing: number;
  relief: number;
  industry: number;
  medical: number;
  solar: number;
  publicJob: number;
  student: number;
}

export interface CountyStyle {
  /** Persons the county aims at. */
  persons: number;
  townships: number;
  /** Mean villages per township, and the spread of village sizes (sd of the log). */
  villagesPerTownship: number;
  villageSigma: number;
  seatCommunities: number;
  /** Share of villages where most lineages descend from a few brothers (clan villages, 宗族村). */
  clanVillages: number;
  /** Founding brothers per clan. */
  clanBrothers: [number, number];
  /** Share of brides who come from the township itself (more in-township marriage, denser kinship). */
  localBrides: number;

  /** Share of rural households that farm their contracted land. */
  farming: number;
  /** Share of farming households paid the farmland subsidy, and its rate (yuan per mu and year). */
  farmlandCoverage: number;
  farmlandRate: number;
  /** Share of farming households paid the returned-farmland (退耕还林) subsidy every year. */
  forestCoverage: number;
  /** Share of people aged 80+ paid the old-age allowance each year. */
  elderlyCoverage: number;
  universalSigner: UniversalSigner;
  /** Multiplier on the share of registered-poor households, and the dibao share among them. */
  poorRate: number;
  dibaoShare: number;
  mix: ProgrammeMix;
  /** Share of poor relatives of cadres beyond the close family who get the help they qualify for. */
  kinHelp: number;
  /** Share of poor close relatives of cadres who get help, declared and signed by someone else. */
  closeKinHelp: number;
  /** Share of cadres' close relations declared (filed with the supervisor) in the background. */
  declared: number;

  contractors: number;
  suppliers: number;
  otherCompanies: number;
  /** Business-centre addresses where unrelated firms are registered, and firms per address. */
  agentAddresses: number;
  firmsPerAddress: [number, number];
  /** Bookkeepers (代理记账) whose phone many firms give, and firms per bookkeeper. */
  accountants: number;
  firmsPerAccountant: [number, number];
  /** Whether the bookkeeper is registered as the firms' agent (company_roles role `agent`). */
  accountantListed: boolean;
  bidders: [number, number];
  /** Losing bids as multiples of the winning bid, and the winning bid as a share of the budget. */
  markup: [number, number];
  winnerFactor: [number, number];
  /** Smallest coefficient of variation of a background tender's valid bids. */
  minCv: number;
  /** Busy honest firms: how many, the share of tenders they enter, how often they win what they enter. */
  busyFirms: number;
  busyEntry: number;
  busyWin: number;
  /** Budget from which the county stops awarding directly and runs a tender. */
  tenderLimit: number;
  /** Share of projects under the limit that are awarded directly (the rest negotiated). */
  directShare: number;

  schemes: Map<Typology, number>;
  /** Share of relatives' grants and contracts signed by a colleague rather than the cadre. */
  colleague: number;
  /** Share of relatives' firms fronted by a nominee. */
  front: number;
  /** Share of kickbacks routed through a go-between's account. */
  intermediary: number;
  /** Days from an award (or payment) to the first kickback. */
  lag: [number, number];
  /** Share of front men who are old villagers whose identity was borrowed (they never knew). */
  identityUsed: number;
  /** Where diverted grants go: weights for the cadre's own card, a relative's, a go-between's. */
  diversion: [number, number, number];
  lookalikesPerKind: number;

  noise: Noise;
}

export interface Noise {
  /** Shares of phones, addresses and account numbers written with spaces, dashes or full-width digits. */
  phone: number;
  address: number;
  account: number;
  /** Shares of persons whose phone, address or bank card is left blank on the register. */
  phoneMissing: number;
  addressMissing: number;
  accountMissing: number;
  /** Shares of identity numbers typed with full-width digits, spaces or a lower-case x, or left blank. */
  idTyped: number;
  idMissing: number;
  /** Share of persons whose name is written another way (a variant surname character, a space). */
  names: number;
}

const LIMITS = [50_000, 100_000, 150_000, 200_000, 300_000, 400_000] as const;
const SIGNERS: readonly UniversalSigner[] = ["village", "township", "county"];

function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.exp(rng.float(Math.log(lo), Math.log(hi)));
}

function between(rng: Rng, [lo, hi]: readonly [number, number]): number {
  return rng.int(lo, hi);
}

/** Splits `total` scheme instances over the typologies: every one gets `min`, the rest by the county's taste. */
function schemeCounts(rng: Rng, total: number, rings: number, min: number): Map<Typology, number> {
  const kinds = TYPOLOGIES.filter((t) => t !== "COLLUSION_RING");
  const weights = kinds.map(() => Math.exp(rng.normal(0, 0.7)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, total - rings - min * kinds.length);
  const out = new Map<Typology, number>();
  let given = 0;
  kinds.forEach((t, i) => {
    const n = min + Math.floor((spare * (weights[i] as number)) / sum);
    out.set(t, n);
    given += n - min;
  });
  // Hand out what flooring left, heaviest taste first.
  const order = kinds.map((t, i) => [t, weights[i] as number] as const).sort((a, b) => b[1] - a[1]);
  for (let i = 0; given < spare; i++, given++) {
    const t = (order[i % order.length] as readonly [Typology, number])[0];
    out.set(t, (out.get(t) ?? 0) + 1);
  }
  out.set("COLLUSION_RING", rings);
  return out;
}

export function drawStyle(seed: number, spec: ScaleSpec, countyIndex: number): CountyStyle {
  const rng = new Rng(seed, "style", countyIndex);
  const persons = Math.round(spec.persons * rng.float(0.85, 1.15));
  const townships = between(rng, spec.townships);
  const villagesPerTownship = logUniform(rng, spec.villagesPerTownship[0], spec.villagesPerTownship[1]);
  const villageSigma = rng.float(0.12, 0.6);
  const seatCommunities = between(rng, spec.seatCommunities);
  const clanVillages = rng.float(0.05, 0.85);
  const b0 = rng.int(2, 4);
  const clanBrothers: [number, number] = [b0, b0 + rng.int(1, 3)];
  const localBrides = rng.float(0.25, 0.75);

  const farming = rng.float(0.45, 0.9);
  const farmlandCoverage = rng.float(0.85, 0.98);
  const farmlandRate = rng.int(70, 130);
  const forestCoverage = rng.chance(0.3) ? rng.float(0, 0.04) : rng.float(0.05, 0.35);
  const elderlyCoverage = rng.float(0.75, 0.98);
  const universalSigner = rng.weighted(SIGNERS, [4, 4, 2]);
  const poorRate = logUniform(rng, 0.6, 1.6);
  const dibaoShare = rng.float(0.25, 0.6);
  const mix: ProgrammeMix = {
    housing: logUniform(rng, 0.3, 2.5), relief: logUniform(rng, 0.2, 3), industry: logUniform(rng, 0.3, 2.5), medical: logUniform(rng, 0.5, 2),
    solar: rng.chance(0.25) ? 0 : rng.float(0.4, 1.5), publicJob: logUniform(rng, 0.3, 2), student: rng.float(0.6, 1.4),
  };
  const kinHelp = rng.float(0.5, 1);
  const closeKinHelp = rng.float(0.1, 0.8);
  const declared = rng.float(0.1, 0.8);

  const contractors = between(rng, spec.contractors);
  const suppliers = between(rng, spec.suppliers);
  const otherCompanies = between(rng, spec.otherCompanies);
  const agentAddresses = between(rng, spec.agentAddresses);
  const a0 = rng.int(6, 10);
  const firmsPerAddress: [number, number] = [a0, a0 + rng.int(2, 6)];
  const accountants = between(rng, spec.accountants);
  const p0 = rng.int(4, 8);
  const firmsPerAccountant: [number, number] = [p0, p0 + rng.int(2, 6)];
  const accountantListed = rng.chance(0.5);
  const bmin = rng.int(3, 4);
  const bidders: [number, number] = [bmin, bmin + rng.int(1, 4)];
  const m0 = rng.float(1.003, 1.03);
  const markup: [number, number] = [m0, m0 + rng.float(0.04, 0.2)];
  const w0 = rng.float(0.78, 0.9);
  const winnerFactor: [number, number] = [w0, Math.min(0.99, w0 + rng.float(0.05, 0.15))];
  const minCv = rng.float(0.008, 0.025);
  const busyFirms = between(rng, spec.busyFirms);
  const busyEntry = rng.float(0.3, 0.8);
  const busyWin = rng.float(0.3, 0.7);
  const tenderLimit = rng.pick(LIMITS);
  const directShare = rng.float(0.5, 0.95);

  const total = Math.round((persons / 10_000) * spec.schemesPer10k * rng.float(0.85, 1.15));
  const rings = Math.max(1, Math.round(total * rng.float(0.03, 0.08)));
  const schemes = schemeCounts(rng, total, rings, spec.minPerTypology);
  const colleague = rng.float(0.1, 0.7);
  const front = rng.float(0.1, 0.7);
  const intermediary = rng.float(0, 0.6);
  const l0 = rng.int(3, 30);
  const lag: [number, number] = [l0, l0 + rng.int(40, 360)];
  const identityUsed = rng.float(0.1, 0.6);
  const diversion: [number, number, number] = [rng.float(1, 5), rng.float(1, 5), rng.float(0.5, 3)];
  const lookalikesPerKind = between(rng, spec.lookalikesPerKind);

  const noise: Noise = {
    phone: rng.float(0.05, 0.5), address: rng.float(0.03, 0.4), account: rng.float(0.05, 0.4),
    phoneMissing: rng.float(0, 0.25), addressMissing: rng.float(0, 0.3), accountMissing: rng.float(0.05, 0.4),
    idTyped: rng.float(0, 0.08), idMissing: rng.float(0, 0.06), names: rng.float(0, 0.06),
  };
  return {
    persons, townships, villagesPerTownship, villageSigma, seatCommunities, clanVillages, clanBrothers, localBrides,
    farming, farmlandCoverage, farmlandRate, forestCoverage, elderlyCoverage, universalSigner, poorRate, dibaoShare, mix, kinHelp, closeKinHelp, declared,
    contractors, suppliers, otherCompanies, agentAddresses, firmsPerAddress, accountants, firmsPerAccountant, accountantListed,
    bidders, markup, winnerFactor, minCv, busyFirms, busyEntry, busyWin, tenderLimit, directShare,
    schemes, colleague, front, intermediary, lag, identityUsed, diversion, lookalikesPerKind, noise,
  };
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const k = (x: number): string => `${Math.round(x / 1000)}k`;

/** One line a person can read: the county's style. */
export function profileLine(name: string, s: CountyStyle, villages: number, persons: number): string {
  const instances = [...s.schemes.values()].reduce((a, b) => a + b, 0);
  const [d0, d1, d2] = s.diversion;
  const dsum = d0 + d1 + d2;
  return [
    `${name}: ${persons} persons in ${s.townships} townships, ${villages} villages (σ ${s.villageSigma.toFixed(2)}), ${s.seatCommunities} communities`,
    `clan villages ${pct(s.clanVillages)} (${s.clanBrothers[0]}-${s.clanBrothers[1]} brothers), local brides ${pct(s.localBrides)}`,
    `farmland subsidy ${pct(s.farmlandCoverage)} of ${pct(s.farming)} farming, 退耕 ${pct(s.forestCoverage)}, 高龄 ${pct(s.elderlyCoverage)}, signed by ${s.universalSigner}`,
    `poor ×${s.poorRate.toFixed(2)}, dibao ${pct(s.dibaoShare)}, 危房 ×${s.mix.housing.toFixed(1)} 临时救助 ×${s.mix.relief.toFixed(1)} 产业 ×${s.mix.industry.toFixed(1)}`,
    `kin helped ${pct(s.kinHelp)} (close ${pct(s.closeKinHelp)}), declared ${pct(s.declared)}`,
    `firms ${s.contractors}+${s.suppliers}+${s.otherCompanies}, ${s.agentAddresses} agent addresses ×${s.firmsPerAddress[0]}-${s.firmsPerAddress[1]}, ${s.accountants} bookkeeper phones ×${s.firmsPerAccountant[0]}-${s.firmsPerAccountant[1]}${s.accountantListed ? " (listed as agent)" : ""}`,
    `bids ${s.bidders[0]}-${s.bidders[1]} at +${((s.markup[0] - 1) * 100).toFixed(1)}-${((s.markup[1] - 1) * 100).toFixed(1)}%, wins at ${pct(s.winnerFactor[0])}-${pct(s.winnerFactor[1])} of budget, ${s.busyFirms} busy firms`,
    `tender limit ${k(s.tenderLimit)} (direct ${pct(s.directShare)} below)`,
    `${instances} schemes (${s.schemes.get("COLLUSION_RING") ?? 0} rings), colleague signs ${pct(s.colleague)}, fronts ${pct(s.front)}, go-betweens ${pct(s.intermediary)}, lag ${s.lag[0]}-${s.lag[1]} d, borrowed ids ${pct(s.identityUsed)}, diverted to cadre/kin/go-between ${pct(d0 / dsum)}/${pct(d1 / dsum)}/${pct(d2 / dsum)}`,
    `noise: phones ${pct(s.noise.phone)} messy ${pct(s.noise.phoneMissing)} blank, addresses ${pct(s.noise.address)}/${pct(s.noise.addressMissing)}, ids ${pct(s.noise.idTyped)} typed ${pct(s.noise.idMissing)} blank, names ${pct(s.noise.names)} variant`,
  ].join(" · ");
}
