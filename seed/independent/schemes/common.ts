// What every scheme planter shares: the random stream, the register of who is already involved, the
// scheme record being built (culprits apart from victims and other parties), and small finders for
// a cadre in post, a relative, a firm, an account.
import { newAccount } from "../accounts.ts";
import { postsAt } from "../cadres.ts";
import { age, END, START, type Day } from "../dates.ts";
import { addRole, companyNames, isBusyFirm, newCompany } from "../firms.ts";
import { livingRelatives, relatives, type Relation } from "../kin.ts";
import type { Company, Household, Person, Post, PostRole, Region, Scheme, Typology, World } from "../model.ts";
import { pairKey } from "../model.ts";
import type { Trade } from "../names.ts";
import { ensureAccount } from "../money.ts";
import { alive, householdAt, regionAt } from "../population.ts";
import type { Tendering } from "../procurement.ts";
import { passesMeansTest, type Eligibility } from "../programs.ts";
import type { Rng } from "../rng.ts";

export class SchemeBuilder {
  readonly scheme: Scheme;
  constructor(
    private readonly ctx: Ctx,
    typology: Typology,
    variant: string,
    when: Day,
    story: string,
  ) {
    this.scheme = { id: "", typology, variant, culprits: [], parties: [], story, when };
  }

  culprit(entity: Person | Company, role: string): this {
    if (!this.scheme.culprits.some((c) => c.entity === entity.id)) this.scheme.culprits.push({ entity: entity.id, role });
    this.ctx.involve(entity);
    return this;
  }

  party(entity: Person | Company, part: string): this {
    if (!this.scheme.parties.some((c) => c.entity === entity.id) && !this.scheme.culprits.some((c) => c.entity === entity.id)) this.scheme.parties.push({ entity: entity.id, part });
    this.ctx.involve(entity);
    return this;
  }

  commit(): Scheme {
    const world = this.ctx.world;
    this.scheme.id = `S${String(world.schemes.length + 1).padStart(3, "0")}`;
    world.schemes.push(this.scheme);
    for (const c of this.scheme.culprits) world.culpritIds.add(c.entity);
    return this.scheme;
  }
}

export interface CadreSlot {
  person: Person;
  post: Post;
  region: Region;
  from: Day;
  to: Day;
}

export class Ctx {
  /** Persons and firms already used by a scheme (culprit or party). */
  readonly involved = new Set<string>();
  /** Projects steered by a scheme (honest tenders are the others). */
  readonly steered = new Set<number>();
  constructor(
    readonly world: World,
    readonly rng: Rng,
    readonly tendering: Tendering,
    readonly eligibility: Eligibility,
  ) {}

  involve(entity: Person | Company): void {
    this.involved.add(entity.id);
  }

  free(entity: Person | Company): boolean {
    return !this.involved.has(entity.id) && !this.world.reserved.has(entity.id);
  }

  start(typology: Typology, variant: string, when: Day, story: string): SchemeBuilder {
    return new SchemeBuilder(this, typology, variant, when, story);
  }

  /** A cadre holding one of `roles` for at least `minDays` of the window, not yet involved. */
  cadre(roles: readonly PostRole[], minDays: number, filter?: (slot: CadreSlot) => boolean): CadreSlot | undefined {
    const slots: CadreSlot[] = [];
    for (const post of this.world.posts) {
      if (!roles.includes(post.role)) continue;
      const from = Math.max(post.start, START);
      const to = Math.min(post.end ?? END, END);
      if (to - from < minDays) continue;
      const person = this.world.persons[post.person] as Person;
      if (!this.free(person) || !person.inData) continue;
      const slot = { person, post, region: this.world.regions[post.region] as Region, from, to };
      if (filter && !filter(slot)) continue;
      slots.push(slot);
    }
    if (slots.length === 0) return undefined;
    return this.rng.weighted(slots, (s) => (s.region.urban ? 0.3 : 1));
  }

  /** A living adult relative of `k` for the whole span, not a cadre or public employee, not yet involved. */
  relative(k: number, from: Day, to: Day, relations: readonly Relation[], opts: { sameRegion?: number; separateHousehold?: boolean; minAge?: number; maxAge?: number } = {}): [Person, Relation] | undefined {
    const own = householdAt(this.world.persons[k] as Person, from);
    const cands = livingRelatives(this.world, k, from, (r) => relations.includes(r)).filter(([q]) => {
      if (!this.free(q) || q.publicEmployee || !alive(q, to) || postsAt(this.world, regionAt(this.world, q, from), from).some((p) => p.person === q.k)) return false;
      const a = age(q.birth, from);
      if (a < (opts.minAge ?? 22) || a > (opts.maxAge ?? 75)) return false;
      if (opts.sameRegion !== undefined && regionAt(this.world, q, from) !== opts.sameRegion) return false;
      if (opts.separateHousehold && householdAt(q, from) === own) return false;
      return !this.eligibility.cadres.has(q.k);
    });
    if (cands.length === 0) return undefined;
    return this.rng.weighted(cands, ([, r]) => (r === "sibling" || r === "child" || r === "in_law" ? 3 : 1));
  }

  /** Makes sure the tie between a and b is on file and not declared. */
  recordKin(a: number, b: number, declared = false): void {
    this.world.kinOverrides.set(pairKey(a, b), { record: true, declared });
  }

  /** Keeps the direct tie between a and b off file (it can still be traced through others). */
  hideKin(a: number, b: number): void {
    this.world.kinOverrides.set(pairKey(a, b), { record: false });
  }

  /**
   * Puts the tie between a cadre and a relative on file, directly or (when the scheme hides better)
   * only through the spouse: cadre–spouse and spouse–relative are on file, cadre–relative is not.
   */
  tieKin(cadre: Person, rel: Person): string {
    const spouse = cadre.spouse !== undefined ? (this.world.persons[cadre.spouse] as Person) : undefined;
    const spouseRel = spouse?.inData ? relatives(this.world, spouse.k).get(rel.k) : undefined;
    const viaSpouse = spouseRel !== undefined && spouseRel !== "in_law" && spouseRel !== "spouse";
    if (viaSpouse && spouse && this.rng.chance(this.world.style.hiding * 0.7)) {
      this.recordKin(cadre.k, spouse.k);
      this.recordKin(spouse.k, rel.k);
      this.hideKin(cadre.k, rel.k);
      return "via-spouse";
    }
    this.recordKin(cadre.k, rel.k);
    return "direct";
  }

  account(p: Person): number {
    return ensureAccount(this.world, this.rng, p);
  }

  /** A second account that the owner's other records do not mention. */
  quietAccount(p: Person, opened: Day): number {
    const urban = (this.world.regions[regionAt(this.world, p, START)] as Region).urban;
    return newAccount(this.world, this.rng, { type: "person", k: p.k }, { urban: !urban, opened }).k;
  }

  /** Whether the person's household (on `at`) would pass a means test. */
  needy(p: Person, at: Day): boolean {
    const hh = householdAt(p, at);
    return hh !== undefined && passesMeansTest(this.world, this.eligibility, this.world.households[hh] as Household);
  }

  /** An adult in a region, alive over the span, not involved, not a cadre. */
  villager(region: number, from: Day, to: Day, filter?: (p: Person) => boolean): Person | undefined {
    const cands = this.world.persons.filter((p) => p.inData && !p.fictitious && this.free(p) && alive(p, from) && alive(p, to) && age(p.birth, from) >= 25 && regionAt(this.world, p, from) === region && !this.eligibility.cadres.has(p.k) && (!filter || filter(p)));
    return cands.length === 0 ? undefined : this.rng.pick(cands);
  }

  /** A firm made for a scheme (or a relative's real business), with `rep` as legal representative. */
  firm(trade: Trade, region: Region, registered: Day, rep: Person, opts: { share?: number; scheme?: boolean } = {}): Company {
    const c = newCompany(this.world, this.rng, { trade, region, registered, used: companyNames(this.world), scheme: opts.scheme ?? true });
    addRole(this.world, rep.k, c.k, "legal_rep", { share: opts.share ?? (this.rng.chance(0.6) ? 1 : undefined), start: registered });
    c.phone = this.rng.chance(0.6) ? rep.phone : undefined;
    return c;
  }

  /** Existing honest firms of a trade, active over the span and not yet involved. */
  firms(from: Day, to: Day, filter?: (c: Company) => boolean): Company[] {
    return this.world.companies.filter((c) => !c.scheme && !c.coop && !isBusyFirm(c) && this.free(c) && (c.registered ?? END) < from - 365 && (c.closed === undefined || c.closed > to) && (!filter || filter(c)));
  }
}

export function personOf(world: World, k: number | undefined): Person | undefined {
  return k === undefined ? undefined : world.persons[k];
}
