// The graph each bundle file makes, as rows of the offline importer's node and relationship files.
// It mirrors cypher/ingest/<file>.cypher (the online loader) node for node, property for property;
// tests/integration/import-bulk.test.ts loads bundles both ways and compares the two graphs.
import type { FileName } from "../schemas/index.ts";
import type { Cell } from "./csv-file.ts";

/** A node file: its labels and property columns (`name` or `name:type`, the importer's header). */
export interface NodeTable {
  name: string;
  labels: string;
  columns: readonly string[];
}

/**
 * How a relationship file keeps the online loader's MERGE semantics: `unique` rows cannot repeat by
 * construction (one per row of a file with unique ids); `pair` keeps one relationship per start and
 * end (no properties, or only the first row's); `key` keeps one per start, end and the key columns,
 * with the last row's properties (as the loader's `MERGE … SET` leaves them); `file` is the one bundle
 * file that writes the type, read again when a key repeats.
 */
export type Merge = { by: "unique" } | { by: "pair" } | { by: "key"; columns: readonly number[]; file: FileName };

export interface RelTable {
  type: string;
  columns: readonly string[];
  merge: Merge;
}

const node = (name: string, labels: string, columns: readonly string[]): NodeTable => ({ name, labels, columns });
const rel = (type: string, merge: Merge = { by: "unique" }, columns: readonly string[] = []): RelTable => ({ type, columns, merge });
const PAIR: Merge = { by: "pair" };

export const NODES = {
  regions: node("regions", "Entity:Region", ["id", "name", "level"]),
  programs: node("programs", "Entity:Program", ["id", "name", "field", "meansTested:boolean"]),
  persons: node("persons", "Entity:Person", ["id", "name", "gender", "birthDate", "birthYear:long", "deathDate:date", "idNumber", "publicEmployee:boolean", "employer"]),
  households: node("households", "Entity:Household", ["id", "address", "createdDate:date"]),
  companies: node("companies", "Entity:Company", ["id", "name", "registeredDate:date", "status"]),
  accounts: node("accounts", "Entity:Account", ["id", "bank", "openedDate:date"]),
  projects: node("projects", "Entity:Project", [
    "id",
    "name",
    "field",
    "budget:double",
    "method",
    "announceDate:date",
    "deadlineDate:date",
    "awardDate:date",
    "awardAmount:double",
  ]),
  grants: node("grants", "Entity:Grant", ["id", "year:long", "approvedAmount:double", "paidAmount:double", "paidDate:date"]),
  tips: node("tips", "Entity:Tip", ["id", "receivedDate:date", "channel", "summary"]),
  cases: node("cases", "Entity:Case", ["id", "openedDate:date", "closedDate:date", "typology", "field", "amount:double", "outcome"]),
  assets: node("assets", "Entity:Asset", ["id", "kind", "value:double", "registeredDate:date", "description"]),
  /** Account numbers named by persons, companies or grants that accounts.csv does not list. */
  mentionedAccounts: node("mentioned-accounts", "Entity:Account", ["id"]),
  phones: node("phones", "Phone", ["value"]),
  addresses: node("addresses", "Address", ["value"]),
} as const;

export const RELS = {
  PART_OF: rel("PART_OF"),
  LIVES_IN: rel("LIVES_IN"),
  MEMBER_OF: rel("MEMBER_OF"),
  HAS: rel("HAS", PAIR),
  IN: rel("IN"),
  HEAD_OF: rel("HEAD_OF"),
  SPLIT_FROM: rel("SPLIT_FROM"),
  REGISTERED_IN: rel("REGISTERED_IN"),
  APPROVED: rel("APPROVED"),
  AWARDED_TO: rel("AWARDED_TO", { by: "unique" }, ["amount:double", "date:date"]),
  UNDER: rel("UNDER"),
  PAID_TO: rel("PAID_TO"),
  PAID_INTO: rel("PAID_INTO"),
  CONCERNS: rel("CONCERNS", PAIR),
  INVOLVES: rel("INVOLVES", PAIR),
  MOVED_TO: rel("MOVED_TO", { by: "key", columns: [0], file: "household_moves" }, ["date:date", "fromHousehold"]),
  HOLDS_POST: rel("HOLDS_POST", { by: "key", columns: [0, 1], file: "posts" }, ["role", "from:date", "title", "to:date"]),
  KIN: rel("KIN", { by: "key", columns: [0], file: "kinship" }, ["relation", "declared:boolean"]),
  ROLE_IN: rel("ROLE_IN", { by: "key", columns: [0], file: "company_roles" }, ["role", "share:double", "from:date", "to:date"]),
  BID: rel("BID", { by: "key", columns: [], file: "bids" }, ["amount:double", "date:date", "depositAccount", "preparer", "disqualified:boolean"]),
  TRANSFER: rel("TRANSFER", { by: "unique" }, ["id", "amount:double", "date:date"]),
  OWNS: rel("OWNS", PAIR),
} as const;

/** What an emitter may do with a valid row. */
export interface Emitter {
  /** The node number of an entity id (numbered on first use; declared by its own row). */
  entity(id: string): number;
  /** An account number a row names: its Account node, made when accounts.csv does not list it. */
  account(id: string): number;
  phone(value: string): number;
  address(value: string): number;
  /** Writes the node of an entity row; returns its number. */
  node(table: NodeTable, id: string, cells: readonly Cell[]): number;
  rel(table: RelTable, start: number, end: number, cells?: readonly Cell[]): void;
}

type Row = Record<string, unknown>;
const s = (row: Row, column: string) => row[column] as string | undefined;

/** Identifier nodes shared by owners: phone, address, account. */
function identifiers(g: Emitter, owner: number, row: Row, accountColumn: string): void {
  const phone = s(row, "phone");
  const address = s(row, "address");
  const account = s(row, accountColumn);
  if (phone !== undefined) g.rel(RELS.HAS, owner, g.phone(phone));
  if (address !== undefined) g.rel(RELS.HAS, owner, g.address(address));
  if (account !== undefined) g.rel(RELS.HAS, owner, g.account(account));
}

function subjects(g: Emitter, table: RelTable, from: number, row: Row): void {
  for (const id of row.subject_ids as string[]) g.rel(table, from, g.entity(id));
}

/** The emitter of each bundle file: its valid row → nodes and relationships (cypher/ingest/<file>.cypher). */
export const EMIT: Record<FileName, (row: Row, g: Emitter) => void> = {
  regions(r, g) {
    const region = g.node(NODES.regions, s(r, "region_id")!, [r.name, r.level] as Cell[]);
    if (r.parent_id !== undefined) g.rel(RELS.PART_OF, region, g.entity(s(r, "parent_id")!));
  },
  programs(r, g) {
    g.node(NODES.programs, s(r, "program_id")!, [r.name, r.field, r.means_tested] as Cell[]);
  },
  persons(r, g) {
    // The Cadre label of persons holding a post is set after the load (cypher/ingest/bulk-cadres.cypher):
    // posts.csv is read after persons.csv.
    const cells = [r.name, r.gender, r.birth_date, r.birth_year, r.death_date, r.id_number, r.public_employee, r.employer] as Cell[];
    const person = g.node(NODES.persons, s(r, "person_id")!, cells);
    if (r.region_id !== undefined) g.rel(RELS.LIVES_IN, person, g.entity(s(r, "region_id")!));
    if (r.household_id !== undefined) g.rel(RELS.MEMBER_OF, person, g.entity(s(r, "household_id")!));
    identifiers(g, person, { phone: r.phone, address: r.address, account: r.bank_account }, "account");
  },
  households(r, g) {
    const household = g.node(NODES.households, s(r, "household_id")!, [r.address, r.created_date] as Cell[]);
    g.rel(RELS.IN, household, g.entity(s(r, "region_id")!));
    if (r.head_person_id !== undefined) g.rel(RELS.HEAD_OF, g.entity(s(r, "head_person_id")!), household);
    if (r.split_from !== undefined) g.rel(RELS.SPLIT_FROM, household, g.entity(s(r, "split_from")!));
    if (r.address !== undefined) g.rel(RELS.HAS, household, g.address(s(r, "address")!));
  },
  companies(r, g) {
    const company = g.node(NODES.companies, s(r, "company_id")!, [r.name, r.registered_date, r.status] as Cell[]);
    if (r.region_id !== undefined) g.rel(RELS.REGISTERED_IN, company, g.entity(s(r, "region_id")!));
    identifiers(g, company, { phone: r.phone, address: r.address, account: r.bank_account }, "account");
  },
  accounts(r, g) {
    const account = g.node(NODES.accounts, s(r, "account_id")!, [r.bank, r.opened_date] as Cell[]);
    g.rel(RELS.HAS, g.entity(s(r, "owner_id")!), account);
  },
  projects(r, g) {
    const cells = [r.name, r.field, r.budget, r.method, r.announce_date, r.deadline_date, r.award_date, r.award_amount] as Cell[];
    const project = g.node(NODES.projects, s(r, "project_id")!, cells);
    g.rel(RELS.IN, project, g.entity(s(r, "region_id")!));
    if (r.approved_by !== undefined) g.rel(RELS.APPROVED, g.entity(s(r, "approved_by")!), project);
    if (r.awarded_to !== undefined) g.rel(RELS.AWARDED_TO, project, g.entity(s(r, "awarded_to")!), [r.award_amount, r.award_date] as Cell[]);
  },
  grants(r, g) {
    const grant = g.node(NODES.grants, s(r, "grant_id")!, [r.year, r.approved_amount, r.paid_amount, r.paid_date] as Cell[]);
    g.rel(RELS.UNDER, grant, g.entity(s(r, "program_id")!));
    g.rel(RELS.PAID_TO, grant, g.entity(s(r, "beneficiary_id")!));
    g.rel(RELS.IN, grant, g.entity(s(r, "region_id")!));
    if (r.approved_by !== undefined) g.rel(RELS.APPROVED, g.entity(s(r, "approved_by")!), grant);
    if (r.account !== undefined) g.rel(RELS.PAID_INTO, grant, g.account(s(r, "account")!));
  },
  tips(r, g) {
    subjects(g, RELS.CONCERNS, g.node(NODES.tips, s(r, "tip_id")!, [r.received_date, r.channel, r.summary] as Cell[]), r);
  },
  cases(r, g) {
    const cells = [r.opened_date, r.closed_date, r.typology, r.field, r.amount, r.outcome] as Cell[];
    subjects(g, RELS.INVOLVES, g.node(NODES.cases, s(r, "case_id")!, cells), r);
  },
  household_moves(r, g) {
    g.rel(RELS.MOVED_TO, g.entity(s(r, "person_id")!), g.entity(s(r, "household_id")!), [r.date, r.from_household_id] as Cell[]);
  },
  posts(r, g) {
    g.rel(RELS.HOLDS_POST, g.entity(s(r, "person_id")!), g.entity(s(r, "region_id")!), [r.role, r.start_date, r.title, r.end_date] as Cell[]);
  },
  kinship(r, g) {
    g.rel(RELS.KIN, g.entity(s(r, "person_id")!), g.entity(s(r, "relative_id")!), [r.relation, r.declared ?? false] as Cell[]);
  },
  company_roles(r, g) {
    g.rel(RELS.ROLE_IN, g.entity(s(r, "person_id")!), g.entity(s(r, "company_id")!), [r.role, r.share, r.start_date, r.end_date] as Cell[]);
  },
  bids(r, g) {
    const cells = [r.amount, r.submitted_date, r.deposit_account, r.preparer, r.disqualified ?? false] as Cell[];
    g.rel(RELS.BID, g.entity(s(r, "company_id")!), g.entity(s(r, "project_id")!), cells);
  },
  transfers(r, g) {
    g.rel(RELS.TRANSFER, g.entity(s(r, "from_account")!), g.entity(s(r, "to_account")!), [r.transfer_id, r.amount, r.date] as Cell[]);
  },
  assets(r, g) {
    const cells = [r.kind, r.value, r.registered_date, r.description] as Cell[];
    g.rel(RELS.OWNS, g.entity(s(r, "owner_id")!), g.node(NODES.assets, s(r, "asset_id")!, cells));
  },
};
