// Households and persons of one township: patrilineal family trees from founders born 1926-1958,
// marriages (brides from other lineages of the township or from outside), births, deaths (Gompertz),
// households that split when sons marry, and the moves those events cause during 2016-2021.
import type { Rng } from "./rng.ts";
import { NEVER, W0, W1, ageOn, day, yearOf, years, type Day } from "./dates.ts";
import { pickGivenName, pickSurname } from "./names.ts";
import { SHANXI_CODES } from "./idnumber.ts";
import type { VillagePlan } from "./geography.ts";
import type { Household, Person } from "./model.ts";
import { inWindow, type TownshipState } from "./world.ts";
import { describePersons } from "./describe.ts";
import { assignLivelihoods } from "./livelihoods.ts";

// Gompertz mortality: hazard B·e^(C·age); median age at death ≈ 77.
const B = Math.exp(-10.2);
const C = 0.094;

function sampleDeath(rng: Rng, birth: Day, minAge: number): Day {
  const logS0 = -(B / C) * (Math.exp(C * minAge) - 1);
  const logS = logS0 + Math.log(1 - rng.next());
  const age = Math.log(1 - (C / B) * logS) / C;
  const d = birth + Math.round(age * 365.2425);
  return d > NEVER ? NEVER : d;
}

const enum Ev { Found = 0, Marry = 1, Birth = 2, Split = 3 }

interface Event {
  day: Day;
  type: Ev;
  seq: number;
  person: Person;
}

class Builder {
  readonly events: Event[] = [];
  private readonly pool = new Map<number, Person[]>();
  private seq = 0;
  private readonly addrCounters = new Map<string, number>();
  private readonly compound = new Map<string, string>();
  /** Persons already counted towards a village's size (a local bride is counted once, not twice). */
  private readonly counted = new Set<Person>();

  count(p: Person): number {
    if (!inWindow(p) || this.counted.has(p)) return 0;
    this.counted.add(p);
    return 1;
  }

  /** The clan of a clan village still founding lineages: its progenitor and the brothers left to come. */
  private readonly clans = new Map<string, { father: Person; lineage: number; left: number; next: Day; last: Day }>();

  constructor(readonly tw: TownshipState, readonly rng: Rng) {}

  event(d: Day, type: Ev, person: Person): void {
    this.events.push({ day: d, type, seq: this.seq++, person });
  }

  person(gender: "M" | "F", birth: Day, surname: string, village: VillagePlan, lineage: number, codeIndex: number, minAge: number): Person {
    const p: Person = {
      idx: this.tw.persons.length, id: "", surname, given: pickGivenName(this.rng, gender, yearOf(birth)), nameText: "", gender, birth,
      death: sampleDeath(this.rng, birth, minAge), father: undefined, mother: undefined, spouse: undefined, children: [],
      lineage, village, codeIndex, marriage: undefined, splitDay: undefined, marriedOut: false, inBridePool: false,
      emitted: false, hh: undefined, hhSince: birth, idNumber: "", phone: "", phoneText: "", addressText: "",
      account: undefined, bankAccountText: "", publicEmployee: false, employer: "", cadre: false, officer: false,
      assetOwner: false, excluded: false, kinOf: undefined, helped: undefined, programs: undefined,
    };
    this.tw.persons.push(p);
    return p;
  }

  /** A bride from an earlier lineage of this township, or undefined. */
  takeBride(groom: Person, md: Day): Person | undefined {
    const y = yearOf(groom.birth);
    const offsets = this.rng.shuffle([-1, 0, 1, 2, 3, 4, 5, 6]);
    for (const o of offsets) {
      const bucket = this.pool.get(y + o);
      if (bucket === undefined) continue;
      for (let i = 0; i < bucket.length; i++) {
        const b = bucket[i] as Person;
        if (b.lineage === groom.lineage || b.death <= md || ageOn(b.birth, md) < 19) continue;
        bucket[i] = bucket[bucket.length - 1] as Person;
        bucket.pop();
        b.inBridePool = false;
        return b;
      }
    }
    return undefined;
  }

  offerBride(p: Person): void {
    const y = yearOf(p.birth);
    let bucket = this.pool.get(y);
    if (bucket === undefined) this.pool.set(y, (bucket = []));
    bucket.push(p);
    p.inBridePool = true;
  }

  leftoverBrides(): Person[] {
    const out: Person[] = [];
    for (const bucket of this.pool.values()) out.push(...bucket);
    return out.sort((a, b) => a.idx - b.idx);
  }

  marry(groom: Person, md: Day): Person {
    const rng = this.rng;
    let wife = rng.chance(this.tw.county.style.localBrides) ? this.takeBride(groom, md) : undefined;
    if (wife === undefined) {
      const county = this.tw.county.plan.codeIndex;
      const code = rng.chance(0.65) ? county : rng.int(10, SHANXI_CODES.length - 1);
      let birth = groom.birth + Math.round(rng.float(-2, 6) * 365.2425);
      birth = Math.min(birth, md - years(19) - rng.int(0, 300));
      wife = this.person("F", birth, pickSurname(rng), groom.village, -1, code, 45);
    }
    wife.spouse = groom;
    groom.spouse = wife;
    wife.marriage = md;
    groom.marriage = md;
    if (wife.death <= md) wife.death = md + years(rng.float(20, 50));
    if (groom.death <= md) groom.death = md + years(rng.float(20, 50));
    this.event(md, Ev.Marry, wife);
    return wife;
  }

  /** One lineage: a founder couple and their descendants. Returns persons it adds to the village. */
  lineage(v: VillagePlan, lineage: number): number {
    const rng = this.rng;
    const code = this.tw.county.plan.codeIndex;
    let founder: Person;
    if (v.clan) {
      founder = this.clanFounder(v, lineage);
    } else {
      const surname = v.clans.length === 0 ? pickSurname(rng)
        : rng.chance(0.5) ? (v.clans[0] as string) : rng.chance(0.3) && v.clans[1] !== undefined ? v.clans[1] : pickSurname(rng);
      founder = this.person("M", day(1926, 1, 1) + rng.int(0, years(32)), surname, v, lineage, code, 45);
    }
    const md = founder.birth + years(rng.int(21, 28)) + rng.int(0, 364);
    const wife = this.marry(founder, md);
    this.event(md, Ev.Found, founder);
    return this.count(founder) + this.count(wife) + this.family(founder, wife);
  }

  /**
   * In a clan village, founders are brothers: sons of a progenitor who died before 2016 (not in the
   * data), so their families are cousins on the register. A clan never marries within itself.
   */
  private clanFounder(v: VillagePlan, lineage: number): Person {
    const rng = this.rng;
    const code = this.tw.county.plan.codeIndex;
    let clan = this.clans.get(v.id);
    if (clan === undefined || clan.left <= 0 || clan.next > clan.last) {
      const first = clan === undefined || rng.chance(0.6) ? v.clans[0] : undefined;
      const surname = first ?? (rng.chance(0.5) && v.clans[1] !== undefined ? v.clans[1] : pickSurname(rng));
      const birth = day(1895, 1, 1) + rng.int(0, years(30));
      const father = this.person("M", birth, surname, v, lineage, code, 60);
      father.death = Math.min(birth + years(rng.float(62, 88)), day(2015, 6, 1));
      const [lo, hi] = this.tw.county.style.clanBrothers;
      clan = {
        father, lineage, left: rng.int(lo, hi), next: Math.max(day(1926, 1, 1), birth + years(22)) + rng.int(0, years(3)),
        last: Math.min(birth + years(46), day(1958, 12, 31), father.death),
      };
      this.clans.set(v.id, clan);
    }
    const founder = this.person("M", clan.next, clan.father.surname, v, clan.lineage, code, 45);
    founder.father = clan.father;
    clan.father.children.push(founder);
    clan.left--;
    clan.next += rng.int(500, 1500);
    return founder;
  }

  private kidsFor(motherYear: number): number {
    const rng = this.rng;
    if (motherYear < 1940) return rng.int(3, 6);
    if (motherYear < 1955) return rng.int(2, 5);
    if (motherYear < 1965) return rng.weighted([1, 2, 3, 4], [1, 4, 4, 1]);
    if (motherYear < 1980) return rng.weighted([1, 2, 3], [3, 6, 1]);
    if (motherYear < 1995) return rng.weighted([0, 1, 2, 3], [0.5, 4, 4, 0.5]);
    return rng.weighted([0, 1, 2], [2, 5, 3]);
  }

  private family(husband: Person, wife: Person): number {
    const rng = this.rng;
    let counted = 0;
    const md = husband.marriage as Day;
    const n = this.kidsFor(yearOf(wife.birth));
    let t = md + rng.int(280, 900);
    const kids: Person[] = [];
    for (let i = 0; i < n; i++) {
      if (t > W1 || ageOn(wife.birth, t) > 42 || wife.death <= t) break;
      const gender = rng.chance(0.515) ? "M" : "F";
      const child = this.person(gender, t, husband.surname, husband.village, husband.lineage, husband.codeIndex, 0);
      child.father = husband;
      child.mother = wife;
      husband.children.push(child);
      wife.children.push(child);
      kids.push(child);
      this.event(t, Ev.Birth, child);
      t += rng.int(450, 1500);
    }
    const marriedSons: Person[] = [];
    for (const child of kids) {
      if (child.gender === "M") {
        counted += this.count(child);
        const marries = rng.chance(yearOf(child.birth) < 1965 ? 0.88 : 0.9);
        const mday = child.birth + years(Math.round((rng.int(22, 30) + rng.int(22, 30)) / 2)) + rng.int(0, 364);
        if (marries && mday <= W1 && child.death > mday) {
          const w = this.marry(child, mday);
          counted += this.count(w);
          marriedSons.push(child);
          counted += this.family(child, w);
        } else if (rng.chance(0.35)) {
          // Some bachelors set up their own household in middle age.
          const s = child.birth + years(rng.int(35, 50));
          if (s <= W1 && s < child.death) {
            child.splitDay = s;
            this.event(s, Ev.Split, child);
          }
        }
      } else {
        const mday = child.birth + years(Math.round((rng.int(19, 27) + rng.int(19, 27)) / 2)) + rng.int(0, 364);
        if (rng.chance(0.97) && mday <= W1 && child.death > mday) {
          child.marriage = mday; // tentative: she may marry a groom of another lineage here, or leave
          this.offerBride(child);
          if (mday >= W0) counted += this.count(child);
        } else counted += this.count(child);
      }
    }
    // The youngest married son often stays with the parents (stem family); the others split off.
    const stem = marriedSons.length > 0 && rng.chance(0.4) ? marriedSons[marriedSons.length - 1] : undefined;
    for (const s of marriedSons) {
      if (s === stem) continue;
      const sd = (s.marriage as Day) + (rng.chance(0.4) ? 0 : rng.int(120, years(5)));
      if (sd <= W1 && sd < s.death) {
        s.splitDay = sd;
        this.event(sd, Ev.Split, s);
      }
    }
    return counted;
  }

  newHousehold(v: VillagePlan, created: Day, splitFrom: Household | undefined, founder: Person): Household {
    const n = this.addrCounters.get(v.id) ?? 0;
    this.addrCounters.set(v.id, n + 1);
    let address: string;
    if (v.community) {
      let c = this.compound.get(v.id);
      if (c === undefined) {
        c = v.name.slice(0, 2) + this.rng.pick(["花园", "小区", "苑", "家园", "新村", "佳苑"]);
        this.compound.set(v.id, c);
      }
      address = `${v.fullName}${c}${1 + Math.floor(n / 24)}号楼${1 + Math.floor((n % 24) / 12)}单元${1 + Math.floor((n % 12) / 2)}0${(n % 2) + 1}室`;
    } else {
      address = `${v.fullName}${1 + Math.floor(n / 35)}组${(n % 35) + 1}号`;
    }
    const h: Household = {
      idx: this.tw.households.length, id: "", village: v, address, addressText: "", created, splitFrom, founder,
      members: [], head: undefined, poor: false, dibao: false, farms: false, emitted: false,
    };
    this.tw.households.push(h);
    return h;
  }

  private join(p: Person, h: Household, d: Day): void {
    p.hh = h;
    p.hhSince = d;
    h.members.push(p);
    if (d >= W0 && p.emitted) h.emitted = true;
  }

  /** Replays founding, marriages, births and splits in date order; records the moves of 2016-2021. */
  simulate(): void {
    const tw = this.tw;
    this.events.sort((a, b) => a.day - b.day || a.type - b.type || a.seq - b.seq);
    let snapped = false;
    const snapshot = (): void => {
      for (const p of tw.persons) if (p.emitted && p.hh !== undefined) p.hh.emitted = true;
      snapped = true;
    };
    for (const ev of this.events) {
      if (!snapped && ev.day >= W0) snapshot();
      const p = ev.person;
      switch (ev.type) {
        case Ev.Found:
          this.join(p, this.newHousehold(p.village, ev.day, undefined, p), ev.day);
          break;
        case Ev.Marry: {
          const groom = p.spouse as Person;
          const to = groom.hh;
          if (to === undefined) break;
          const from = p.hh;
          this.join(p, to, ev.day);
          if (ev.day >= W0 && p.emitted) tw.moves.push({ person: p, to, day: ev.day, from });
          break;
        }
        case Ev.Birth: {
          const h = (p.mother as Person).hh;
          if (h !== undefined) this.join(p, h, ev.day);
          break;
        }
        case Ev.Split: {
          const from = p.hh;
          if (from === undefined || p.death <= ev.day) break;
          const h = this.newHousehold(from.village, ev.day, from, p);
          const movers = [p];
          const sp = p.spouse;
          if (sp !== undefined && sp.hh === from && sp.death > ev.day) movers.push(sp);
          for (const c of p.children) {
            if (c.hh === from && c.death > ev.day && (c.marriage === undefined || c.marriage > ev.day)) movers.push(c);
          }
          for (const m of movers) {
            this.join(m, h, ev.day);
            if (ev.day >= W0 && m.emitted) tw.moves.push({ person: m, to: h, day: ev.day, from });
          }
          break;
        }
      }
    }
    if (!snapped) snapshot();
  }
}

/** Builds the township's people and households, decides who is in the data, and assigns ids. */
export function buildPopulation(tw: TownshipState): void {
  const rng = tw.rng.fork("population");
  const b = new Builder(tw, rng);
  let lineage = 0;
  for (const v of tw.villages) {
    let count = 0;
    while (count < v.targetPop) count += b.lineage(v, lineage++);
  }
  // Daughters who found no groom here married out of the township: gone before 2016, or still
  // registered at home if they married later.
  for (const d of b.leftoverBrides()) {
    d.inBridePool = false;
    if ((d.marriage as Day) < W0) d.marriedOut = true;
    d.marriage = undefined;
  }
  for (const p of tw.persons) p.emitted = !p.marriedOut && inWindow(p);
  b.simulate();

  // Heads: the founder while alive and present, else the oldest living man, else the oldest member.
  const finalMembers = new Map<Household, Person[]>();
  for (const p of tw.persons) {
    if (!p.emitted || p.hh === undefined) continue;
    let list = finalMembers.get(p.hh);
    if (list === undefined) finalMembers.set(p.hh, (list = []));
    list.push(p);
  }
  for (const h of tw.households) {
    if (!h.emitted) continue;
    const members = finalMembers.get(h) ?? [];
    const living = members.filter((m) => m.death > W1);
    const founder = h.founder;
    if (founder.emitted && founder.hh === h && founder.death > W1) h.head = founder;
    else h.head = living.find((m) => m.gender === "M" && ageOn(m.birth, W1) >= 18) ?? living[0] ?? members[0]
      ?? h.members.find((m) => m.emitted);
  }

  // Ids in creation order: deterministic.
  const ids = tw.run.ids;
  for (const h of tw.households) if (h.emitted) h.id = ids.next("H", 7);
  tw.emitted = tw.persons.filter((p) => p.emitted);
  for (const p of tw.emitted) {
    p.id = ids.next("P", 7);
    tw.byId.set(p.id, p);
    const v = (p.hh as Household).village.id;
    let list = tw.residents.get(v);
    if (list === undefined) tw.residents.set(v, (list = []));
    list.push(p);
  }
  describePersons(tw, rng.fork("describe"));
  assignLivelihoods(tw, rng.fork("livelihood"));
}
