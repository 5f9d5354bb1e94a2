// The county under construction: every table, the id mint, and the lookups the builders and the
// scheme planters share (who held which post on a day, whose account is whose, who is whose kin).
import type { Day } from "./dates.ts";
import { Ids } from "./ids.ts";
import type {
  Account, Asset, Bid, Case, Company, Grant, Household, KinRow, Label, LookalikeRow, Move, PartyRow, Person, Post, PostRole,
  Program, ProgramKey, Project, Region, RoleRow, Tip, Transfer, Typology,
} from "./model.ts";
import type { Profile } from "./profile.ts";
import { Rng } from "./rng.ts";

export type Entity = Person | Company;

export class County {
  readonly rng: Rng;
  readonly ids: Ids;
  county!: Region;
  readonly townships: Region[] = [];
  readonly villages: Region[] = [];
  readonly persons: Person[] = [];
  readonly households: Household[] = [];
  readonly moves: Move[] = [];
  readonly posts: Post[] = [];
  /** Kinship rows beyond the household register's parent and spouse links. */
  readonly kin: KinRow[] = [];
  readonly companies: Company[] = [];
  readonly roles: RoleRow[] = [];
  readonly accounts = new Map<string, Account>();
  readonly projects: Project[] = [];
  readonly bids: Bid[] = [];
  readonly programs = new Map<ProgramKey, Program>();
  readonly grants: Grant[] = [];
  readonly transfers: Transfer[] = [];
  readonly assets: Asset[] = [];
  readonly tips: Tip[] = [];
  readonly cases: Case[] = [];
  readonly labels: Label[] = [];
  readonly parties: PartyRow[] = [];
  readonly lookalikes: LookalikeRow[] = [];
  /** Entities already given a part in a scheme or a look-alike case, kept apart from later picks. */
  readonly involved = new Set<Entity>();
  readonly culprits = new Set<Entity>();
  private schemeCount = 0;
  private lookalikeCount = 0;

  constructor(readonly profile: Profile) {
    this.rng = new Rng(`thirdparty-${profile.seed}`);
    this.ids = new Ids(profile, this.rng.fork("ids"));
  }

  get living(): Person[] {
    return this.persons.filter((p) => !p.gone);
  }

  // ---- posts ----

  /** Posts held in `region` on `on`, optionally of some roles. */
  postsOn(region: Region, on: Day, roles?: readonly PostRole[]): Post[] {
    return this.posts.filter((p) => p.region === region && p.start <= on && (p.end === undefined || p.end >= on) && (!roles || roles.includes(p.role)));
  }

  /** The holder of a role in a region on a day, if any. */
  holder(region: Region, on: Day, roles: readonly PostRole[]): Person | undefined {
    for (const role of roles) {
      const post = this.posts.find((p) => p.region === region && p.role === role && p.start <= on && (p.end === undefined || p.end >= on));
      if (post) return post.person;
    }
    return undefined;
  }

  isCadre(p: Person): boolean {
    return this.posts.some((x) => x.person === p);
  }

  // ---- kin ----

  /** Blood relatives and in-laws within about three generations, by walking family links. */
  relatives(p: Person, depth = 3): Set<Person> {
    const out = new Set<Person>();
    const step = (x: Person): Person[] => {
      const next: Person[] = [...x.children];
      if (x.father) next.push(x.father);
      if (x.mother) next.push(x.mother);
      if (x.spouse) next.push(x.spouse);
      return next;
    };
    let frontier = [p];
    for (let d = 0; d < depth; d++) {
      const next: Person[] = [];
      for (const x of frontier) for (const y of step(x)) if (y !== p && !out.has(y)) {
        out.add(y);
        next.push(y);
      }
      frontier = next;
    }
    for (const k of this.kin) {
      if (k.person === p) out.add(k.relative);
      if (k.relative === p) out.add(k.person);
    }
    return out;
  }

  siblings(p: Person): Person[] {
    const parent = p.father ?? p.mother;
    if (!parent) return [];
    return parent.children.filter((c) => c !== p && !c.gone);
  }

  // ---- money ----

  /** An account: registers it with its owner. */
  openAccount(owner: Entity, kind: "card" | "old" | "company" | "social", bank: string, opened?: Day): string {
    const id = this.ids.account(kind);
    this.accounts.set(id, { id, owner, bank, opened });
    return id;
  }

  /** The account a person is usually paid into: their subsidy card, else their first card. */
  payAccount(p: Person): string | undefined {
    return p.subsidyCard ?? p.accounts[0];
  }

  /** The person's first account, opened now when they have none. */
  ensureAccount(p: Person, on: Day): string {
    const first = p.accounts[0];
    if (first) return first;
    const id = this.openAccount(p, "card", "农村信用合作联社", on);
    p.accounts.push(id);
    return id;
  }

  companyAccount(c: Company): string {
    if (c.account) return c.account;
    c.account = this.openAccount(c, "company", "农村信用合作联社", c.registered);
    return c.account;
  }

  transfer(from: string, to: string, amount: number, date: Day, memo?: string): Transfer {
    const t: Transfer = { id: this.ids.transfer(date), from, to, amount: cents(amount), date, memo };
    this.transfers.push(t);
    return t;
  }

  // ---- ground truth ----

  newScheme(): string {
    this.schemeCount++;
    return `S${String(this.schemeCount).padStart(3, "0")}`;
  }

  culprit(scheme: string, typology: Typology, entity: Entity, role: string): void {
    if (this.labels.some((l) => l.scheme === scheme && l.entity === entity)) return;
    this.labels.push({ scheme, typology, entity, role });
    this.culprits.add(entity);
    this.involved.add(entity);
  }

  party(scheme: string, entity: Entity, part: string): void {
    if (this.culprits.has(entity)) return;
    if (this.parties.some((x) => x.scheme === scheme && x.entity === entity)) return;
    this.parties.push({ scheme, entity, part });
    this.involved.add(entity);
  }

  newLookalike(): string {
    this.lookalikeCount++;
    return `L${String(this.lookalikeCount).padStart(2, "0")}`;
  }

  lookalike(id: string, kind: string, entity: Entity): void {
    this.lookalikes.push({ id, kind, entity });
    this.involved.add(entity);
  }

  get lookalikeCases(): number {
    return this.lookalikeCount;
  }

  program(key: ProgramKey): Program {
    const p = this.programs.get(key);
    if (!p) throw new Error(`no program ${key}`);
    return p;
  }
}

/** Yuan rounded to cents. */
export function cents(x: number): number {
  return Math.round(x * 100) / 100;
}
