// What every scheme planter needs: a cadre in post over some years, a relative of a chosen kind,
// a straw man, a firm set up for the purpose, a project awarded as the scheme wants it.
import { cents, type County } from "../county.ts";
import { EXPORT_DAY, FIRST_YEAR, LAST_YEAR, ageOn, day, type Day } from "../dates.ts";
import type { FirmBuilder } from "../firms.ts";
import type { Bid, Company, Field, Method, Person, Post, PostRole, Project, Region, Relation, Typology } from "../model.ts";
import type { ProjectBuilder } from "../projects.ts";
import type { Rng } from "../rng.ts";
import type { Social } from "../social.ts";
import { alive, type Welfare } from "../welfare.ts";

export const VILLAGE_HEADS: readonly PostRole[] = ["party_secretary", "committee_director"];
export const DATA_START = day(FIRST_YEAR, 1, 1);
export const DATA_END = day(LAST_YEAR, 12, 20);

export interface Tenure {
  post: Post;
  person: Person;
  region: Region;
  /** The part of the post inside the data years. */
  from: Day;
  to: Day;
}

export interface Kin {
  person: Person;
  relation: Relation;
  /** How the relation is written from the cadre's side (for an explicit kinship row). */
  words: string;
}

export type Planter = (k: Kit) => boolean;

export class Kit {
  readonly rng: Rng;

  constructor(
    readonly c: County,
    readonly welfare: Welfare,
    readonly projects: ProjectBuilder,
    readonly firms: FirmBuilder,
    readonly social: Social,
  ) {
    this.rng = c.rng;
  }

  free(e: Person | Company): boolean {
    return !this.c.involved.has(e);
  }

  /** A post of one of `roles` held for at least `minDays` inside the data years, by someone free. */
  tenure(roles: readonly PostRole[], minDays = 500, level: "village" | "township" = "village"): Tenure | undefined {
    const { c, rng } = this;
    const options = c.posts.filter((p) => {
      if (!roles.includes(p.role) || p.region.level !== level || !this.free(p.person)) return false;
      const from = Math.max(p.start, DATA_START);
      const to = Math.min(p.end ?? DATA_END, DATA_END, p.person.died ?? DATA_END);
      return to - from >= minDays;
    });
    if (options.length === 0) return undefined;
    const post = rng.pick(options);
    return { post, person: post.person, region: post.region, from: Math.max(post.start, DATA_START), to: Math.min(post.end ?? DATA_END, DATA_END, post.person.died ?? DATA_END) };
  }

  /** A day inside a tenure, leaving `tail` days before its end. */
  dayIn(t: Tenure, tail = 0): Day {
    return this.rng.int(t.from, Math.max(t.from, t.to - tail));
  }

  /** Relatives of a person by kind, living in another household, adult and free. */
  kinOf(p: Person, on: Day, kinds: readonly Relation[] = ["sibling", "child", "nephew_niece", "in_law", "cousin"]): Kin[] {
    const out: Kin[] = [];
    const ok = (x: Person | undefined): x is Person =>
      x !== undefined && x !== p && !x.gone && alive(x, on) && ageOn(x.born, on) >= 20 && this.free(x) && x.household !== p.household;
    const siblings = (x: Person) => (x.father ?? x.mother)?.children.filter((s) => s !== x) ?? [];
    if (kinds.includes("sibling")) for (const s of siblings(p)) if (ok(s)) out.push({ person: s, relation: "sibling", words: s.male ? "兄弟" : "姐妹" });
    if (kinds.includes("child")) for (const k of p.children) if (ok(k)) out.push({ person: k, relation: "child", words: k.male ? "儿子" : "女儿" });
    if (kinds.includes("nephew_niece")) for (const s of siblings(p)) for (const k of s.children) if (ok(k)) out.push({ person: k, relation: "nephew_niece", words: "侄子" });
    if (kinds.includes("in_law")) {
      if (p.spouse) for (const s of siblings(p.spouse)) if (ok(s)) out.push({ person: s, relation: "in_law", words: p.male ? "妻兄弟" : "夫兄弟" });
      for (const k of p.children) if (k.spouse && ok(k.spouse)) out.push({ person: k.spouse, relation: "in_law", words: "儿媳" });
    }
    if (kinds.includes("cousin")) {
      const parent = p.father;
      if (parent) for (const u of siblings(parent)) for (const k of u.children) if (ok(k)) out.push({ person: k, relation: "cousin", words: "堂兄弟" });
    }
    if (kinds.includes("spouse") && ok(p.spouse)) out.push({ person: p.spouse, relation: "spouse", words: "配偶" });
    return out;
  }

  /** Writes the relation as a kinship row: declared, undeclared (false), or undeclared and empty. */
  writeKin(cadre: Person, k: Kin, declared: boolean | undefined): void {
    this.c.kin.push({ person: cadre, relative: k.person, relation: k.relation, declared });
  }

  /** Someone of the village whose name can be used: old, poor, or away, free of other parts. */
  strawMan(village: Region, on: Day): Person | undefined {
    const pool = this.social.villagers(village).filter((p) => alive(p, on + 400) && ageOn(p.born, on) >= 30 && ageOn(p.born, on) <= 72 && this.free(p) && !this.c.isCadre(p) && !p.publicEmployee);
    const preferred = pool.filter((p) => p.migrant || p.needy || ageOn(p.born, on) >= 60);
    const list = preferred.length > 0 && this.rng.chance(0.7) ? preferred : pool;
    return list.length > 0 ? this.rng.pick(list) : undefined;
  }

  /** A fellow villager with money to spare (a contractor type), free. */
  contractorType(village: Region, on: Day, not: readonly Person[] = []): Person | undefined {
    const pool = this.social.villagers(village).filter((p) => p.male && alive(p, on + 800) && ageOn(p.born, on) >= 28 && ageOn(p.born, on) <= 58 && this.free(p) && !this.c.isCadre(p) && !p.publicEmployee && !not.includes(p));
    return pool.length > 0 ? this.rng.pick(pool) : undefined;
  }

  /** A construction firm set up for a scheme, registered `before` days ahead of `on`. */
  firmFor(owner: Person, on: Day, before: number, region: Region, opts: { phone?: string; address?: string; trade?: "construction" | "water" | "labour" } = {}): Company {
    const town = region.level === "village" ? (region.parent as Region) : region;
    return this.firms.firm({
      trade: opts.trade ?? (this.rng.chance(0.7) ? "construction" : "water"),
      size: "small",
      owner,
      registered: on - before,
      region: this.rng.chance(0.7) ? town : region,
      address: opts.address ?? (this.rng.chance(0.5) ? owner.household?.address : this.firms.streetAddress(town.name)),
      phone: opts.phone ?? (this.rng.chance(0.7) ? owner.phone : undefined),
    });
  }

  /** An existing builder owned by a person, if any. */
  firmOf(p: Person, on: Day): Company | undefined {
    const r = this.c.roles.find((x) => x.person === p && x.role === "legal_rep" && x.company.builds && x.company.registered < on - 60 && (x.company.closed === undefined || x.company.closed > on + 200));
    return r?.company;
  }

  /**
   * A project awarded to `winner` on the scheme's terms: `rivals` honest firms bidding above it
   * (or `covers` colluding firms with bids just above), optionally every rival disqualified.
   */
  award(o: {
    region: Region;
    on: Day;
    budget: number;
    method: Method;
    winner: Company;
    approver?: Person;
    winFactor?: number;
    rivals?: number;
    covers?: Company[];
    coverGap?: [number, number];
    disqualifyRivals?: boolean;
    work?: readonly [Field, string];
    shortWindow?: boolean;
  }): Project {
    const { rng } = this;
    const year = new Date(o.on * 86_400_000).getUTCFullYear();
    const p = this.projects.project(o.region, year, o.budget, o.method, o.work, o.on);
    if (o.shortWindow && p.deadline !== undefined) {
      p.deadline = (p.announce as Day) + rng.int(4, 7);
      p.award = p.deadline + rng.int(1, 5);
    }
    const win = cents(p.budget * (o.winFactor ?? rng.float(0.955, 0.995)));
    p.approver = o.approver ?? this.projects.approverOf(o.region, p.award as Day);
    p.winner = o.winner;
    p.awardAmount = win;
    const competitive = o.method !== "direct_award" && o.method !== "single_source";
    if (!competitive) {
      if (o.method === "single_source" && rng.chance(0.5)) this.projects.bid(p, o.winner, win);
      return p;
    }
    this.projects.bid(p, o.winner, win);
    const gap = o.coverGap ?? [0.01, 0.04];
    for (const cover of o.covers ?? []) this.projects.bid(p, cover, Math.min(p.budget, win * (1 + rng.float(gap[0], gap[1]))));
    const rivals = this.projects.honestBidders(p, o.rivals ?? 0, [o.winner, ...(o.covers ?? [])]);
    for (const r of rivals) {
      const b: Bid = this.projects.bid(p, r, Math.min(p.budget * 0.999, win * rng.float(1.02, 1.12)));
      if (o.disqualifyRivals) b.disqualified = true;
    }
    return p;
  }

  /** Money moved from one account to another in parts over some weeks (under `cap` each). */
  moveMoney(from: string, to: string, total: number, start: Day, parts: number, memo?: string): Day {
    let on = start;
    for (let i = 0; i < parts; i++) {
      if (on > EXPORT_DAY) break;
      this.c.transfer(from, to, cents((total / parts) * this.rng.float(0.9, 1.1)), on, memo);
      on += this.rng.int(7, 45);
    }
    return on;
  }

  culprit(scheme: string, typology: Typology, e: Person | Company, role: string): void {
    this.c.culprit(scheme, typology, e, role);
  }
}

export { day, ageOn, alive, EXPORT_DAY, cents };
