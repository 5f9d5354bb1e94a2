// Village cadres elected for the terms that began around the 2014/15, 2018 and 2021 elections
// (some re-elected, one person often holding secretary and director after 2021), group leaders, and
// township officials and programme officers who rotate every few years.
import type { County } from "./county.ts";
import { EXPORT_DAY, ageOn, day, type Day } from "./dates.ts";
import type { Person, Post, PostRole } from "./model.ts";

type Slot = { role: PostRole; title: string; female?: boolean };

const VILLAGE_SLOTS: Slot[] = [
  { role: "party_secretary", title: "党支部书记" },
  { role: "committee_director", title: "村委会主任" },
  { role: "committee_member", title: "村委委员" },
  { role: "committee_member", title: "妇女主任", female: true },
  { role: "committee_member", title: "治保主任" },
  { role: "accountant", title: "报账员" },
];

const TOWNSHIP_SLOTS: Slot[] = [
  { role: "township_official", title: "党委书记" },
  { role: "township_official", title: "镇长" },
  { role: "township_official", title: "副镇长" },
  { role: "township_official", title: "副镇长（分管民政）" },
  { role: "township_official", title: "纪委书记" },
  { role: "program_officer", title: "民政办主任" },
  { role: "program_officer", title: "农业综合服务中心主任" },
  { role: "program_officer", title: "扶贫工作站站长" },
];

function aliveThrough(p: Person, until: Day): boolean {
  return p.died === undefined || p.died > until;
}

export function buildCadres(c: County): void {
  const { rng, profile } = c;
  const rows: Post[] = [];
  for (const v of c.villages) {
    const people = c.persons.filter((p) => p.village === v && !p.gone && !p.migrant && !p.publicEmployee);
    const starts: Day[] = [
      rng.chance(0.5) ? day(2014, rng.int(10, 12), rng.int(1, 28)) : day(2015, rng.int(1, 4), rng.int(1, 28)),
      day(2018, profile.election2018, rng.int(1, 28)),
      day(2021, profile.election2021, rng.int(1, 28)),
    ];
    const current = new Map<number, Person>();
    const slots = rng.chance(0.5) ? VILLAGE_SLOTS : VILLAGE_SLOTS.filter((s) => s.title !== "治保主任");
    for (let t = 0; t < 3; t++) {
      const start = starts[t] as Day;
      const end = t < 2 ? (starts[t + 1] as Day) - 1 : undefined;
      const inTerm = new Set<Person>();
      let secretary: Person | undefined;
      for (const [i, slot] of slots.entries()) {
        let holder: Person | undefined;
        const prev = current.get(i);
        if (prev && aliveThrough(prev, end ?? EXPORT_DAY) && ageOn(prev.born, start) < 64 && rng.chance(0.55)) holder = prev;
        if (t === 2 && slot.role === "committee_director" && secretary && rng.chance(profile.oneShoulder)) holder = secretary;
        if (!holder) {
          const wantClan = v.clan && (slot.role === "party_secretary" || slot.role === "committee_director") && rng.chance(0.85);
          const pool = people.filter(
            (p) =>
              !inTerm.has(p) &&
              (slot.female ? !p.male : slot.role === "accountant" ? true : p.male) &&
              ageOn(p.born, start) >= (slot.role === "accountant" ? 26 : 32) &&
              ageOn(p.born, start) <= 58 &&
              aliveThrough(p, end ?? EXPORT_DAY) &&
              (!wantClan || p.name.startsWith(v.clan as string)),
          );
          if (pool.length === 0) continue;
          holder = rng.pick(pool);
        }
        inTerm.add(holder);
        current.set(i, holder);
        if (slot.role === "party_secretary") secretary = holder;
        rows.push({ person: holder, region: v, role: slot.role, title: slot.title, start, end });
      }
    }
    // Group leaders (村民小组长) serve long spells.
    const leaders = rng.sample(people.filter((p) => p.male && ageOn(p.born, day(2016, 1, 1)) >= 35 && ageOn(p.born, day(2016, 1, 1)) <= 65 && aliveThrough(p, EXPORT_DAY)), rng.int(1, 3));
    for (const p of leaders) rows.push({ person: p, region: v, role: "other", title: `${rng.int(1, v.groups ?? 5)}组组长`, start: day(rng.int(2008, 2017), rng.int(1, 12), 1) });
  }
  // Township posts rotate; holders are public employees who live anywhere in the county.
  const staffPool = c.persons.filter((p) => !p.gone && !p.migrant && p.died === undefined && ageOn(p.born, day(2016, 1, 1)) >= 28 && ageOn(p.born, day(2016, 1, 1)) <= 52);
  const used = new Set<Person>(rows.map((r) => r.person));
  for (const town of c.townships) {
    for (const slot of TOWNSHIP_SLOTS) {
      let at = day(2013, rng.int(1, 12), rng.int(1, 28));
      while (at < EXPORT_DAY) {
        const tenure = rng.int(2 * 365, 5 * 365);
        const end = at + tenure < EXPORT_DAY ? at + tenure : undefined;
        let p: Person | undefined;
        for (let k = 0; k < 50 && !p; k++) {
          const x = rng.pick(staffPool);
          if (!used.has(x)) p = x;
        }
        if (!p) break;
        used.add(p);
        p.publicEmployee = true;
        p.migrant = false;
        p.employer = `${town.name}人民政府`;
        rows.push({ person: p, region: town, role: slot.role, title: slot.title, start: at, end });
        if (end === undefined) break;
        at = end + 1;
      }
    }
  }
  c.posts.push(...rows);
}

/** Posts as the export writes them: one row per term, or consecutive terms merged. */
export function exportedPosts(c: County): Post[] {
  if (c.profile.posts === "per_term") return c.posts;
  const out: Post[] = [];
  for (const p of c.posts) {
    const prev = out.find((o) => o.person === p.person && o.role === p.role && o.region === p.region && o.end !== undefined && o.end + 1 === p.start);
    if (prev) prev.end = p.end;
    else out.push({ ...p });
  }
  return out;
}
