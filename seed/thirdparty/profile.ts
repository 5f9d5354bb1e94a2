// The county's style, drawn from the seed: its size and clans, how its IT department writes ids and
// files, its local rules (aid standards, approval caps, tender limits), and which schemes it hides.
import { BUNDLE_FILES, type BundleFile } from "../contract.ts";
import type { Typology } from "./model.ts";
import { Rng } from "./rng.ts";

/** The import contract's files, in its order. */
export const FILES = Object.keys(BUNDLE_FILES) as BundleFile[];
export type FileName = BundleFile;

export const TYPOLOGIES: readonly Typology[] = [
  "KIN_BENEFIT", "KIN_CONTRACT", "HIDDEN_TIE", "DECEASED_PAYEE", "DIVERTED_PAYMENT", "SKIMMING", "INELIGIBLE",
  "DUPLICATE_BENEFIT", "SINGLE_BID", "SPLIT_PURCHASE", "BID_RIGGING", "KICKBACK", "DOMINANT_WINNER", "SHELL_WINNER",
];

export interface Profile {
  seed: number;
  persons: number;
  countyCode: string;
  townships: number;
  /** Share of villages where one surname holds most households. */
  clanVillages: number;
  /** In a clan village, the share of households of the clan surname. */
  clanDensity: number;
  ids: {
    person: "idno" | "rk" | "hukou";
    region: "code" | "code12";
    household: "hh15" | "HH";
    company: "uscc" | "mixed";
    grant: "G" | "BT" | "prog";
    project: "uuid" | "zb";
    transfer: "txn" | "uuid";
  };
  formats: Record<FileName, "csv" | "jsonl">;
  bom: boolean;
  crlf: boolean;
  quoteAll: boolean;
  /** JSON Lines amounts as numbers or as strings with cents. */
  jsonAmounts: "number" | "string";
  /** Columns in the contract's order, or in the export system's own. */
  shuffleColumns: boolean;
  /** Kinship export: registry links only, both directions, or with extended relations written out. */
  kin: "registry" | "both" | "extended";
  /** Share of a cadre's close relatives filed as declared. */
  declaredShare: number;
  posts: "per_term" | "merged";
  /** Village committee elections: month of 2018 and of 2021. */
  election2018: number;
  election2021: number;
  /** Share of villages where one person holds secretary and director after 2021 (一肩挑). */
  oneShoulder: number;
  /** Dibao payments per year written as grants (1, 2 or 4). */
  dibaoPeriods: 1 | 2 | 4;
  /** Dibao monthly standard per person. */
  dibaoMonthly: number;
  /** Farmland protection subsidy per mu. */
  farmlandRate: number;
  /** Housing renovation grant by grade. */
  housingGrades: number[];
  /** Temporary relief a village may approve without the township. */
  reliefCap: number;
  /** Largest project a village may award directly. */
  directLimit: number;
  /** From here, an open tender is required. */
  tenderLimit: number;
  /** Who signs means-tested grants. */
  approver: "village" | "township" | "mixed";
  /** Whether universal entitlements carry an approver. */
  universalApprover: boolean;
  agents: number;
  bigFirms: number;
  /** Typical spread of honest bids around their mean. */
  bidSpread: number;
  preparerFilled: number;
  depositFilled: number;
  migrantShare: number;
  noise: { phoneMissing: number; fullWidth: number; nameSpace: number; idNumberMissing: number; addressPrefix: number };
  /** Typologies planted in this county (11 to 14). */
  typologies: Typology[];
  /** Culprits to plant, about 0.7% of persons and companies. */
  culpritShare: number;
  lookalikes: number;
}

const COUNTY_CODES = ["431223", "522727", "360732", "511922", "421127", "452627", "530627", "610826", "341523", "411526", "622426", "141029"];

export function drawProfile(seed: number, persons: number): Profile {
  const rng = new Rng(`thirdparty-profile-${seed}`);
  const formats = {} as Record<FileName, "csv" | "jsonl">;
  const jsonlShare = rng.float(0.2, 0.6);
  for (const f of FILES) formats[f] = rng.chance(jsonlShare) ? "jsonl" : "csv";
  // The people register and the grant ledger come from different systems; keep at least one of each form.
  if (Object.values(formats).every((v) => v === "csv")) formats.grants = "jsonl";
  if (Object.values(formats).every((v) => v === "jsonl")) formats.persons = "csv";
  const directLimit = rng.pick([30_000, 50_000, 50_000, 100_000, 200_000]);
  const tenderLimit = rng.pick([400_000, 1_000_000, 2_000_000].filter((t) => t >= directLimit * 4));
  const n = rng.int(11, 14);
  const typologies = rng.sample(TYPOLOGIES, n);
  return {
    seed,
    persons,
    countyCode: rng.pick(COUNTY_CODES),
    townships: Math.max(3, Math.round((persons / 15_000) * rng.int(7, 11))),
    clanVillages: rng.float(0.4, 0.9),
    clanDensity: rng.float(0.55, 0.9),
    ids: {
      person: rng.weighted([["idno", 0.45], ["rk", 0.3], ["hukou", 0.25]] as const),
      region: rng.pick(["code", "code12"] as const),
      household: rng.pick(["hh15", "HH"] as const),
      company: rng.pick(["uscc", "mixed"] as const),
      grant: rng.weighted([["G", 0.5], ["BT", 0.25], ["prog", 0.25]] as const),
      project: rng.weighted([["uuid", 0.7], ["zb", 0.3]] as const),
      transfer: rng.pick(["txn", "uuid"] as const),
    },
    formats,
    bom: rng.chance(0.7),
    crlf: rng.chance(0.5),
    quoteAll: rng.chance(0.35),
    jsonAmounts: rng.pick(["number", "string"] as const),
    shuffleColumns: rng.chance(0.5),
    kin: rng.pick(["registry", "both", "extended"] as const),
    declaredShare: rng.float(0.2, 0.8),
    posts: rng.pick(["per_term", "merged"] as const),
    election2018: rng.int(3, 11),
    election2021: rng.int(1, 6),
    oneShoulder: rng.float(0.3, 0.9),
    dibaoPeriods: rng.pick([1, 2, 4] as const),
    dibaoMonthly: rng.pick([280, 320, 360, 410, 450]),
    farmlandRate: Math.round(rng.float(85, 135) * 100) / 100,
    housingGrades: rng.pick([
      [8_000, 15_000, 20_000],
      [10_000, 20_000, 30_000],
      [12_000, 18_000, 25_000, 35_000],
    ]),
    reliefCap: rng.pick([1_000, 2_000, 3_000, 5_000]),
    directLimit,
    tenderLimit,
    approver: rng.pick(["village", "township", "mixed"] as const),
    universalApprover: rng.chance(0.4),
    agents: rng.int(2, 5),
    bigFirms: rng.int(2, 5),
    bidSpread: rng.float(0.02, 0.07),
    preparerFilled: rng.pick([0, 0.3, 0.8]),
    depositFilled: rng.pick([0.2, 0.6, 0.95]),
    migrantShare: rng.float(0.12, 0.3),
    noise: {
      phoneMissing: rng.float(0.1, 0.4),
      fullWidth: rng.float(0, 0.05),
      nameSpace: rng.float(0, 0.03),
      idNumberMissing: rng.float(0, 0.25),
      addressPrefix: rng.float(0, 0.6),
    },
    typologies,
    culpritShare: rng.float(0.0062, 0.0078),
    lookalikes: rng.int(25, 30),
  };
}

/** One line describing the county style. */
export function profileLine(p: Profile, counts: { persons: number; companies: number; culprits: number; lookalikes: number }): string {
  const jsonl = Object.entries(p.formats).filter(([, v]) => v === "jsonl").map(([k]) => k);
  return [
    `seed=${p.seed}`,
    `county=${p.countyCode}`,
    `persons=${counts.persons}`,
    `companies=${counts.companies}`,
    `townships=${p.townships}`,
    `clans=${p.clanVillages.toFixed(2)}x${p.clanDensity.toFixed(2)}`,
    `ids=${p.ids.person}/${p.ids.company}/${p.ids.grant}/${p.ids.project}`,
    `jsonl=${jsonl.length}(${jsonl.join(",")})`,
    `csv=${p.bom ? "bom" : "nobom"},${p.crlf ? "crlf" : "lf"}${p.quoteAll ? ",quoted" : ""}`,
    `kin=${p.kin}`,
    `dibao=${p.dibaoPeriods}/yr@${p.dibaoMonthly}`,
    `relief<=${p.reliefCap}`,
    `direct<${p.directLimit}`,
    `tender>=${p.tenderLimit}`,
    `approver=${p.approver}`,
    `agents=${p.agents}`,
    `big=${p.bigFirms}`,
    `typologies=${p.typologies.length}`,
    `culprits=${counts.culprits}`,
    `lookalikes=${counts.lookalikes}`,
  ].join(" ");
}
