// The county as this generator holds it in memory before writing: people with their families,
// households, posts, firms, money, and the ground truth (culprits, victims, look-alikes).
import type { Day } from "./dates.ts";
import type { Trade } from "./names.ts";

export type Level = "county" | "township" | "village";

export interface Region {
  id: string;
  name: string;
  level: Level;
  parent?: Region;
  /** Villages: the clan surname most households share, if the village is a clan village. */
  clan?: string;
  /** Villages: the township seat (market town) or a remote hill village. */
  remote?: boolean;
  /** Villages: mu of forest per household on average (0 in the plain). */
  forest?: number;
  /** Group (组) count, for addresses. */
  groups?: number;
  /** What this village's clerks write before the village name in addresses (often nothing). */
  prefix?: string;
}

export interface Person {
  id: string;
  name: string;
  male: boolean;
  born: Day;
  died?: Day;
  idNumber: string;
  village: Region;
  household?: Household;
  phone?: string;
  address?: string;
  /** Accounts this person owns; the first is the one the registry lists. */
  accounts: string[];
  /** The social-security card (一卡通) that subsidies are paid into, when it is not accounts[0]. */
  subsidyCard?: string;
  publicEmployee: boolean;
  employer?: string;
  migrant: boolean;
  father?: Person;
  mother?: Person;
  spouse?: Person;
  /** Wedding day, for the couple's gifts and household moves. */
  married?: Day;
  children: Person[];
  /** Extra attributes some exports carry. */
  ethnicity?: string;
  education?: string;
  /** Poor, disabled, elderly alone: eligible for means-tested aid. */
  needy: boolean;
  /** Farmland in mu held by this person's household (heads only). */
  land?: number;
  /** Excluded from the export (married out of the county). */
  gone?: boolean;
}

export interface Household {
  id: string;
  village: Region;
  address: string;
  group: number;
  head?: Person;
  members: Person[];
  splitFrom?: Household;
  created?: Day;
  /** Mu of forest under the ecological compensation scheme. */
  forest: number;
}

export interface Move {
  person: Person;
  household: Household;
  date: Day;
  from?: Household;
}

export type PostRole = "party_secretary" | "committee_director" | "committee_member" | "accountant" | "township_official" | "program_officer" | "other";

export interface Post {
  person: Person;
  region: Region;
  role: PostRole;
  title: string;
  start: Day;
  end?: Day;
}

export type Relation = "spouse" | "parent" | "child" | "sibling" | "grandparent" | "grandchild" | "uncle_aunt" | "nephew_niece" | "cousin" | "in_law" | "other";

export interface KinRow {
  person: Person;
  relative: Person;
  relation: Relation;
  declared?: boolean;
}

export type CompanyStatus = "active" | "revoked" | "deregistered";
export type CompanyRole = "legal_rep" | "shareholder" | "director" | "supervisor" | "manager" | "employee" | "agent";

export interface Company {
  id: string;
  name: string;
  region?: Region;
  registered: Day;
  status: CompanyStatus;
  address?: string;
  phone?: string;
  account?: string;
  trade: Trade;
  /** Honest size class: big firms win most township work at the lowest price. */
  size: "big" | "medium" | "small" | "micro";
  /** Projects it may bid for (construction-like trades). */
  builds: boolean;
  /** Revoked/deregistered on this day, if so. */
  closed?: Day;
  scope?: string;
}

export interface RoleRow {
  person: Person;
  company: Company;
  role: CompanyRole;
  share?: number;
  start?: Day;
  end?: Day;
}

export interface Account {
  id: string;
  owner: Person | Company;
  bank: string;
  opened?: Day;
}

export type Field = "housing" | "education" | "medical" | "dibao" | "infrastructure" | "agriculture" | "water" | "poverty_alleviation" | "other";
export type Method = "open_tender" | "invited_tender" | "competitive_negotiation" | "single_source" | "direct_award";

export interface Project {
  id: string;
  name: string;
  region: Region;
  field: Field;
  budget: number;
  method: Method;
  announce?: Day;
  deadline?: Day;
  award?: Day;
  approver?: Person;
  winner?: Company;
  awardAmount?: number;
  fundingSource?: string;
  contractNo?: string;
}

export interface Bid {
  project: Project;
  company: Company;
  amount: number;
  submitted?: Day;
  depositAccount?: string;
  preparer?: string;
  disqualified?: boolean;
}

export interface Program {
  id: string;
  name: string;
  field: Field;
  meansTested: boolean;
  key: ProgramKey;
}

export type ProgramKey = "farmland" | "machinery" | "elderly" | "forest" | "dibao" | "tekun" | "housing" | "relief" | "industry" | "education" | "disability";

export interface Grant {
  id: string;
  program: Program;
  beneficiary: Person;
  region: Region;
  year: number;
  approved?: number;
  paid: number;
  paidOn: Day;
  approver?: Person;
  account?: string;
  batch?: string;
  remark?: string;
}

export interface Transfer {
  id: string;
  from: string;
  to: string;
  amount: number;
  date: Day;
  memo?: string;
  channel?: string;
}

export type AssetKind = "vehicle" | "real_estate" | "business_license";

export interface Asset {
  owner: Person | Company;
  kind: AssetKind;
  value?: number;
  registered?: Day;
  description?: string;
}

export type TipChannel = "letter" | "phone" | "web" | "visit";

export interface Tip {
  id: string;
  received: Day;
  channel?: TipChannel;
  subjects: (Person | Company)[];
  summary?: string;
}

export type Outcome = "none" | "warning" | "serious_warning" | "demerit" | "major_demerit" | "removal" | "expulsion" | "criminal_transfer";

export interface Case {
  id: string;
  opened: Day;
  closed?: Day;
  subjects: (Person | Company)[];
  typology?: string;
  field?: Field;
  amount?: number;
  outcome?: Outcome;
}

export type Typology =
  | "KIN_BENEFIT"
  | "KIN_CONTRACT"
  | "HIDDEN_TIE"
  | "DECEASED_PAYEE"
  | "DIVERTED_PAYMENT"
  | "SKIMMING"
  | "INELIGIBLE"
  | "DUPLICATE_BENEFIT"
  | "SINGLE_BID"
  | "SPLIT_PURCHASE"
  | "BID_RIGGING"
  | "KICKBACK"
  | "DOMINANT_WINNER"
  | "SHELL_WINNER";

export interface Label {
  scheme: string;
  typology: Typology;
  entity: Person | Company;
  role: string;
}

export interface PartyRow {
  scheme: string;
  entity: Person | Company;
  part: string;
}

export interface LookalikeRow {
  id: string;
  kind: string;
  entity: Person | Company;
}

export function isPerson(e: Person | Company): e is Person {
  return (e as Person).born !== undefined;
}
