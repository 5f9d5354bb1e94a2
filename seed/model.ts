// The in-memory records of one township (and the county-wide companies) before they are written out.
import type { Day } from "./dates.ts";
import type { VillagePlan } from "./geography.ts";
import type { CompanyRole, Field, Method, PostRole, Relation, Typology } from "./contract.ts";

export interface Account {
  id: string;
  ownerId: string;
  bank: string;
  opened: Day;
}

export interface Person {
  /** Creation order within the township: the deterministic sort key. */
  idx: number;
  /** Bundle id, assigned only to persons written out. */
  id: string;
  surname: string;
  given: string;
  /** The name as the register writes it, when not surname + given name. */
  nameText: string;
  gender: "M" | "F";
  birth: Day;
  death: Day;
  father: Person | undefined;
  mother: Person | undefined;
  spouse: Person | undefined;
  children: Person[];
  lineage: number;
  village: VillagePlan;
  codeIndex: number;
  marriage: Day | undefined;
  splitDay: Day | undefined;
  /** Married out of the township before 2016: not in the data. */
  marriedOut: boolean;
  inBridePool: boolean;
  emitted: boolean;
  hh: Household | undefined;
  hhSince: Day;
  idNumber: string;
  phone: string;
  phoneText: string;
  addressText: string;
  account: Account | undefined;
  bankAccountText: string;
  publicEmployee: boolean;
  employer: string;
  cadre: boolean;
  officer: boolean;
  assetOwner: boolean;
  /** A cadre or a cadre's relative (extended blood included): kept out of background firms and payments. */
  excluded: boolean;
  /** Cadres of whom this person is a relative on the register (kinship.csv), or undefined. */
  kinOf: Person[] | undefined;
  /** Poor relatives of cadres who get the help they qualify for (decided once per person). */
  helped: boolean | undefined;
  /** Background grants already received: program id → region id. */
  programs: Map<string, string> | undefined;
}

export interface Household {
  idx: number;
  id: string;
  village: VillagePlan;
  address: string;
  addressText: string;
  created: Day;
  splitFrom: Household | undefined;
  founder: Person;
  members: Person[];
  head: Person | undefined;
  /** Registered poor (建档立卡) and, within those, minimum-living-allowance households. */
  poor: boolean;
  dibao: boolean;
  /** Farms its contracted land (paid the farmland subsidy). */
  farms: boolean;
  emitted: boolean;
}

export interface Move {
  person: Person;
  to: Household;
  day: Day;
  from: Household | undefined;
}

/** A person reference that outlives its township (company officers, county officials). */
export interface Ref {
  id: string;
  name: string;
  accountId: string;
  phone: string;
}

export interface Post {
  ref: Ref;
  person: Person | undefined;
  regionId: string;
  role: PostRole;
  title: string;
  start: Day;
  end: Day | undefined;
  /** For officials: the program field they sign for. */
  field?: Field | "projects" | "general";
}

export interface Kin {
  person: Person;
  relation: Relation;
}

export interface Company {
  id: string;
  name: string;
  regionId: string;
  regDay: Day;
  status: "active" | "revoked" | "deregistered";
  endDay: Day | undefined;
  address: string;
  addressText: string;
  phone: string;
  phoneText: string;
  bankAccountText: string;
  accounts: Account[];
  kind: "contractor" | "supplier" | "other" | "coop";
  /** Bids in background tenders. */
  pool: boolean;
  legalRep: Ref | undefined;
  officers: Ref[];
  preparers: Ref[];
  bids: number;
  wins: number;
  /** Last award below the tender limit per region: keeps background clear of split purchases. */
  smallAwards: Map<string, Day>;
  /** A busy honest firm: enters many tenders and wins often, always with the lowest of several independent bids. */
  busy: boolean;
}

export interface RoleRow {
  personId: string;
  companyId: string;
  role: CompanyRole;
  share: number | undefined;
  start: Day | undefined;
  end: Day | undefined;
}

export interface Bid {
  company: Company;
  amount: number;
  submitted: Day;
  deposit: string;
  preparer: string | undefined;
  disqualified: boolean;
}

export interface Project {
  id: string;
  name: string;
  regionId: string;
  field: Field;
  budget: number;
  method: Method;
  announce: Day | undefined;
  deadline: Day | undefined;
  award: Day;
  approvedBy: string | undefined;
  winner: Company;
  awardAmount: number;
  bids: Bid[];
  year: number;
}

export interface Grant {
  id: string;
  programId: string;
  beneficiaryId: string;
  regionId: string;
  year: number;
  approved: number | undefined;
  paid: number;
  paidDay: Day;
  approvedBy: string | undefined;
  account: string;
}

export interface Transfer {
  id: string;
  from: string;
  to: string;
  amount: number;
  day: Day;
}

export interface Asset {
  ownerId: string;
  kind: "vehicle" | "real_estate" | "business_license";
  value: number | undefined;
  registered: Day | undefined;
  description: string;
}

export interface Tip {
  id: string;
  received: Day;
  channel: "letter" | "phone" | "web" | "visit";
  subjects: string[];
  summary: string;
}

export interface CaseRow {
  id: string;
  opened: Day;
  closed: Day | undefined;
  subjects: string[];
  typology: string;
  field: Field | undefined;
  amount: number | undefined;
  outcome: "none" | "warning" | "serious_warning" | "demerit" | "major_demerit" | "removal" | "expulsion" | "criminal_transfer";
}

export interface LabelRow {
  schemeId: string;
  typology: Typology;
  entityId: string;
  role: string;
}

/**
 * Someone a scheme involved who neither organised it nor knowingly profited: a victim (the dead payee,
 * the beneficiary whose money was diverted, skimmed or extorted, the villager whose identity was
 * borrowed) or an unwitting party (the colleague who signed, an honest competitor, an employer).
 */
export type Part = "dead_payee" | "diverted_from" | "skimmed" | "extorted" | "identity_used" | "straw_beneficiary" | "signatory" | "competitor" | "employer";

/** Parts that make someone a victim of the scheme (never a culprit of it). */
export const VICTIM_PARTS: readonly Part[] = ["dead_payee", "diverted_from", "skimmed", "extorted", "identity_used"];

export interface PartyRow {
  schemeId: string;
  entityId: string;
  part: Part;
}

export interface LookalikeRow {
  lookalikeId: string;
  kind: string;
  entityId: string;
}

export function fullName(p: { surname: string; given: string }): string {
  return p.surname + p.given;
}
