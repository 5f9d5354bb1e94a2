// Posts and terms: village party secretaries, committee directors and members, accountants (elected in
// 2014, 2017 and 2021 in Shanxi), township officials and county program officers; then the set of
// cadres and cadres' relatives that background grants, firms and payments keep clear of.
import type { Rng } from "./rng.ts";
import { W0, W1, ageOn, day, years, type Day } from "./dates.ts";
import type { PostRole } from "./contract.ts";
import type { VillagePlan } from "./geography.ts";
import type { Person, Post } from "./model.ts";
import { refOf, type TownshipState } from "./world.ts";
import { extendedBloodOf } from "./kinship.ts";

interface Segment {
  start: Day;
  end: Day | undefined;
  holder: Person;
}

type Picker = (from: Day, to: Day) => Person | undefined;

/** Election days of one village: the terms that cover 2016-2021. */
function villageTerms(rng: Rng): [Day, Day | undefined][] {
  const e1 = day(2014, 10, 15) + rng.int(0, 60);
  const e2 = day(2017, 10, 20) + rng.int(0, 70);
  const e3 = day(2020, 12, 20) + rng.int(0, 90);
  return [[e1, e2 - 1], [e2, e3 - 1], [e3, undefined]];
}

/** Holders of one seat across terms: incumbents often re-elected, replaced when they die. */
function seat(rng: Rng, terms: [Day, Day | undefined][], pick: Picker, keep: number, forced?: (Person | undefined)[]): Segment[] {
  const segs: Segment[] = [];
  let current: Person | undefined;
  for (let k = 0; k < terms.length; k++) {
    const [ts, te] = terms[k] as [Day, Day | undefined];
    const end = te ?? W1;
    const f = forced?.[k];
    if (f !== undefined) current = f;
    else if (current === undefined || !rng.chance(keep) || current.death <= ts + 30) current = pick(ts, end);
    let start = ts;
    while (current !== undefined) {
      if (current.death <= end) {
        segs.push({ start, end: current.death - 1, holder: current });
        start = current.death + rng.int(20, 90);
        if (start > end) {
          current = undefined;
          break;
        }
        current = pick(start, end);
        continue;
      }
      segs.push({ start, end: te, holder: current });
      break;
    }
  }
  // Merge consecutive terms of one holder into one post.
  const merged: Segment[] = [];
  for (const s of segs) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.holder === s.holder && last.end !== undefined && s.start - last.end <= 1) last.end = s.end;
    else merged.push({ ...s });
  }
  return merged;
}

function addSegments(tw: TownshipState, segs: Segment[], regionId: string, role: PostRole, title: string, field?: Post["field"]): void {
  for (const s of segs) {
    tw.addPost({ ref: refOf(s.holder), person: s.holder, regionId, role, title, start: s.start, end: s.end, field });
  }
}

export function assignCadres(tw: TownshipState): void {
  const rng = tw.rng.fork("cadres");
  const busy = new Set<Person>();
  const candidatePicker = (pool: Person[], gender: "M" | "F" | "any", minAge: number, maxAge: number): Picker => (from, to) => {
    const ok = (p: Person, strictGender: boolean): boolean =>
      !busy.has(p) && !p.publicEmployee && !(p.hh?.poor ?? false) && p.death > to && p.birth < from
      && ageOn(p.birth, from) >= minAge && ageOn(p.birth, from) <= maxAge && (!strictGender || gender === "any" || p.gender === gender)
      && p.hhSince <= Math.max(from, W0);
    for (let i = 0; i < 60; i++) {
      const p = rng.pick(pool);
      if (ok(p, true)) {
        busy.add(p);
        return p;
      }
    }
    const found = pool.find((p) => ok(p, false));
    if (found !== undefined) busy.add(found);
    return found;
  };

  for (const v of tw.villages) {
    const pool = tw.residentsOf(v);
    if (pool.length === 0) continue;
    const terms = villageTerms(rng);
    const early = rng.chance(0.5) ? years(rng.pick([3, 6])) : 0;
    const t0 = terms[0] as [Day, Day | undefined];
    const firstTerms: [Day, Day | undefined][] = [[t0[0] - early, t0[1]], ...terms.slice(1)];
    const c = v.community;
    const secretary = seat(rng, firstTerms, candidatePicker(pool, "M", 35, 62), 0.7);
    addSegments(tw, secretary, v.id, "party_secretary", c ? "社区党支部书记" : "村党支部书记");
    // Since 2021 many villages have one person as both secretary and director (一肩挑).
    const lastSecretary = secretary[secretary.length - 1];
    const both = rng.chance(0.5) && lastSecretary !== undefined && lastSecretary.end === undefined ? lastSecretary.holder : undefined;
    const director = seat(rng, terms, candidatePicker(pool, "M", 32, 62), 0.6, [undefined, undefined, both]);
    addSegments(tw, director, v.id, "committee_director", c ? "社区居委会主任" : "村民委员会主任");
    addSegments(tw, seat(rng, terms, candidatePicker(pool, "F", 28, 58), 0.6), v.id, "committee_member", "妇联主席");
    addSegments(tw, seat(rng, terms, candidatePicker(pool, "any", 28, 60), 0.55), v.id, "committee_member", c ? "居委委员" : "村委委员");
    addSegments(tw, seat(rng, firstTerms, candidatePicker(pool, "any", 28, 60), 0.75), v.id, "accountant", c ? "社区会计" : "村报账员");
    addSegments(tw, seat(rng, terms, candidatePicker(pool, "M", 40, 66), 0.5), v.id, "other", "村务监督委员会主任");
  }

  // Township officials rotate every few years; they live in the township and are civil servants.
  const everyone = tw.emitted.filter((p) => !p.village.community || tw.plan.seat);
  const officialTerms = (): [Day, Day | undefined][] => {
    const out: [Day, Day | undefined][] = [];
    let s = day(2013, 1, 1) + rng.int(0, years(3));
    while (s <= W1) {
      const e = s + years(rng.int(2, 5)) + rng.int(0, 200);
      out.push([s, e > W1 ? undefined : e]);
      s = e + 1;
    }
    return out;
  };
  const townSeats: [string, Post["field"]][] = [
    ["党委书记", "general"], [tw.plan.name.endsWith("乡") ? "乡长" : "镇长", "projects"], ["副镇长", "projects"],
    ["副镇长", "general"], ["民政助理", "dibao"], ["扶贫工作站站长", "poverty_alleviation"], ["包村干部", "general"],
    ["包村干部", "dibao"],
  ];
  for (const [title, field] of townSeats) {
    const segs = seat(rng, officialTerms(), candidatePicker(everyone, "any", 28, 55), 0);
    addSegments(tw, segs, tw.plan.id, "township_official", title, field);
    for (const s of segs) makeOfficial(s.holder, tw.plan.name + "人民政府");
  }

  // County program officers live in the county seat: they sign grants all over the county.
  if (tw.plan.seat) {
    const county = tw.county;
    const seats: [string, string, Post["field"]][] = [
      ["民政局", "低保股股长", "dibao"], ["民政局", "社会救助股科员", "dibao"], ["民政局", "老龄办科员", "other"],
      ["住房和城乡建设局", "村镇建设股股长", "housing"], ["教育局", "学生资助管理中心主任", "education"],
      ["医疗保障局", "医疗救助股股长", "medical"], ["乡村振兴局", "开发股股长", "poverty_alleviation"],
      ["乡村振兴局", "项目股科员", "poverty_alleviation"], ["农业农村局", "农机股股长", "agriculture"],
    ];
    for (const [org, title, field] of seats) {
      const segs = seat(rng, officialTerms(), candidatePicker(everyone, "any", 28, 55), 0);
      for (const s of segs) {
        const post: Post = { ref: refOf(s.holder), person: s.holder, regionId: county.plan.id, role: "program_officer", title: org + title, start: s.start, end: s.end, field };
        tw.addPost(post);
        county.officials.push({ ...post, person: undefined });
        makeOfficial(s.holder, county.plan.name + org);
      }
    }
  }

  // Cadres and everyone related to them stay out of the background's firms and payments; their relatives
  // on the register get means-tested help only as the county's style allows (see programs.ts).
  const done = new Set<Person>();
  for (const post of tw.posts) {
    const p = post.person;
    if (p === undefined || done.has(p)) continue;
    done.add(p);
    p.excluded = true;
    for (const k of tw.relatives(p)) {
      k.person.excluded = true;
      (k.person.kinOf ??= []).push(p);
    }
    for (const q of extendedBloodOf(p)) q.excluded = true;
  }
}

function makeOfficial(p: Person, employer: string): void {
  p.publicEmployee = true;
  p.employer = employer;
}

/** Villages of a township with at least one post-holder, for schemes that need a village cadre. */
export function villagesWithCadres(tw: TownshipState): VillagePlan[] {
  return tw.villages.filter((v) => tw.postsIn(v.id).length > 0);
}
