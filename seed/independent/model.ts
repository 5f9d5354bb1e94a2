// The county held in memory while it is generated: plain records in arrays, referring to each other by
// array index; ids are drawn at random when a record is created, so their order says nothing about
// when (or why) it was made.
import type { Day } from "./dates.ts";
import type { Rng } from "./rng.ts";
import type { Style } from "./style.ts";

export type Level = "county" | "township" | "village";
export type Gender = "M" | "F";
export type Field = "housing" | "education" | "medical" | "dibao" | "infrastructure" | "agriculture" | "water" | "poverty_alleviation" | "other";
export type Method = "open_tender" | "invited_tender" | "competitive_negotiation" | "single_source" | "direct_award";
export type PostRole = "party_secretary" | "committee_director" | "committee_member" | "accountant" | "township_official" | "program_officer" | "other";
export type CompanyRole = "legal_rep" | "shareholder" | "director" | "supervisor" | "manager" | "employee" | "agent";

export interface Region {
  k: number;
  id: string;
  name: string;
  level: Level;
  parent?: number;
  /** The township a village belongs to (itself for a township). */
  township: number;
  code: string;
  /** County seat town or one of its communities (urban, no farmland). */
  urban: boolean;
  clan: boolean;
  surnames: string[];
  /** 0 near the seat … 1 far up the valley: fewer bidders, fewer firms. */
  remote: number;
  size: number;
  /** Landline of the village committee. */
  officePhone?: string;
}

export interface Person {
  k: number;
  id: string;
  surname: string;
  given: string;
  written: string;
  gender: Gender;
  birth: Day;
  death?: Day;
  father?: number;
  mother?: number;
  spouse?: number;
  marriage?: Day;
  children: number[];
  /** Village of the family line. */
  home: number;
  /** Households over time: [from day, household]; the first entry may predate the window. */
  households: [Day, number][];
  /** Present in the county's registers in the window (alive on 2016-01-01 or born since, not moved away). */
  inData: boolean;
  phone?: string;
  address?: string;
  account?: number;
  idNumber?: string;
  publicEmployee: boolean;
  employer?: string;
  migrant: boolean;
  /** Created by a scheme: an identity with no life behind it. */
  fictitious: boolean;
  /** Left the household column empty on purpose. */
  noHousehold: boolean;
  generationChar?: string;
}

export interface Household {
  k: number;
  id: string;
  region: number;
  address: string;
  head?: number;
  splitFrom?: number;
  created?: Day;
  poor: boolean;
  farming: boolean;
  mu: number;
  /** Heads over time: [from day, person]. */
  heads: [Day, number][];
  /** Everyone who lived in it at some time in the window. */
  members: number[];
}

export interface Move {
  person: number;
  household: number;
  date: Day;
  from?: number;
}

export interface Post {
  person: number;
  region: number;
  role: PostRole;
  title?: string;
  start: Day;
  end?: Day;
}

export interface Company {
  k: number;
  id: string;
  name: string;
  region?: number;
  registered?: Day;
  status: "active" | "revoked" | "deregistered";
  /** Last day it traded (bids only before it). */
  closed?: Day;
  address?: string;
  phone?: string;
  account?: number;
  trade: string;
  fields: Field[];
  /** Mean discount off the budget in its honest bids. */
  efficiency: number;
  /** Propensity to bid. */
  activity: number;
  coop: boolean;
  /** Set for firms made by a scheme: honest tenders never invite them. */
  scheme: boolean;
}

export interface Role {
  person: number;
  company: number;
  role: CompanyRole;
  share?: number;
  start?: Day;
  end?: Day;
}

export interface Owner {
  type: "person" | "company";
  k: number;
}

export interface Account {
  k: number;
  number: string;
  owner: Owner;
  bank: string;
  opened?: Day;
  /** Not listed in accounts.csv (only mentioned elsewhere). */
  unlisted: boolean;
}

export interface Project {
  k: number;
  id: string;
  name: string;
  region: number;
  field: Field;
  budget: number;
  method: Method;
  announce?: Day;
  deadline?: Day;
  award?: Day;
  approvedBy?: number;
  awardedTo?: number;
  awardAmount?: number;
}

export interface Bid {
  project: number;
  company: number;
  amount: number;
  submitted?: Day;
  deposit?: number;
  preparer?: string;
  disqualified?: boolean;
}

export interface Program {
  k: number;
  id: string;
  key: string;
  name: string;
  field: Field;
  meansTested: boolean;
}

export interface Grant {
  k: number;
  id: string;
  program: number;
  beneficiary: number;
  region: number;
  year: number;
  approved?: number;
  paid: number;
  paidDate: Day;
  approvedBy?: number;
  account?: number;
}

export interface Transfer {
  id: string;
  from: number;
  to: number;
  amount: number;
  date: Day;
}

export interface Asset {
  owner: Owner;
  kind: "vehicle" | "real_estate" | "business_license";
  value?: number;
  registered?: Day;
  description?: string;
}

export interface Tip {
  id: string;
  received: Day;
  channel?: "letter" | "phone" | "web" | "visit";
  subjects: string[];
  summary?: string;
}

export interface Case {
  id: string;
  opened: Day;
  closed?: Day;
  subjects: string[];
  typology?: string;
  field?: Field;
  amount?: number;
  outcome?: string;
}

export interface KinOverride {
  record?: boolean;
  declared?: boolean;
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
  | "SHELL_WINNER"
  | "COLLUSION_RING";

export interface Scheme {
  id: string;
  typology: Typology;
  variant: string;
  culprits: { entity: string; role: string }[];
  parties: { entity: string; part: string }[];
  /** Words villagers might use in a tip. */
  story: string;
  when: Day;
}

export interface Lookalike {
  id: string;
  kind: string;
  entities: string[];
}

const HEX = "0123456789abcdef";

/** Random, unique, style-dependent ids. */
export class Ids {
  private readonly used = new Set<string>();
  constructor(
    private readonly style: Style,
    private readonly rng: Rng,
  ) {}

  /** Registers an id chosen elsewhere (account numbers); false when it is taken. */
  claim(id: string): boolean {
    if (this.used.has(id)) return false;
    this.used.add(id);
    return true;
  }

  private draw(make: () => string): string {
    for (;;) {
      const id = make();
      if (this.claim(id)) return id;
    }
  }

  private hex(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += HEX[this.rng.int(0, 15)];
    return s;
  }

  /** `kind` is a short tag (p, h, c, …); `scope` a region code used by the regional style. */
  next(kind: string, scope = ""): string {
    const r = this.rng;
    switch (this.style.idStyle) {
      case "sequential": {
        const width: Record<string, number> = { p: 6, h: 5, c: 5, x: 5, g: 7, t: 8, tip: 4, case: 4, prg: 2 };
        const prefix: Record<string, string> = { p: "P", h: "H", c: "C", x: "XM", g: "G", t: "T", tip: "TIP", case: "CASE", prg: "PRG" };
        const w = width[kind] ?? 6;
        return this.draw(() => `${prefix[kind] ?? kind.toUpperCase()}${String(r.int(1, 10 ** w - 1)).padStart(w, "0")}`);
      }
      case "regional": {
        if (kind === "c") return this.draw(() => `91${this.style.areaCode}MA${r.digits(1)}${"ABCDEFGHJKLMNPQRTUWXY"[r.int(0, 20)]}${r.digits(5)}${"0123456789ABCDEFGHJKLMNPQRTUWXY"[r.int(0, 30)]}`);
        if (kind === "p") return this.draw(() => `${scope || this.style.areaCode}P${r.digits(4)}`);
        if (kind === "h") return this.draw(() => `${scope || this.style.areaCode}H${r.digits(3)}`);
        if (kind === "x") return this.draw(() => `${this.style.areaCode}-XM-${r.digits(5)}`);
        if (kind === "g") return this.draw(() => `${this.style.areaCode}-BT-${r.digits(7)}`);
        if (kind === "t") return this.draw(() => `LS${r.digits(10)}`);
        if (kind === "prg") return this.draw(() => `${this.style.areaCode}-XM${r.digits(3)}`);
        return this.draw(() => `${kind.toUpperCase()}-${r.digits(5)}`);
      }
      default:
        return this.draw(() => `${kind}_${this.hex(kind === "t" || kind === "g" ? 12 : 10)}`);
    }
  }
}

export interface World {
  style: Style;
  rng: Rng;
  ids: Ids;
  regions: Region[];
  persons: Person[];
  households: Household[];
  moves: Move[];
  posts: Post[];
  companies: Company[];
  roles: Role[];
  accounts: Account[];
  projects: Project[];
  bids: Bid[];
  programs: Program[];
  grants: Grant[];
  transfers: Transfer[];
  assets: Asset[];
  tips: Tip[];
  cases: Case[];
  /** Kinship decisions forced by schemes and look-alikes, keyed by `pairKey`. */
  kinOverrides: Map<string, KinOverride>;
  /** Extra kin ties that are not in the family tree (e.g. sworn brothers written down as `other`). */
  extraKin: { a: number; b: number; relation: string; declared?: boolean }[];
  schemes: Scheme[];
  lookalikes: Lookalike[];
  /** Entities that organised or knowingly profited from a scheme (ids). */
  culpritIds: Set<string>;
  /** Entities used by a look-alike (ids): schemes avoid them. */
  reserved: Set<string>;
  /** Persons whose bank_account must be written (a scheme depends on it). */
  showAccount: Set<number>;
}

export function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
