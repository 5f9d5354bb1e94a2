// Regions and people: villages grown lineage by lineage (clan villages where brothers' descendants
// fill most households), sons splitting off households at marriage, brides from other villages,
// deaths, migrants, public employees, phones, cards and farmland.
import { County } from "./county.ts";
import { EXPORT_DAY, ageOn, day, yearOf, type Day } from "./dates.ts";
import type { Household, Person, Region } from "./model.ts";
import { MIGRANT_EMPLOYERS, SURNAMES, countyName, generationChar, givenName, townshipName, villageName } from "./names.ts";

const DAY365 = 365;

interface Draft {
  surname: string;
  /** Household whose register number a person id is derived from. */
  origin?: Household;
  /** A wife who may be given parents in another village of the county. */
  localBride?: boolean;
  married?: Day;
}

export class PopulationBuilder {
  private readonly drafts = new Map<Person, Draft>();
  private readonly clanFounders = new Map<Region, Person[]>();
  private clanIndex = 0;

  constructor(private readonly c: County) {}

  build(): void {
    this.regions();
    const weights = this.c.villages.map(() => this.c.rng.float(0.6, 1.5));
    const total = weights.reduce((a, b) => a + b, 0);
    for (const [i, v] of this.c.villages.entries()) this.grow(v, Math.round((this.c.profile.persons * (weights[i] as number)) / total));
    this.localiseBrides();
    this.finish();
  }

  private regions(): void {
    const { c } = this;
    const rng = c.rng;
    const cname = countyName(rng);
    c.county = { id: c.ids.region("county"), name: cname, level: "county" };
    const nTown = c.profile.townships;
    const nVillages = Math.max(nTown * 2, Math.round(c.profile.persons / rng.int(380, 470)));
    const perTown = Array.from({ length: nTown }, () => 2);
    for (let i = nTown * 2; i < nVillages; i++) perTown[rng.int(0, nTown - 1)]!++;
    const names = new Set<string>();
    for (let t = 0; t < nTown; t++) {
      let name = townshipName(rng);
      while (names.has(name)) name = townshipName(rng);
      names.add(name);
      const code = (name.endsWith("镇") ? 100 : 200) + t + 1;
      const town: Region = { id: c.ids.region("township", code), name, level: "township", parent: c.county };
      c.townships.push(town);
      for (let v = 0; v < (perTown[t] as number); v++) {
        const clan = rng.chance(c.profile.clanVillages) ? rng.weighted(SURNAMES) : undefined;
        let vname = villageName(rng, clan);
        while (names.has(vname)) vname = villageName(rng, clan);
        names.add(vname);
        const remote = rng.chance(0.3);
        c.villages.push({
          id: c.ids.region("village", code, (v === 0 ? 1 : 200 + v)),
          name: v === 0 ? vname.replace(/村$/, "社区") : vname,
          level: "village",
          parent: town,
          clan,
          remote,
          forest: remote ? rng.float(6, 30) : rng.chance(0.35) ? rng.float(1, 8) : 0,
          groups: rng.int(4, 11),
          prefix: rng.chance(c.profile.noise.addressPrefix) ? (rng.chance(0.5) ? town.name : `${cname}${town.name}`) : "",
        });
      }
    }
  }

  private newPerson(village: Region, surname: string, male: boolean, born: Day, generation: number, clanChar?: string): Person {
    const rng = this.c.rng;
    const p: Person = {
      id: "",
      name: surname + givenName(rng, male, yearOf(born), clanChar),
      male,
      born,
      idNumber: "",
      village,
      accounts: [],
      publicEmployee: false,
      migrant: false,
      children: [],
      needy: false,
    };
    this.drafts.set(p, { surname });
    this.c.persons.push(p);
    return p;
  }

  private newHousehold(village: Region, splitFrom?: Household, created?: Day): Household {
    const rng = this.c.rng;
    const group = rng.int(1, village.groups ?? 6);
    const h: Household = {
      id: this.c.ids.household(village.id),
      village,
      group,
      address: `${village.prefix ?? ""}${village.name}${group}组${rng.int(1, 60)}号`,
      members: [],
      splitFrom,
      created,
      forest: village.forest ? Math.round(village.forest * rng.float(0.3, 1.7) * 100) / 100 : 0,
    };
    this.c.households.push(h);
    return h;
  }

  private join(p: Person, h: Household, date?: Day, from?: Household): void {
    if (p.household) p.household.members.splice(p.household.members.indexOf(p), 1);
    p.household = h;
    h.members.push(p);
    const d = this.drafts.get(p) as Draft;
    d.origin ??= h;
    if (date !== undefined && yearOf(date) >= 2010) this.c.moves.push({ person: p, household: h, date, from });
  }

  private randomBirth(year: number): Day {
    return day(year, this.c.rng.int(1, 12), this.c.rng.int(1, 28));
  }

  private otherSurname(not?: string): string {
    for (;;) {
      const s = this.c.rng.weighted(SURNAMES);
      if (s !== not) return s;
    }
  }

  private grow(v: Region, target: number): void {
    const { rng } = this.c;
    let count = 0;
    while (count < target) {
      const clan = v.clan !== undefined && rng.chance(this.c.profile.clanDensity);
      const surname = clan ? (v.clan as string) : this.otherSurname(v.clan);
      const brothers: Person[] = [];
      const nBrothers = clan ? rng.int(2, 4) : rng.int(1, 3);
      let year = rng.int(1926, 1950);
      const clanId = this.clanIndex;
      for (let b = 0; b < nBrothers; b++) {
        const man = this.newPerson(v, surname, true, this.randomBirth(year), 0, clan ? generationChar(clanId, 0) : undefined);
        const wife = this.newPerson(v, this.otherSurname(surname), false, this.randomBirth(year + rng.int(-1, 4)), 0);
        this.marry(man, wife, man.born + rng.int(21, 27) * DAY365);
        const h = this.newHousehold(v);
        this.join(man, h);
        this.join(wife, h);
        brothers.push(man);
        count += 2 + this.descendants(man, wife, h, 1, clan ? clanId : -1);
        year += rng.int(2, 5);
      }
      for (let i = 0; i < brothers.length; i++) for (let j = i + 1; j < brothers.length; j++) this.c.kin.push({ person: brothers[i] as Person, relative: brothers[j] as Person, relation: "sibling" });
      if (clan) {
        const earlier = this.clanFounders.get(v) ?? [];
        if (earlier.length > 0 && rng.chance(0.75)) this.c.kin.push({ person: brothers[0] as Person, relative: rng.pick(earlier), relation: "cousin" });
        earlier.push(...brothers);
        this.clanFounders.set(v, earlier);
      }
    }
    this.clanIndex += 1;
  }

  private marry(husband: Person, wife: Person, on: Day): void {
    husband.spouse = wife;
    wife.spouse = husband;
    husband.married = on;
    wife.married = on;
    (this.drafts.get(husband) as Draft).married = on;
    (this.drafts.get(wife) as Draft).married = on;
  }

  /** Children of a couple and, recursively, their families; returns the number of people exported. */
  private descendants(father: Person, mother: Person, home: Household, generation: number, clanId: number): number {
    const { rng } = this.c;
    const my = yearOf(mother.born);
    const n = my < 1955 ? rng.int(3, 5) : my < 1972 ? rng.int(2, 4) : my < 1988 ? rng.int(1, 3) : rng.int(0, 2);
    let count = 0;
    let at = mother.born + rng.int(21, 26) * DAY365;
    const kids: Person[] = [];
    for (let i = 0; i < n && at < EXPORT_DAY - 60; i++) {
      const male = rng.chance(0.53);
      const surname = (this.drafts.get(father) as Draft).surname;
      const kid = this.newPerson(home.village, surname, male, at, generation, clanId >= 0 ? generationChar(clanId, generation) : undefined);
      kid.father = father;
      kid.mother = mother;
      father.children.push(kid);
      mother.children.push(kid);
      this.join(kid, home, yearOf(at) >= 2010 ? at : undefined);
      kids.push(kid);
      at += rng.int(1, 4) * DAY365 + rng.int(0, 300);
    }
    const sons = kids.filter((k) => k.male);
    const stays = sons[sons.length - 1];
    for (const kid of kids) {
      count++;
      const age = ageOn(kid.born, EXPORT_DAY);
      if (kid.male) {
        if (age >= 23 && rng.chance(Math.min(0.92, 0.35 + (age - 22) * 0.1))) {
          const married = kid.born + rng.int(22, Math.min(30, age)) * DAY365 + rng.int(0, 300);
          const wife = this.newPerson(home.village, this.otherSurname((this.drafts.get(kid) as Draft).surname), false, kid.born + rng.int(-4, 2) * DAY365 + rng.int(0, 300), generation);
          (this.drafts.get(wife) as Draft).localBride = rng.chance(0.6);
          this.marry(kid, wife, married);
          let h = home;
          if (kid !== stays) {
            const created = married + rng.int(0, 500);
            h = this.newHousehold(home.village, home, yearOf(created) >= 2000 || rng.chance(0.3) ? created : undefined);
            this.join(kid, h, created, home);
          }
          this.join(wife, h, married);
          count += 1 + this.descendants(kid, wife, h, generation + 1, clanId);
        }
      } else if (age >= 24 && rng.chance(0.8)) {
        // Married out of the county: no longer in its register.
        kid.gone = true;
        count--;
        home.members.splice(home.members.indexOf(kid), 1);
        kid.household = undefined;
      }
    }
    return count;
  }

  /** Gives most wives parents in another village of the county, so that marriages tie villages. */
  private localiseBrides(): void {
    const { rng } = this.c;
    const byYear = new Map<number, Person[]>();
    for (const p of this.c.persons) {
      if (!p.male || !p.spouse || p.gone) continue;
      const y = yearOf(p.born);
      const list = byYear.get(y) ?? [];
      list.push(p);
      byYear.set(y, list);
    }
    for (const wife of this.c.persons) {
      const d = this.drafts.get(wife) as Draft;
      if (!d.localBride || wife.father) continue;
      const targetYear = yearOf(wife.born) - rng.int(22, 32);
      const husbandSurname = this.drafts.get(wife.spouse as Person)?.surname;
      const candidates = (byYear.get(targetYear) ?? []).filter((f) => f.village !== wife.village && this.drafts.get(f)?.surname !== husbandSurname && f.children.length < 6);
      if (candidates.length === 0) continue;
      const father = rng.pick(candidates);
      wife.father = father;
      wife.mother = father.spouse;
      father.children.push(wife);
      father.spouse?.children.push(wife);
      const surname = (this.drafts.get(father) as Draft).surname;
      d.surname = surname;
      wife.name = surname + wife.name.slice(wife.name.length - (wife.name.length > 2 ? 2 : 1));
      const move = this.c.moves.find((m) => m.person === wife);
      if (move) move.from = father.household;
    }
  }

  /** Deaths, heads, ids, contacts, cards, jobs, land. */
  private finish(): void {
    const { c } = this;
    const { rng } = c;
    const people = c.persons.filter((p) => !p.gone);
    for (const p of people) {
      const age = ageOn(p.born, EXPORT_DAY);
      const risk = age < 55 ? 0.01 : age < 70 ? 0.08 : age < 80 ? 0.3 : age < 90 ? 0.6 : 0.9;
      if (rng.chance(risk)) {
        const from = Math.max(p.born + 50 * DAY365, day(2008, 1, 1));
        if (from < EXPORT_DAY - 40) p.died = rng.int(from, EXPORT_DAY - 40);
      }
    }
    // Ids need the register number of the household each person was first entered in.
    for (const h of c.households) {
      const alive = h.members.filter((m) => m.died === undefined);
      const men = alive.filter((m) => m.male).sort((a, b) => a.born - b.born);
      h.head = men[0] ?? alive.sort((a, b) => a.born - b.born)[0] ?? h.members[0];
    }
    for (const p of people) {
      const d = this.drafts.get(p) as Draft;
      p.idNumber = c.ids.residentNumber(p.born, p.male, p.father !== undefined || rng.chance(0.4));
      p.id = c.ids.person(p.idNumber, (d.origin ?? (p.household as Household)).id);
    }
    for (const p of people) this.contacts(p);
    // Elderly people give a child's phone.
    for (const p of people) {
      if (ageOn(p.born, EXPORT_DAY) >= 72 && rng.chance(0.45)) {
        const child = p.children.find((k) => !k.gone && k.phone);
        if (child) p.phone = child.phone;
      }
    }
    this.jobs(people);
    for (const h of c.households) {
      const head = h.head;
      if (head) head.land = Math.round(rng.float(1.2, h.village.remote ? 6 : 12) * 100) / 100;
      // Poor households: elderly alone, illness, disability.
      const alive = h.members.filter((m) => m.died === undefined);
      const old = alive.every((m) => ageOn(m.born, EXPORT_DAY) >= 65);
      if (alive.length > 0 && rng.chance(old ? 0.3 : alive.length <= 2 ? 0.06 : 0.03)) for (const m of alive) m.needy = true;
    }
  }

  private contacts(p: Person): void {
    const { c } = this;
    const { rng, profile } = c;
    const age = ageOn(p.born, EXPORT_DAY);
    if (age >= 16 && age <= 78 && !rng.chance(profile.noise.phoneMissing)) p.phone = `1${rng.pick(["3", "5", "8", "8", "9", "7"])}${rng.digits(9)}`;
    const h = p.household;
    if (h) p.address = h.address;
    if (age >= 18) {
      if (rng.chance(0.85)) p.accounts.push(c.openAccount(p, age >= 55 && rng.chance(0.5) ? "old" : "card", rng.pick(["农村信用合作联社", "中国邮政储蓄银行", "中国农业银行", "中国建设银行"]), this.randomBirth(rng.int(Math.max(yearOf(p.born) + 18, 2000), 2015))));
      if ((h?.head === p || age >= 60) && rng.chance(0.75)) {
        p.subsidyCard = c.openAccount(p, "social", "农村信用合作联社", this.randomBirth(rng.int(2010, 2016)));
      }
    }
    p.ethnicity = rng.chance(0.9) ? "汉族" : rng.pick(["苗族", "土家族", "瑶族", "侗族"]);
    const by = yearOf(p.born);
    p.education = by < 1955 ? rng.pick(["小学", "文盲或半文盲", "小学"]) : by < 1975 ? rng.pick(["初中", "小学", "高中"]) : rng.pick(["初中", "高中", "中专", "大专", "本科"]);
  }

  private jobs(people: Person[]): void {
    const { c } = this;
    const { rng, profile } = c;
    for (const p of people) {
      if (p.died !== undefined) continue;
      const age = ageOn(p.born, EXPORT_DAY);
      if (age >= 22 && age <= 59 && (p.education === "大专" || p.education === "本科" || p.education === "中专") && rng.chance(0.22)) {
        p.publicEmployee = true;
        const town = p.village.parent as Region;
        p.employer = rng.pick([`${town.name}中心小学`, `${town.name}卫生院`, `${town.name}人民政府`, `${c.county.name}人民医院`, `${c.county.name}第一中学`, `${c.county.name}自然资源局`, `${town.name}中学`]);
      } else if (age >= 18 && age <= 50 && rng.chance(profile.migrantShare * 1.4)) {
        p.migrant = true;
        p.employer = rng.pick(MIGRANT_EMPLOYERS);
      }
    }
  }
}

export function buildPopulation(c: County): void {
  new PopulationBuilder(c).build();
}
