// Who can be reached how: resident ID numbers, mobile phones (own, a relative's, or the village
// office's), addresses, bank accounts; plus who works away, who is a teacher or a township doctor.
import { newAccount, newLandline, newMobile } from "./accounts.ts";
import { cadreSet, postsOf } from "./cadres.ts";
import { age, END, START, yearsToDays, type Day } from "./dates.ts";
import { villages } from "./geography.ts";
import type { Household, Person, Region, World } from "./model.ts";
import { householdAt, regionAt } from "./population.ts";
import type { Rng } from "./rng.ts";

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export function idNumber(area: string, birth: Day, gender: "M" | "F", rng: Rng): string {
  const d = new Date(birth * 86_400_000);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
  let seq = rng.int(0, 99) * 10 + rng.int(0, 4) * 2 + (gender === "M" ? 1 : 0);
  if (seq === 0) seq = 2;
  const first = `${area}${ymd}${String(seq).padStart(3, "0")}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first[i]) * (ID_WEIGHTS[i] ?? 0);
  return first + ID_CHECK[sum % 11];
}

function employerFor(world: World, rng: Rng, p: Person): string {
  const r = world.regions[regionAt(world, p, START)] as Region;
  const town = (world.regions[r.township] as Region).name;
  if (r.urban) return rng.pick([`${world.style.county}第一中学`, `${world.style.county}人民医院`, `${world.style.county}实验小学`, `${world.style.county}财政局`, `${world.style.county}自然资源局`, `${world.style.county}交通运输局`]);
  return rng.pick([`${town}中心小学`, `${town}卫生院`, `${town}初级中学`, `${town}财政所`, `${town}派出所`]);
}

export function buildContacts(world: World): void {
  const { style } = world;
  const rng = world.rng.fork("contacts");
  const cadres = cadreSet(world);
  const people = world.persons.filter((p) => p.inData);
  for (const v of villages(world)) if (!v.urban && style.officePhone) v.officePhone = newLandline(world, rng);
  for (const p of people) {
    const a = age(p.birth, START);
    const r = world.regions[regionAt(world, p, START)] as Region;
    if (!cadres.has(p.k) && !p.publicEmployee && a >= 18 && a <= 45 && !r.urban && rng.chance(0.25)) p.migrant = true;
    const seatWeight = r.urban ? 4 : r.k === villages(world).find((v) => v.township === r.township)?.k ? 2 : 1;
    if (!cadres.has(p.k) && !p.migrant && a >= 22 && a <= 58 && rng.chance(0.012 * seatWeight)) {
      p.publicEmployee = true;
      p.employer = employerFor(world, rng, p);
    }
    if (rng.chance(style.idNumberRate)) p.idNumber = idNumber(style.areaCode, p.birth, p.gender, rng);
    const adult = age(p.birth, END) >= 16;
    if (adult && rng.chance(style.phoneRate * (a >= 70 ? 0.45 : 1))) p.phone = newMobile(world, rng);
    const hh = householdAt(p, END);
    if (hh !== undefined && rng.chance(0.85)) p.address = (world.households[hh] as Household).address;
    if (age(p.birth, END) >= 18 && rng.chance(style.bankAccountRate + (a >= 60 ? 0.1 : 0))) {
      const opened = Math.max(p.birth + yearsToDays(18), START - rng.int(100, 4000));
      const acc = newAccount(world, rng, { type: "person", k: p.k }, { urban: r.urban, opened: Math.min(opened, END) });
      p.account = acc.k;
      if (rng.chance(0.2)) newAccount(world, rng, { type: "person", k: p.k }, { urban: true, opened: Math.min(END, opened + rng.int(100, 2000)) });
    }
  }
  // No phone of one's own: a child's or the household head's, sometimes the village office's.
  for (const p of people) {
    if (p.phone !== undefined || age(p.birth, END) < 16) continue;
    const r = world.regions[regionAt(world, p, START)] as Region;
    if (r.officePhone && age(p.birth, START) >= 65 && rng.chance(0.08)) {
      p.phone = r.officePhone;
      continue;
    }
    if (!rng.chance(Math.min(0.9, style.familyPhoneShare * 2))) continue;
    const kids = p.children.map((c) => world.persons[c] as Person).filter((c) => c.phone !== undefined && c.inData);
    if (kids.length > 0) {
      p.phone = rng.pick(kids).phone;
      continue;
    }
    const hh = householdAt(p, START);
    const head = hh === undefined ? undefined : world.persons[(world.households[hh] as Household).heads[0]?.[1] ?? -1];
    if (head?.phone) p.phone = head.phone;
  }
  if (style.officePhone) {
    for (const k of cadres) {
      const p = world.persons[k] as Person;
      const post = postsOf(world, k).find((q) => (world.regions[q.region] as Region).officePhone !== undefined && q.role !== "committee_member");
      if (post && rng.chance(0.35)) p.phone = (world.regions[post.region] as Region).officePhone;
    }
  }
}
