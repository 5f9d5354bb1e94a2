// Village committees and township posts: terms that start and end, incumbents re-elected or not,
// deaths in office, and (from 2021 in some counties) one person as both secretary and director.
import { age, day, type Day } from "./dates.ts";
import { townships, villages } from "./geography.ts";
import type { Person, Post, PostRole, Region, World } from "./model.ts";
import { alive, regionAt, residence } from "./population.ts";

interface Seat {
  role: PostRole;
  title: string;
}

const VILLAGE_SEATS: Seat[] = [
  { role: "party_secretary", title: "村党支部书记" },
  { role: "committee_director", title: "村委会主任" },
  { role: "accountant", title: "村会计" },
];

export function buildCadres(world: World): void {
  const rng = world.rng.fork("cadres");
  const taken = new Set<number>();
  const home = residence(world);
  const byVillage = new Map<number, Person[]>();
  for (const p of world.persons) {
    if (!p.inData) continue;
    const r = home[p.k] as number;
    const list = byVillage.get(r);
    if (list) list.push(p);
    else byVillage.set(r, [p]);
  }
  for (const v of villages(world)) {
    const starts: Day[] = [day(2014, rng.int(9, 12), rng.int(1, 28)), rng.chance(0.6) ? day(2017, rng.int(9, 12), rng.int(1, 28)) : day(2018, rng.int(1, 5), rng.int(1, 28)), day(2021, rng.int(1, 6), rng.int(1, 28))];
    const urban = v.urban;
    const titles: Seat[] = VILLAGE_SEATS.map((s) => (urban ? { ...s, title: s.title.replace("村党支部", "社区党支部").replace("村委会", "居委会").replace("村会计", "社区会计") } : s));
    let previous = new Map<string, number>();
    const residents = (byVillage.get(v.k) ?? []).filter((p) => !p.publicEmployee);
    for (let t = 0; t < starts.length; t++) {
      const start = starts[t] as Day;
      const end = t + 1 < starts.length ? (starts[t + 1] as Day) - 1 : undefined;
      const current = new Map<string, number>();
      const inTerm = new Set<number>();
      const eligible = (p: Person) => alive(p, start) && !inTerm.has(p.k) && age(p.birth, start) >= 27 && age(p.birth, start) <= 62 && regionAt(world, p, start) === v.k && !p.migrant;
      const choose = (seat: Seat, key: string): Person | undefined => {
        const keep = previous.get(key);
        if (keep !== undefined) {
          const p = world.persons[keep] as Person;
          if (alive(p, start) && age(p.birth, start) < 64 && rng.chance(0.65)) return p;
        }
        const pool = residents.filter(eligible);
        if (pool.length === 0) return undefined;
        return rng.weighted(pool, (p) => {
          let w = 1;
          if (seat.role !== "committee_member" && seat.role !== "accountant") w *= p.gender === "M" ? 6 : 1;
          else w *= p.gender === "M" ? 1.5 : 1;
          if (v.clan && v.surnames.includes(p.surname)) w *= 3;
          const a = age(p.birth, start);
          if (a >= 38 && a <= 56) w *= 2;
          if (taken.has(p.k)) w *= 3;
          return w;
        });
      };
      const seats: [Seat, string][] = titles.map((s) => [s, s.role]);
      const members = rng.int(1, 3);
      for (let m = 0; m < members; m++) seats.push([{ role: "committee_member", title: urban ? "居委会委员" : "村委委员" }, `member${m}`]);
      for (const [seat, key] of seats) {
        let holder: Person | undefined;
        if (seat.role === "committee_director" && t === 2 && world.style.oneShoulder) holder = world.persons[current.get("party_secretary") ?? -1];
        holder ??= choose(seat, key);
        if (!holder) continue;
        inTerm.add(holder.k);
        taken.add(holder.k);
        current.set(key, holder.k);
        const died = holder.death !== undefined && (end === undefined || holder.death <= end) ? holder.death : undefined;
        world.posts.push({ person: holder.k, region: v.k, role: seat.role, title: seat.title, start, end: died ?? end });
        if (died !== undefined) {
          const next = residents.filter((p) => alive(p, died + 30) && !inTerm.has(p.k) && age(p.birth, died) >= 27 && age(p.birth, died) <= 62);
          const from = died + rng.int(20, 90);
          if (next.length > 0 && (end === undefined || from < end - 30)) {
            const r = rng.pick(next);
            inTerm.add(r.k);
            current.set(key, r.k);
            world.posts.push({ person: r.k, region: v.k, role: seat.role, title: seat.title, start: from, end: r.death !== undefined && (end === undefined || r.death < end) ? r.death : end });
          }
        }
      }
      previous = current;
    }
  }
  buildTownshipPosts(world, taken, home);
}

const TOWNSHIP_SEATS: [PostRole, string, number, number][] = [
  ["township_official", "党委书记", 2014, 2021],
  ["township_official", "镇长", 2014, 2021],
  ["township_official", "副镇长", 2014, 2021],
  ["township_official", "副镇长", 2014, 2021],
  ["program_officer", "民政办主任", 2014, 2021],
  ["program_officer", "农业服务中心主任", 2014, 2021],
  ["program_officer", "扶贫工作站站长", 2015, 2020],
];

function buildTownshipPosts(world: World, taken: Set<number>, home: Int32Array): void {
  const rng = world.rng.fork("township-posts");
  const seatVillages = new Set(villages(world).filter((v) => v.urban).map((v) => v.k));
  for (const t of townships(world)) {
    const local = villages(world).filter((v) => v.township === t.k);
    const near = new Set([...seatVillages, ...local.filter((v, i) => i === 0 || v.urban).map((v) => v.k)]);
    const pool = world.persons.filter((p) => p.inData && !taken.has(p.k) && !p.migrant && near.has(home[p.k] as number));
    for (const [role, title0, y0, y1] of TOWNSHIP_SEATS) {
      const title = t.name.endsWith("乡") ? title0.replace("镇长", "乡长") : title0;
      let from = day(y0, rng.int(1, 12), rng.int(1, 28));
      const last = day(y1, 12, 31);
      while (from <= last) {
        const cands = pool.filter((p) => !taken.has(p.k) && alive(p, from) && age(p.birth, from) >= 30 && age(p.birth, from) <= 55 && (p.death === undefined || p.death > from + 400));
        if (cands.length === 0) break;
        const p = rng.pick(cands);
        taken.add(p.k);
        p.publicEmployee = true;
        p.employer = `${t.name}人民政府`;
        const span = day(2000 + rng.int(2, 5)) - day(2000);
        const until = from + span;
        const end = until > last ? (y1 < 2021 ? last : undefined) : until;
        world.posts.push({ person: p.k, region: t.k, role, title, start: from, end: p.death !== undefined && (end === undefined || p.death < end) ? p.death : end });
        if (end === undefined) break;
        from = end + rng.int(1, 40);
      }
    }
  }
  // County officers who sign machinery subsidies and large relief.
  const county = world.regions[0] as Region;
  const pool = world.persons.filter((p) => p.inData && !taken.has(p.k) && seatVillages.has(home[p.k] as number) && age(p.birth, day(2016)) >= 32 && age(p.birth, day(2016)) <= 52 && p.death === undefined);
  for (const title of ["县民政局社会救助股股长", "县农业农村局农机站站长", "县住建局村镇股股长"]) {
    const free = pool.filter((q) => !taken.has(q.k));
    if (free.length === 0) break;
    const p = rng.pick(free);
    taken.add(p.k);
    p.publicEmployee = true;
    p.employer = title.slice(0, title.indexOf("局") + 1).replace("县", world.style.county);
    world.posts.push({ person: p.k, region: county.k, role: "program_officer", title, start: day(2013, rng.int(1, 12), 1) });
  }
}

const index = new WeakMap<World, { size: number; byRegion: Map<number, Post[]>; byPerson: Map<number, Post[]> }>();

function postIndex(world: World) {
  let idx = index.get(world);
  if (!idx || idx.size !== world.posts.length) {
    idx = { size: world.posts.length, byRegion: new Map(), byPerson: new Map() };
    for (const p of world.posts) {
      const a = idx.byRegion.get(p.region);
      if (a) a.push(p);
      else idx.byRegion.set(p.region, [p]);
      const b = idx.byPerson.get(p.person);
      if (b) b.push(p);
      else idx.byPerson.set(p.person, [p]);
    }
    index.set(world, idx);
  }
  return idx;
}

/** Posts held in `region` on `at`. */
export function postsAt(world: World, region: number, at: Day, roles?: readonly PostRole[]): Post[] {
  return (postIndex(world).byRegion.get(region) ?? []).filter((p) => p.start <= at && (p.end === undefined || p.end >= at) && (!roles || roles.includes(p.role)));
}

export function holderAt(world: World, region: number, role: PostRole, at: Day, title?: string): Person | undefined {
  const post = postsAt(world, region, at, [role]).find((p) => title === undefined || p.title === title);
  return post === undefined ? undefined : world.persons[post.person];
}

/** Everyone who ever held a post. */
export function cadreSet(world: World): Set<number> {
  return new Set(world.posts.map((p) => p.person));
}

/** Posts a person held, with their regions. */
export function postsOf(world: World, person: number): Post[] {
  return postIndex(world).byPerson.get(person) ?? [];
}

/** True when the person held a post in `region` (or its township) on `at`. */
export function inPostNear(world: World, person: number, region: number, at: Day): boolean {
  const r = world.regions[region] as Region;
  return postsOf(world, person).some((p) => p.start <= at && (p.end === undefined || p.end >= at) && (p.region === region || p.region === r.township || p.region === 0));
}

/** Cadres in post on `at` in a village and in its township (the people a village's money passes). */
export function cadresNear(world: World, region: number, at: Day): Post[] {
  const r = world.regions[region] as Region;
  const out = postsAt(world, region, at);
  if (r.township !== region) out.push(...postsAt(world, r.township, at));
  return out;
}
