// Families and households: family lines grown village by village (deep, interlocking lines in clan
// villages, many short ones elsewhere), brides matched across villages, then households as they stood
// on 2016-01-01 and everything that happened to them until 2021: births, marriages, splits, elderly
// parents moving in with a son, young families leaving for the county seat, deaths.
import { age, day, END, iso, START, yearOf, yearsToDays, YEARS, type Day } from "./dates.ts";
import { villages } from "./geography.ts";
import type { Gender, Household, Person, Region, World } from "./model.ts";
import { generationChar, givenName, pickSurname, STREETS, writtenName } from "./names.ts";
import type { Rng } from "./rng.ts";

const MARRIAGE_MATCH_FROM = day(1978);

/** Age at death drawn from a Gompertz law (median about 76), with some early deaths. */
function deathDay(rng: Rng, birth: Day): Day | undefined {
  let years: number;
  if (rng.chance(0.02)) years = rng.float(0, 55);
  else {
    const a = 0.00005;
    const b = 0.095;
    years = Math.log(1 - (b / a) * Math.log(1 - rng.next())) / b;
  }
  const death = birth + yearsToDays(Math.min(years, 104));
  return death > END ? undefined : death;
}

export function createPerson(world: World, rng: Rng, init: { surname: string; gender: Gender; birth: Day; home: number; given?: string; generation?: string; death?: Day | null }): Person {
  const region = world.regions[init.home] as Region;
  const given = init.given ?? givenName(rng, init.gender, yearOf(init.birth), init.generation);
  const p: Person = {
    k: world.persons.length,
    id: world.ids.next("p", region.code),
    surname: init.surname,
    given,
    written: writtenName(rng, init.surname, given, world.style.noise),
    gender: init.gender,
    birth: init.birth,
    death: init.death === null ? undefined : (init.death ?? deathDay(rng, init.birth)),
    children: [],
    home: init.home,
    households: [],
    inData: false,
    publicEmployee: false,
    migrant: false,
    fictitious: false,
    noHousehold: false,
    generationChar: init.generation,
  };
  world.persons.push(p);
  return p;
}

export function alive(p: Person, at: Day): boolean {
  return p.birth <= at && (p.death === undefined || p.death > at);
}

interface Pending {
  groom: number;
  marriage: Day;
}

interface Bride {
  k: number;
  planned: Day;
}

function kidsFor(rng: Rng, fatherBirthYear: number): number {
  if (fatherBirthYear < 1940) return rng.int(3, 6);
  if (fatherBirthYear < 1955) return rng.int(2, 5);
  if (fatherBirthYear < 1970) return rng.int(1, 3);
  if (fatherBirthYear < 1985) return rng.weighted([1, 2, 3], (_, i) => [4, 5, 1][i] ?? 0);
  return rng.weighted([1, 2], (_, i) => [5, 4][i] ?? 0);
}

class Families {
  readonly pending: Pending[] = [];
  readonly brides: Bride[] = [];
  constructor(
    private readonly world: World,
    private readonly rng: Rng,
  ) {}

  /** A married-in wife from outside the county (no family on file). */
  outsiderWife(husband: Person, marriage: Day): Person {
    const birth = husband.birth + yearsToDays(this.rng.normal(1.5, 2.2));
    const wife = createPerson(this.world, this.rng, { surname: pickSurname(this.rng), gender: "F", birth: Math.min(birth, marriage - yearsToDays(18)), home: husband.home });
    if (wife.death !== undefined && wife.death < marriage) {
      const later = marriage + yearsToDays(this.rng.float(1, 60));
      wife.death = later > END ? undefined : later;
    }
    this.marry(husband, wife, marriage);
    return wife;
  }

  marry(husband: Person, wife: Person, marriage: Day): void {
    husband.spouse = wife.k;
    wife.spouse = husband.k;
    husband.marriage = marriage;
    wife.marriage = marriage;
    for (const c of husband.children) (this.world.persons[c] as Person).mother = wife.k;
    wife.children = husband.children;
  }

  /** A man's family: wife (now, or matched later), then children, recursively. */
  family(man: Person, marriage: Day): void {
    const rng = this.rng;
    man.marriage = marriage;
    if (marriage < MARRIAGE_MATCH_FROM) this.outsiderWife(man, marriage);
    else this.pending.push({ groom: man.k, marriage });
    const n = kidsFor(rng, yearOf(man.birth));
    const childGen = generationChar(rng);
    let birth = marriage + yearsToDays(rng.float(0.8, 2.5));
    const lastBirth = man.birth + yearsToDays(rng.float(40, 46));
    for (let i = 0; i < n && birth <= END && birth <= lastBirth; i++) {
      if (man.death !== undefined && birth > man.death + 280) break;
      const gender: Gender = rng.chance(0.52) ? "M" : "F";
      const child = createPerson(this.world, rng, { surname: man.surname, gender, birth, home: man.home, generation: gender === "M" ? childGen : undefined });
      child.father = man.k;
      if (man.spouse !== undefined) child.mother = man.spouse;
      man.children.push(child.k);
      if (man.spouse !== undefined) (this.world.persons[man.spouse] as Person).children = man.children;
      if (gender === "M") {
        const m = birth + yearsToDays(rng.float(22, 30));
        if (rng.chance(0.9) && m <= END && (child.death === undefined || child.death > m)) this.family(child, m);
      } else {
        const m = birth + yearsToDays(rng.float(20, 27));
        if (rng.chance(0.9) && m <= END && (child.death === undefined || child.death > m)) this.brides.push({ k: child.k, planned: m });
      }
      birth += yearsToDays(rng.float(1.4, 4));
    }
  }

  lineage(village: Region, founderBirth: Day): void {
    const rng = this.rng;
    const surname = village.clan && rng.chance(0.85) ? rng.pick(village.surnames) : pickSurname(rng);
    const founder = createPerson(this.world, rng, { surname, gender: "M", birth: founderBirth, home: village.k, generation: generationChar(rng) });
    const m = founderBirth + yearsToDays(rng.float(20, 28));
    if (founder.death === undefined || founder.death > m) this.family(founder, m);
  }
}

/** Rough count of people a village will hold in the window (brides who leave are not counted). */
function countInWindow(world: World, from: number): number {
  let n = 0;
  for (let i = from; i < world.persons.length; i++) {
    const p = world.persons[i] as Person;
    if (p.birth > END || (p.death !== undefined && p.death < START)) continue;
    n++;
  }
  return n;
}

function matchBrides(world: World, rng: Rng, fam: Families): void {
  const byYear = new Map<number, Bride[]>();
  for (const b of fam.brides) {
    const y = yearOf((world.persons[b.k] as Person).birth);
    const list = byYear.get(y);
    if (list) list.push(b);
    else byYear.set(y, [b]);
  }
  const taken = new Set<number>();
  const grooms = fam.pending.slice().sort((a, b) => a.marriage - b.marriage || a.groom - b.groom);
  for (const { groom, marriage } of grooms) {
    const g = world.persons[groom] as Person;
    const gy = yearOf(g.birth);
    const township = (world.regions[g.home] as Region).township;
    const candidates: Person[] = [];
    for (let y = gy - 1; y <= gy + 6; y++) {
      for (const b of byYear.get(y) ?? []) {
        if (taken.has(b.k)) continue;
        const p = world.persons[b.k] as Person;
        if (p.home === g.home) continue;
        if (Math.abs(b.planned - marriage) > yearsToDays(4)) continue;
        if (p.death !== undefined && p.death <= marriage) continue;
        if (age(p.birth, marriage) < 19) continue;
        candidates.push(p);
      }
    }
    if (candidates.length > 0 && rng.chance(0.85)) {
      const bride = rng.weighted(candidates, (p) => ((world.regions[p.home] as Region).township === township ? 4 : 1));
      taken.add(bride.k);
      fam.marry(g, bride, marriage);
    } else fam.outsiderWife(g, marriage);
  }
  // Daughters nobody in the county married: those who married before the window left the county.
  for (const b of fam.brides) {
    if (taken.has(b.k)) continue;
    (world.persons[b.k] as Person & { leftCounty?: boolean }).leftCounty = b.planned < START;
  }
}

/** Village a person lives in before the window (natal village until a marriage into another). */
function villageBefore(world: World, p: Person, at: Day): number {
  if (p.gender === "F" && p.spouse !== undefined && p.marriage !== undefined && p.marriage <= at) return (world.persons[p.spouse] as Person).home;
  return p.home;
}

interface HouseholdState {
  cur: Int32Array;
  members: Map<number, Set<number>>;
}

export function householdAt(p: Person, at: Day): number | undefined {
  let hh: number | undefined;
  for (const [from, h] of p.households) {
    if (from <= at) hh = h;
    else break;
  }
  return hh ?? p.households[0]?.[1];
}

export function regionAt(world: World, p: Person, at: Day): number {
  const hh = householdAt(p, at);
  return hh === undefined ? p.home : (world.households[hh] as Household).region;
}

export function headAt(h: Household, at: Day): number | undefined {
  let head: number | undefined;
  for (const [from, p] of h.heads) {
    if (from <= at) head = p;
    else break;
  }
  return head ?? h.heads[0]?.[1];
}

class Housing {
  private readonly numbers = new Map<number, number>();
  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    readonly state: HouseholdState,
  ) {}

  address(region: Region): string {
    const rng = this.rng;
    const n = (this.numbers.get(region.k) ?? 0) + 1;
    this.numbers.set(region.k, n);
    const town = (this.world.regions[region.township] as Region).name;
    if (region.urban) return `${this.world.style.county}${town}${rng.pick(STREETS)}${rng.int(1, 299)}号${rng.int(1, 30)}栋${rng.int(1, 6)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
    return `${this.world.style.county}${town}${region.name}${rng.int(1, 12)}组${n}号`;
  }

  create(region: number, head: number, at: Day, splitFrom?: number): Household {
    const r = this.world.regions[region] as Region;
    const h: Household = {
      k: this.world.households.length,
      id: this.world.ids.next("h", r.code),
      region,
      address: this.address(r),
      splitFrom,
      created: at,
      poor: false,
      farming: !r.urban && this.rng.chance(0.93),
      mu: Math.round(this.rng.logNormal(5, 0.5) * 10) / 10,
      heads: [[at, head]],
      members: [],
    };
    this.world.households.push(h);
    this.state.members.set(h.k, new Set());
    return h;
  }

  /** Puts `p` in household `hh` from day `at`; a move record when it happens in the window. */
  place(p: Person, hh: number, at: Day, record: boolean): void {
    const prev = this.state.cur[p.k] ?? -1;
    if (prev === hh) return;
    if (prev >= 0) this.state.members.get(prev)?.delete(p.k);
    this.state.cur[p.k] = hh;
    this.state.members.get(hh)?.add(p.k);
    const h = this.world.households[hh] as Household;
    if (!h.members.includes(p.k)) h.members.push(p.k);
    p.households.push([at, hh]);
    if (record && at >= START) this.world.moves.push({ person: p.k, household: hh, date: at, from: prev >= 0 ? prev : undefined });
  }

  /** After a death or a move, the household's head is its eldest living man, else its eldest living member. */
  reviewHead(hh: number, at: Day): void {
    const h = this.world.households[hh] as Household;
    const head = this.world.persons[headAt(h, at) ?? -1];
    if (head && alive(head, at) && this.state.cur[head.k] === hh) return;
    const living = [...(this.state.members.get(hh) ?? [])].map((k) => this.world.persons[k] as Person).filter((p) => alive(p, at) && age(p.birth, at) >= 18);
    if (living.length === 0) return;
    living.sort((a, b) => (a.gender === b.gender ? a.birth - b.birth : a.gender === "M" ? -1 : 1));
    const spouse = head?.spouse !== undefined ? living.find((p) => p.k === head.spouse) : undefined;
    h.heads.push([at, (spouse && age(spouse.birth, at) >= 60 ? spouse : (living[0] as Person)).k]);
  }
}

/** Households on 2016-01-01: who lives with whom. */
function initialHouseholds(world: World, rng: Rng, housing: Housing, people: Person[]): void {
  const host = new Map<number, number>();
  const joinsSon = new Map<number, number>();
  const livesWithParents = new Set<number>();
  const P = (k: number | undefined) => (k === undefined ? undefined : (world.persons[k] as Person));
  const present = (p: Person | undefined): p is Person => p !== undefined && p.inData && alive(p, START);
  // Elderly fathers (or widowed mothers) who live with a married son, and young couples not yet split.
  for (const p of people) {
    if (!present(p) || p.gender !== "M" || p.marriage === undefined || p.marriage > START) continue;
    const sons = p.children.map((c) => P(c) as Person).filter((c) => present(c) && c.gender === "M" && c.marriage !== undefined && c.marriage <= START);
    if (sons.length > 0 && age(p.birth, START) >= 62 && rng.chance(0.5)) joinsSon.set(p.k, (sons[sons.length - 1] as Person).k);
  }
  for (const p of people) {
    if (!present(p) || p.gender !== "M" || p.marriage === undefined || p.marriage > START) continue;
    const father = P(p.father);
    if (father && present(father) && !joinsSon.has(father.k) && START - p.marriage < yearsToDays(6) && rng.chance(0.55)) livesWithParents.add(p.k);
  }
  const resolve = (p: Person, depth: number): number => {
    const known = host.get(p.k);
    if (known !== undefined) return known;
    if (depth > 8) return p.k;
    let h = p.k;
    const father = P(p.father);
    const mother = P(p.mother);
    const spouse = P(p.spouse);
    const married = p.marriage !== undefined && p.marriage <= START;
    if (p.gender === "M" && married) {
      if (joinsSon.has(p.k)) h = resolve(P(joinsSon.get(p.k)) as Person, depth + 1);
      else if (livesWithParents.has(p.k) && father && present(father)) h = resolve(father, depth + 1);
    } else if (p.gender === "F" && married && present(spouse)) {
      h = resolve(spouse, depth + 1);
    } else if (p.gender === "F" && married) {
      // A widow: with her youngest married son, or on her own.
      const sons = p.children.map((c) => P(c) as Person).filter((c) => present(c) && c.gender === "M" && c.marriage !== undefined && c.marriage <= START);
      if (sons.length > 0 && rng.chance(0.6)) h = resolve(sons[sons.length - 1] as Person, depth + 1);
    } else if (father && present(father) && villageBefore(world, father, START) === villageBefore(world, p, START)) h = resolve(father, depth + 1);
    else if (mother && present(mother)) h = resolve(mother, depth + 1);
    else if (father) {
      const brother = father.children.map((c) => P(c) as Person).find((c) => present(c) && c.k !== p.k && c.gender === "M" && c.marriage !== undefined && c.marriage <= START);
      if (brother) h = resolve(brother, depth + 1);
    }
    host.set(p.k, h);
    return h;
  };
  const byHost = new Map<number, Person[]>();
  for (const p of people) {
    if (!present(p)) continue;
    const h = resolve(p, 0);
    const list = byHost.get(h);
    if (list) list.push(p);
    else byHost.set(h, [p]);
  }
  const hostOf = new Map<number, number>();
  for (const [h, members] of byHost) {
    const root = world.persons[h] as Person;
    const head = root.gender === "M" || members.length === 1 ? root : (members.find((m) => m.gender === "M" && age(m.birth, START) >= 18) ?? root);
    const region = villageBefore(world, root, START);
    const created = Math.min(START - 30, (root.marriage ?? root.birth + yearsToDays(20)) + rng.int(0, 900));
    const hh = housing.create(region, head.k, created);
    hostOf.set(h, hh.k);
    for (const m of members) housing.place(m, hh.k, START, false);
  }
  // Households of married sons that left their father's household before the window.
  for (const [h, hh] of hostOf) {
    const root = world.persons[h] as Person;
    const father = P(root.father);
    if (!father || root.gender !== "M") continue;
    const fatherHost = host.get(father.k);
    const fatherHh = fatherHost === undefined ? undefined : hostOf.get(fatherHost);
    if (fatherHh !== undefined && fatherHh !== hh && rng.chance(0.5)) (world.households[hh] as Household).splitFrom = fatherHh;
  }
}

type Event = { date: Day; kind: "birth" | "marry" | "split" | "join" | "migrate" | "death"; p: number };

function runWindow(world: World, rng: Rng, housing: Housing, people: Person[]): void {
  const { cur, members } = housing.state;
  const P = (k: number | undefined) => (k === undefined ? undefined : (world.persons[k] as Person));
  const seat = villages(world).filter((v) => v.urban);
  for (const year of YEARS) {
    const y0 = day(year);
    const y1 = day(year + 1) - 1;
    const events: Event[] = [];
    for (const p of people) {
      if (!p.inData) continue;
      if (p.birth >= y0 && p.birth <= y1 && p.birth > START) events.push({ date: p.birth, kind: "birth", p: p.k });
      if (p.death !== undefined && p.death >= y0 && p.death <= y1) events.push({ date: p.death, kind: "death", p: p.k });
      if (p.gender === "M" && p.marriage !== undefined && p.marriage >= y0 && p.marriage <= y1 && p.marriage > START && alive(p, p.marriage)) events.push({ date: p.marriage, kind: "marry", p: p.k });
      if (!alive(p, y0) || (cur[p.k] ?? -1) < 0) continue;
      const hh = world.households[cur[p.k] as number] as Household;
      const head = headAt(hh, y0);
      const a = age(p.birth, y0);
      if (p.gender === "M" && p.marriage !== undefined && p.marriage <= y0 && head !== p.k && head !== p.spouse && a < 55 && rng.chance(0.11)) events.push({ date: rng.int(y0, y1), kind: "split", p: p.k });
      else if (p.gender === "M" && head === p.k && a >= 25 && a <= 45 && !(world.regions[hh.region] as Region).urban && rng.chance(0.006)) events.push({ date: rng.int(y0, y1), kind: "migrate", p: p.k });
      else if (a >= 70 && (members.get(hh.k)?.size ?? 0) <= 1 && rng.chance(0.12)) events.push({ date: rng.int(y0, y1), kind: "join", p: p.k });
    }
    events.sort((a, b) => a.date - b.date || a.p - b.p);
    for (const e of events) {
      const p = world.persons[e.p] as Person;
      switch (e.kind) {
        case "birth": {
          const parent = [P(p.mother), P(p.father)].find((q) => q && (cur[q.k] ?? -1) >= 0);
          if (parent) housing.place(p, cur[parent.k] as number, p.birth, false);
          else {
            const hh = housing.create(p.home, p.k, p.birth);
            housing.place(p, hh.k, p.birth, false);
          }
          break;
        }
        case "death": {
          const hh = cur[p.k] ?? -1;
          if (hh >= 0) housing.reviewHead(hh, e.date + 1);
          break;
        }
        case "marry": {
          const wife = P(p.spouse);
          let hh = cur[p.k] ?? -1;
          if (hh < 0) break;
          const h = world.households[hh] as Household;
          if (headAt(h, e.date) !== p.k && rng.chance(0.4)) {
            const own = housing.create(h.region, p.k, e.date, hh);
            housing.place(p, own.k, e.date, true);
            hh = own.k;
          }
          if (wife && wife.inData && alive(wife, e.date)) housing.place(wife, hh, e.date, true);
          break;
        }
        case "split": {
          const hh = cur[p.k] ?? -1;
          if (hh < 0 || !alive(p, e.date)) break;
          const h = world.households[hh] as Household;
          const own = housing.create(h.region, p.k, e.date, hh);
          own.poor = h.poor && rng.chance(0.3);
          const family = [p, P(p.spouse), ...p.children.map(P)].filter((q): q is Person => q !== undefined && alive(q, e.date) && cur[q.k] === hh && (q.k === p.k || q.k === p.spouse || q.marriage === undefined));
          for (const q of family) housing.place(q, own.k, e.date, true);
          housing.reviewHead(hh, e.date);
          break;
        }
        case "migrate": {
          const hh = cur[p.k] ?? -1;
          if (hh < 0 || !alive(p, e.date) || seat.length === 0) break;
          const own = housing.create(rng.pick(seat).k, p.k, e.date, undefined);
          own.created = e.date;
          const family = [...(members.get(hh) ?? [])].map((k) => world.persons[k] as Person).filter((q) => alive(q, e.date) && (q.k === p.k || q.k === p.spouse || (q.father === p.k && q.marriage === undefined)));
          for (const q of family) housing.place(q, own.k, e.date, true);
          housing.reviewHead(hh, e.date);
          break;
        }
        case "join": {
          const hh = cur[p.k] ?? -1;
          if (hh < 0 || !alive(p, e.date)) break;
          const son = p.children.map(P).find((c) => c && c.gender === "M" && alive(c, e.date) && (cur[c.k] ?? -1) >= 0 && cur[c.k] !== hh);
          if (!son) break;
          housing.place(p, cur[son.k] as number, e.date, true);
          housing.reviewHead(hh, e.date);
          break;
        }
      }
    }
  }
}

/** Marks poor households (建档立卡): elderly-only, single, few working adults; never with a public employee. */
export function markPoverty(world: World, rng: Rng): void {
  const scored = world.households.map((h) => {
    const living = h.members.map((k) => world.persons[k] as Person).filter((p) => alive(p, START) || p.birth > START);
    const adults = living.filter((p) => age(p.birth, START) >= 18 && age(p.birth, START) < 60).length;
    const elderly = living.filter((p) => age(p.birth, START) >= 60).length;
    let score = 1;
    if (adults === 0) score += 3;
    if (adults === 1) score += 1.5;
    if (living.length === 1) score += 1.5;
    if (elderly > 0) score += 0.8;
    if ((world.regions[h.region] as Region).urban) score *= 0.35;
    score *= 0.6 + (world.regions[h.region] as Region).remote;
    return { h, score };
  });
  const total = scored.reduce((t, s) => t + s.score, 0);
  const want = world.style.poorRate * scored.length;
  for (const { h, score } of scored) if (!h.splitFrom || h.created === undefined || h.created < START) h.poor = rng.chance(Math.min(0.95, (score / total) * want));
}

export function buildPopulation(world: World): void {
  const rng = world.rng.fork("population");
  const vs = villages(world);
  const totalSize = vs.reduce((t, v) => t + v.size, 0);
  const fam = new Families(world, rng);
  for (const v of vs) {
    const target = Math.max(12, Math.round((world.style.persons * v.size) / totalSize));
    const from = world.persons.length;
    let guard = 0;
    while (countInWindow(world, from) < target * 0.98 && guard++ < 10_000) {
      const founder = v.clan ? day(rng.int(1895, 1925), rng.int(1, 12), rng.int(1, 28)) : v.urban ? day(rng.int(1925, 1960), rng.int(1, 12), rng.int(1, 28)) : day(rng.int(1912, 1950), rng.int(1, 12), rng.int(1, 28));
      fam.lineage(v, founder);
    }
  }
  matchBrides(world, rng, fam);
  for (const p of world.persons) {
    const left = (p as Person & { leftCounty?: boolean }).leftCounty === true;
    p.inData = !left && p.birth <= END && (p.death === undefined || p.death >= START);
  }
  const people = world.persons.slice();
  const state: HouseholdState = { cur: new Int32Array(world.persons.length + 100_000).fill(-1), members: new Map() };
  const housing = new Housing(world, rng, state);
  initialHouseholds(world, rng, housing, people);
  markPoverty(world, rng);
  runWindow(world, rng, housing, people);
  for (const p of world.persons) if (p.inData && p.households.length === 0) p.inData = false;
}

export function describePerson(p: Person): string {
  return `${p.written} (${p.id}, born ${iso(p.birth)})`;
}

/** A household made after the fact (a move, a split, a scheme): a fresh address in the region. */
export function extraHousehold(world: World, rng: Rng, region: number, head: number, created: Day, splitFrom?: number): Household {
  const r = world.regions[region] as Region;
  const town = (world.regions[r.township] as Region).name;
  const address = r.urban ? `${world.style.county}${town}${rng.pick(STREETS)}${rng.int(300, 499)}号${rng.int(1, 30)}栋${rng.int(1, 6)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室` : `${world.style.county}${town}${r.name}${rng.int(1, 12)}组${rng.int(300, 399)}号`;
  const h: Household = { k: world.households.length, id: world.ids.next("h", r.code), region, address, head, splitFrom, created, poor: false, farming: !r.urban, mu: Math.round(rng.logNormal(4, 0.4) * 10) / 10, heads: [[created, head]], members: [head] };
  world.households.push(h);
  return h;
}

/** Moves a person to another household from `date` on, with a household_moves row. */
export function movePerson(world: World, p: Person, to: Household, date: Day): void {
  const from = householdAt(p, date);
  p.households.push([date, to.k]);
  p.households.sort((a, b) => a[0] - b[0]);
  if (!to.members.includes(p.k)) to.members.push(p.k);
  world.moves.push({ person: p.k, household: to.k, date, from });
}

const residenceCache = new WeakMap<World, { key: string; at: Int32Array }>();

/** Region of every person on 2016-01-01 (or at birth), computed once per build phase. */
export function residence(world: World): Int32Array {
  const cached = residenceCache.get(world);
  const key = `${world.persons.length}/${world.moves.length}`;
  if (cached && cached.key === key) return cached.at;
  const at = new Int32Array(world.persons.length);
  for (const p of world.persons) at[p.k] = regionAt(world, p, Math.max(START, p.birth));
  residenceCache.set(world, { key, at });
  return at;
}
