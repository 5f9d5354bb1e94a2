// The county's style: everything the seed randomises about how this county looks and how its data
// was kept, chosen once up front so that each part of the generator reads the same choices.
import { countyName } from "./names.ts";
import type { Rng } from "./rng.ts";

export type IdStyle = "sequential" | "regional" | "opaque";
export type Approver = "township" | "village" | "mixed";

export interface Style {
  county: string;
  /** First six digits of resident ID numbers and region codes. */
  areaCode: string;
  persons: number;
  townships: number;
  villagesPerTownship: readonly [number, number];
  seatCommunities: number;
  /** Share of villages dominated by one to three surnames. */
  clanShare: number;
  /** Chance that a close tie (spouse, parent, child) is on file; more distant ties use `kinRecordFar`. */
  kinRecordClose: number;
  kinRecordFar: number;
  /** Whether kinship rows are written both ways (A→B and B→A). */
  kinBothWays: boolean;
  /** Share of a cadre's relatives that the cadre declared. */
  declareRate: number;
  phoneRate: number;
  familyPhoneShare: number;
  /** Village committee landline given as contact by cadres and some elderly villagers. */
  officePhone: boolean;
  idNumberRate: number;
  bankAccountRate: number;
  grantAccountRate: number;
  approvedAmountRate: number;
  /** 0..1: how dirty identifiers and optional fields are. */
  noise: number;
  poorRate: number;
  dibaoRate: number;
  dibaoInstallments: 1 | 2 | 4;
  elderAge: 80 | 90;
  /** Optional programmes this county runs. */
  programmes: { grain: boolean; machinery: boolean; tekun: boolean; temp: boolean; industry: boolean; education: boolean; medical: boolean };
  /** Who signs the universal (non-means-tested) lists: nobody on file, the township, or the village director. */
  universalApprover: "none" | "township" | "village";
  meansApprover: Approver;
  /** Amount above which projects must be tendered. */
  threshold: number;
  bidMean: number;
  bidSpread: number;
  lowestWins: number;
  directAwardBidRows: boolean;
  projectRate: number;
  firmsPer1000: number;
  agentCentres: number;
  agentFirms: readonly [number, number];
  bookkeepers: number;
  bidAgency: boolean;
  idStyle: IdStyle;
  jsonl: readonly string[];
  bom: boolean;
  crlf: boolean;
  transferRate: number;
  /** From the 2021 term on, the party secretary is also committee director (一肩挑). */
  oneShoulder: boolean;
  /** 0..1: how much effort schemes put into hiding (front firms, intermediaries, indirect kin). */
  hiding: number;
  tipRate: number;
}

const JSONL_CANDIDATES = ["grants", "transfers", "kinship", "bids", "persons", "company_roles", "assets", "household_moves"];

export function chooseStyle(rng: Rng, persons: number): Style {
  const r = rng.fork("style");
  // A small sample of a county keeps fewer townships and villages, so villages keep realistic sizes.
  const shrink = Math.min(1, Math.sqrt(persons / 15_000));
  const townships = Math.max(3, Math.round(r.int(8, 20) * shrink));
  const lowVillages = Math.max(2, Math.round(r.int(3, 6) * shrink));
  const jsonlCount = r.weighted([0, 1, 2, 3], (_, i) => [3, 3, 2, 1][i] ?? 0);
  return {
    county: countyName(r),
    areaCode: `${r.pick(["34", "36", "41", "42", "43", "51", "52", "45", "37"])}${r.digits(2)}${r.int(21, 29)}`,
    persons,
    townships,
    villagesPerTownship: [lowVillages, lowVillages + Math.round(r.int(2, 6) * shrink)],
    seatCommunities: Math.max(2, Math.round(r.int(3, 6) * shrink)),
    clanShare: r.float(0.1, 0.7),
    kinRecordClose: r.float(0.85, 1),
    kinRecordFar: r.float(0.3, 0.9),
    kinBothWays: r.chance(0.4),
    declareRate: r.float(0.05, 0.5),
    phoneRate: r.float(0.6, 0.92),
    familyPhoneShare: r.float(0.08, 0.35),
    officePhone: r.chance(0.5),
    idNumberRate: r.float(0.7, 1),
    bankAccountRate: r.float(0.55, 0.95),
    grantAccountRate: r.float(0.7, 1),
    approvedAmountRate: r.float(0.3, 1),
    noise: r.float(0.05, 0.6),
    poorRate: r.float(0.06, 0.16),
    dibaoRate: r.float(0.02, 0.07),
    dibaoInstallments: r.weighted([1, 2, 4] as const, (_, i) => [4, 2, 2][i] ?? 0),
    elderAge: r.chance(0.8) ? 80 : 90,
    programmes: {
      grain: r.chance(0.6),
      machinery: r.chance(0.7),
      tekun: r.chance(0.8),
      temp: r.chance(0.85),
      industry: r.chance(0.8),
      education: r.chance(0.75),
      medical: r.chance(0.7),
    },
    universalApprover: r.choose({ none: 4, township: 4, village: 2 }),
    meansApprover: r.choose({ township: 4, village: 3, mixed: 3 }),
    threshold: r.pick([50_000, 80_000, 100_000, 150_000, 200_000, 300_000, 400_000]),
    bidMean: r.float(2.5, 6),
    bidSpread: r.float(0.03, 0.11),
    lowestWins: r.float(0.78, 0.97),
    directAwardBidRows: r.chance(0.5),
    projectRate: r.float(0.5, 1.4),
    firmsPer1000: r.float(8, 20),
    agentCentres: r.int(1, 3),
    agentFirms: [6, r.int(9, 15)],
    bookkeepers: r.int(1, 2),
    bidAgency: r.chance(0.5),
    idStyle: r.choose({ sequential: 1, regional: 1, opaque: 1 }),
    jsonl: r.sample(JSONL_CANDIDATES, jsonlCount),
    bom: r.chance(0.3),
    crlf: r.chance(0.3),
    transferRate: r.float(0.6, 1.4),
    oneShoulder: r.chance(0.6),
    hiding: r.float(0.1, 0.9),
    tipRate: r.float(0.3, 0.7),
  };
}

/** One line that tells counties apart at a glance. */
export function profileLine(seed: string, s: Style, counts: Record<string, number>): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const k = (x: number) => `${Math.round(x / 1000)}k`;
  return [
    `seed=${seed} ${s.county}`,
    `townships=${s.townships} villages=${counts.villages} persons=${counts.persons} firms=${counts.companies}`,
    `clan=${pct(s.clanShare)} kin=${s.kinBothWays ? "both-ways" : "one-way"}/${pct(s.kinRecordFar)}far`,
    `poor=${pct(s.poorRate)} dibao=${pct(s.dibaoRate)}×${s.dibaoInstallments}/yr approve=${s.meansApprover}/${s.universalApprover}`,
    `threshold=${k(s.threshold)} bids≈${s.bidMean.toFixed(1)} spread=${pct(s.bidSpread)}`,
    `agents=${s.agentCentres} bookkeepers=${s.bookkeepers}${s.bidAgency ? " bid-agency" : ""}`,
    `ids=${s.idStyle} noise=${pct(s.noise)} jsonl=[${s.jsonl.join(",")}] hiding=${pct(s.hiding)}`,
    `schemes=${counts.schemes} culprits=${counts.culprits} lookalikes=${counts.lookalikes}`,
  ].join(" ");
}
