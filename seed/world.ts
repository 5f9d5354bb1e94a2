// Generation state: the run (id counters and unique-number allocators), a county (its companies and
// county officials) and the township being generated, with the helpers every module uses to add records.
import { Rng } from "./rng.ts";
import { W0, W1, type Day } from "./dates.ts";
import { IdNumberAllocator } from "./idnumber.ts";
import { PhoneAllocator } from "./contacts.ts";
import { AccountAllocator } from "./accounts.ts";
import type { CountyPlan, TownshipPlan, VillagePlan } from "./geography.ts";
import type { ScaleSpec } from "./scale.ts";
import type { PostRole, Typology } from "./contract.ts";
import { relativesOf } from "./kinship.ts";
import type {
  Account, Asset, CaseRow, Company, Grant, Household, Kin, LabelRow, LookalikeRow, Move, Part, PartyRow, Person, Post, Project,
  Ref, RoleRow, Tip, Transfer,
} from "./model.ts";
import type { CountyStyle } from "./style.ts";
import { fullName, VICTIM_PARTS } from "./model.ts";

export class Ids {
  private readonly counters = new Map<string, number>();

  next(prefix: string, width: number): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return prefix + String(n).padStart(width, "0");
  }
}

export class RunState {
  readonly ids = new Ids();
  readonly idNumbers = new IdNumberAllocator();
  readonly phones = new PhoneAllocator();
  readonly accounts = new AccountAllocator();

  constructor(readonly seed: number, readonly spec: ScaleSpec) {}
}

export interface Agent {
  kind: "agent_address" | "accountant_phone";
  value: string;
  firms: Company[];
  /** The bookkeeper registered as the firms' agent. */
  keeper: Person | undefined;
  /** Projects two or more of the firms bid on. */
  projects: string[];
}

export class CountyState {
  readonly rng: Rng;
  /** Companies registered in the county (written when the county is done). */
  readonly companies: Company[] = [];
  /** Contractors that bid in background tenders. */
  readonly pool: Company[] = [];
  readonly suppliers: Company[] = [];
  /** County program officers (民政局, 住建局 …): approvers of grants everywhere in the county. */
  readonly officials: Post[] = [];
  readonly roles: RoleRow[] = [];
  readonly assets: Asset[] = [];
  /** Identifiers many unrelated firms share: agents' addresses and bookkeepers' phones. */
  readonly agents: Agent[] = [];
  /** Entities labelled in any township (culprits and scheme records), and victims of any scheme. */
  readonly labelled = new Set<string>();
  readonly victims = new Set<string>();
  /** Look-alikes found once the whole county exists (shared identifiers, busy firms). */
  readonly lookalikes: LookalikeRow[] = [];
  /** Look-alike instances listed so far, by kind. */
  readonly lookalikeCounts = new Map<string, number>();
  /** Persons written so far (for the profile line). */
  persons = 0;

  constructor(readonly run: RunState, readonly plan: CountyPlan, readonly style: CountyStyle) {
    this.rng = new Rng(run.seed, "county", plan.index);
  }

  officialFor(field: string, d: Day, rng: Rng): Post | undefined {
    const list = this.officials.filter((p) => p.field === field && p.start <= d && (p.end === undefined || p.end >= d));
    return list.length > 0 ? rng.pick(list) : undefined;
  }
}

export class TownshipState {
  readonly rng: Rng;
  readonly run: RunState;
  readonly persons: Person[] = [];
  emitted: Person[] = [];
  readonly households: Household[] = [];
  readonly moves: Move[] = [];
  readonly posts: Post[] = [];
  readonly roles: RoleRow[] = [];
  readonly companies: Company[] = [];
  readonly accounts: Account[] = [];
  readonly projects: Project[] = [];
  readonly grants: Grant[] = [];
  readonly transfers: Transfer[] = [];
  readonly assets: Asset[] = [];
  readonly tips: Tip[] = [];
  readonly cases: CaseRow[] = [];
  readonly labels: LabelRow[] = [];
  readonly lookalikes: LookalikeRow[] = [];
  readonly parties: PartyRow[] = [];
  /** Kin pairs whose `declared` flag is forced (schemes conceal, look-alikes declare). */
  readonly declared = new Map<string, boolean>();
  /** Entity ids taken by a scheme or look-alike, so instances stay apart. */
  readonly used = new Set<string>();
  /** Emitted persons by the village of their final household. */
  readonly residents = new Map<string, Person[]>();
  readonly byId = new Map<string, Person>();
  private readonly relCache = new Map<Person, Kin[]>();
  private readonly grantIndex = new Map<string, Grant>();
  private readonly schemeGrants = new Set<Grant>();
  private readonly postsByRegion = new Map<string, Post[]>();

  constructor(readonly county: CountyState, readonly plan: TownshipPlan) {
    this.run = county.run;
    this.rng = new Rng(county.run.seed, "township", county.plan.index, plan.index);
  }

  get villages(): VillagePlan[] {
    return this.plan.villages;
  }

  get style(): CountyStyle {
    return this.county.style;
  }

  relatives(p: Person): Kin[] {
    let r = this.relCache.get(p);
    if (r === undefined) this.relCache.set(p, (r = relativesOf(p)));
    return r;
  }

  addPost(post: Post): void {
    this.posts.push(post);
    let list = this.postsByRegion.get(post.regionId);
    if (list === undefined) this.postsByRegion.set(post.regionId, (list = []));
    list.push(post);
    if (post.person !== undefined) post.person.cadre = true;
  }

  postsIn(regionId: string): Post[] {
    return this.postsByRegion.get(regionId) ?? [];
  }

  inPost(regionId: string, d: Day, roles?: readonly PostRole[]): Post[] {
    return this.postsIn(regionId).filter((p) => p.start <= d && (p.end === undefined || p.end >= d) && (roles === undefined || roles.includes(p.role)));
  }

  /** The village head who signs for the village on day d (secretary or director). */
  villageHead(regionId: string, d: Day, rng: Rng): Post | undefined {
    const heads = this.inPost(regionId, d, ["party_secretary", "committee_director"]);
    return heads.length > 0 ? rng.pick(heads) : undefined;
  }

  townshipOfficial(d: Day, rng: Rng, fields?: readonly string[]): Post | undefined {
    const list = this.inPost(this.plan.id, d, ["township_official"]).filter((p) => fields === undefined || fields.includes(p.field ?? ""));
    return list.length > 0 ? rng.pick(list) : undefined;
  }

  residentsOf(v: VillagePlan): Person[] {
    return this.residents.get(v.id) ?? [];
  }

  /**
   * Adds a grant. A scheme grant replaces a background grant of the same person, program and year
   * (so planting never creates an accidental double payment) unless `duplicate` asks for one.
   */
  grant(g: Omit<Grant, "id">, scheme = false, duplicate = false): Grant {
    const key = `${g.beneficiaryId}|${g.programId}|${g.year}`;
    const existing = this.grantIndex.get(key);
    if (scheme && !duplicate && existing !== undefined && !this.schemeGrants.has(existing)) {
      const i = this.grants.lastIndexOf(existing);
      if (i >= 0) this.grants.splice(i, 1);
    }
    const full: Grant = { id: this.run.ids.next("G", 7), ...g };
    this.grants.push(full);
    this.grantIndex.set(key, full);
    if (scheme) this.schemeGrants.add(full);
    return full;
  }

  /** Grants of a person (background and planted) so far. */
  hasGrant(personId: string, programId: string, year: number): boolean {
    return this.grantIndex.has(`${personId}|${programId}|${year}`);
  }

  transfer(from: string, to: string, amount: number, d: Day): Transfer {
    const t: Transfer = { id: this.run.ids.next("T", 8), from, to, amount, day: d };
    this.transfers.push(t);
    return t;
  }

  newScheme(): string {
    return this.run.ids.next("S", 5);
  }

  label(schemeId: string, typology: Typology, entityId: string, role: string): void {
    if (entityId === "") throw new Error(`empty entity id in scheme ${schemeId}`);
    this.labels.push({ schemeId, typology, entityId, role });
    this.use(entityId);
    if (!this.county.labelled.has(entityId)) {
      this.county.labelled.add(entityId);
      this.journal?.labelled.push(entityId);
    }
  }

  private journal: { labels: number; parties: number; lookalikes: number; used: string[]; labelled: string[]; victims: string[] } | undefined;

  private use(entityId: string): void {
    if (this.used.has(entityId)) return;
    this.used.add(entityId);
    this.journal?.used.push(entityId);
  }

  /**
   * Runs a planting attempt; when it fails, or would make a victim of one scheme a culprit of
   * another, the labels, parties and look-alikes it wrote are taken back.
   */
  attempt(plant: () => boolean): boolean {
    const journal = {
      labels: this.labels.length, parties: this.parties.length, lookalikes: this.lookalikes.length,
      used: [] as string[], labelled: [] as string[], victims: [] as string[],
    };
    const outer = this.journal;
    this.journal = journal;
    try {
      const ok = plant() && this.labels.slice(journal.labels).every((l) => !this.county.victims.has(l.entityId))
        && this.parties.slice(journal.parties).every((p) => !VICTIM_PARTS.includes(p.part) || !this.county.labelled.has(p.entityId));
      if (!ok) {
        this.labels.length = journal.labels;
        this.parties.length = journal.parties;
        this.lookalikes.length = journal.lookalikes;
        for (const id of journal.used) this.used.delete(id);
        for (const id of journal.labelled) this.county.labelled.delete(id);
        for (const id of journal.victims) this.county.victims.delete(id);
      } else if (outer !== undefined) {
        outer.used.push(...journal.used);
        outer.labelled.push(...journal.labelled);
        outer.victims.push(...journal.victims);
      }
      return ok;
    } finally {
      this.journal = outer;
    }
  }

  /** A victim or unwitting party of a scheme; victims are kept out of other instances, competitors are not. */
  party(schemeId: string, entityId: string, part: Part): void {
    if (entityId === "") throw new Error(`empty entity id in scheme ${schemeId}`);
    this.parties.push({ schemeId, entityId, part });
    if (part !== "competitor" && part !== "signatory" && part !== "employer") this.use(entityId);
    if (VICTIM_PARTS.includes(part) && !this.county.victims.has(entityId)) {
      this.county.victims.add(entityId);
      this.journal?.victims.push(entityId);
    }
  }

  newLookalike(): string {
    return this.run.ids.next("LA", 5);
  }

  lookalike(id: string, kind: string, entityId: string): void {
    this.lookalikes.push({ lookalikeId: id, kind, entityId });
    this.use(entityId);
  }

  setDeclared(a: Person, b: Person, value: boolean): void {
    this.declared.set(pairKey(a, b), value);
  }
}

export function pairKey(a: Person, b: Person): string {
  return a.idx < b.idx ? `${a.idx}|${b.idx}` : `${b.idx}|${a.idx}`;
}

export function refOf(p: Person): Ref {
  return { id: p.id, name: fullName(p), accountId: p.account?.id ?? "", phone: p.phone };
}

export function aliveOn(p: Person, d: Day): boolean {
  return p.birth <= d && p.death > d;
}

export function aliveThrough(p: Person, from: Day, to: Day): boolean {
  return p.birth <= from && p.death > to;
}

export function inWindow(p: Person): boolean {
  return p.birth <= W1 && p.death >= W0;
}

/** Emitted persons grouped by their final household, in the order the persons come. */
export function byHousehold(persons: readonly Person[]): Map<Household, Person[]> {
  const out = new Map<Household, Person[]>();
  for (const p of persons) {
    const h = p.hh as Household;
    let list = out.get(h);
    if (list === undefined) out.set(h, (list = []));
    list.push(p);
  }
  return out;
}
