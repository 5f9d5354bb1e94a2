// DUPLICATE_BENEFIT (重复领取): the same person is paid twice under one program in a year, or in two
// villages; or a cadre's relative splits off or moves household shortly before being granted help.
import { W0, W1, ageOn, yearEnd, yearStart, yearOf } from "../dates.ts";
import type { Household } from "../model.ts";
import { typicalAmount, type ProgramKey } from "../programs.ts";
import { writeAddress } from "../contacts.ts";
import { approverFor } from "../programs.ts";
import { colleagueOf, conceal, dayIn, labeler, pickCadre, pickPerson, poorAdult, schemeGrant, type Scheme } from "./common.ts";

const splitCounter = new WeakMap<object, number>();

export const duplicateBenefit: Scheme = {
  typology: "DUPLICATE_BENEFIT",
  plant(tw, rng) {
    const variant = rng.weighted(["twice_in_year", "two_regions", "split_before_grant", "move_before_grant"], [3, 2, 3, 2]);
    if (variant === "twice_in_year" || variant === "two_regions") {
      const found = pickCadre(tw, rng, { minDays: 300 });
      if (found === undefined || found.pick.village === undefined) return false;
      const { pick } = found;
      const p = pickPerson(tw, rng, poorAdult, pick.village);
      if (p === undefined) return false;
      const other = tw.villages.filter((v) => v.id !== pick.village?.id && !v.community);
      if (variant === "two_regions" && other.length === 0) return false;
      const key = rng.pick<ProgramKey>(["dibao", "solar", "publicJob", "industry", "tekun"]);
      const y = yearOf(dayIn(rng, pick.from, pick.to));
      const from = Math.max(pick.from, yearStart(y));
      const to = Math.min(pick.to, yearEnd(y));
      if (to - from < 60) return false;
      const d1 = dayIn(rng, from, to - 40);
      const d2 = dayIn(rng, d1 + 20, to);
      const amount = typicalAmount(key, rng, y, 2);
      const L = labeler(tw, "DUPLICATE_BENEFIT");
      const g1 = schemeGrant(tw, rng, { key, person: p, day: d1, approver: pick.cadre.id, approved: amount });
      const region2 = variant === "two_regions" ? rng.pick(other) : (pick.village as NonNullable<typeof pick.village>);
      const approver2 = variant === "two_regions" ? (tw.villageHead(region2.id, d2, rng)?.ref.id ?? pick.cadre.id) : (approverFor(tw, key, region2.id, d2, rng)?.ref.id ?? pick.cadre.id);
      const g2 = schemeGrant(tw, rng, { key, person: p, day: d2, approver: approver2, approved: amount, regionId: region2.id, duplicate: true });
      L(p.id, "beneficiary");
      L(g1.id, "grant");
      L(g2.id, "grant");
      L(pick.cadre.id, "cadre");
      return true;
    }
    // A relative of a cadre sets up a household of his own (or moves into a poor one) to qualify.
    const found = pickCadre(tw, rng, {
      minDays: 500,
      kin: {
        relations: ["sibling", "parent", "child", "in_law", "grandchild"], sameVillage: variant === "split_before_grant", minAge: 20,
        filter: (p) => p.hh !== undefined && p.hh.head !== p && p.hhSince < W0 && !p.officer && !p.publicEmployee && ageOn(p.birth, W0) < 85
          && !tw.moves.some((m) => m.person === p),
      },
    });
    if (found === undefined || found.kin === undefined) return false;
    const { pick, kin } = found;
    const k = kin.person;
    const old = k.hh as Household;
    const moveDay = dayIn(rng, pick.from, pick.to - 200);
    let target: Household;
    if (variant === "split_before_grant") {
      const n = (splitCounter.get(tw) ?? 0) + 1;
      splitCounter.set(tw, n);
      const address = `${old.village.fullName}${rng.int(1, 6)}组${40 + n}号`;
      target = {
        idx: tw.households.length, id: tw.run.ids.next("H", 7), village: old.village, address, addressText: writeAddress(address, rng),
        created: moveDay, splitFrom: old, founder: k, members: [k], head: k, poor: true, dibao: true, farms: false, emitted: true,
      };
      tw.households.push(target);
    } else {
      const host = pickPerson(tw, rng, (p) => p.hh !== undefined && p.hh !== old && p.hh.poor && p.hh.emitted && p.death > W1 && p.hh.head === p);
      if (host === undefined) return false;
      target = host.hh as Household;
    }
    tw.moves.push({ person: k, to: target, day: moveDay, from: old });
    k.hh = target;
    k.hhSince = moveDay;
    k.addressText = writeAddress(target.address, rng, 0.3);
    const list = tw.residents.get(old.village.id);
    if (list !== undefined && target.village !== old.village) {
      list.splice(list.indexOf(k), 1);
      tw.residentsOf(target.village).push(k);
    }
    conceal(tw, pick.cadre, k, rng);
    const L = labeler(tw, "DUPLICATE_BENEFIT");
    L(pick.cadre.id, "cadre");
    L(k.id, "relative");
    L(target.id, "household");
    const key = rng.pick<ProgramKey>(["dibao", "dibao", "housing", "relocation", "industry"]);
    const d = Math.min(moveDay + rng.int(30, 150), W1 - 1);
    // The cadre signs, or a colleague signs for him.
    const approver = rng.chance(tw.style.colleague) ? colleagueOf(tw, rng, pick, d, [k])?.ref.id : pick.cadre.id;
    if (approver !== undefined && approver !== pick.cadre.id) L.party(approver, "signatory");
    L(schemeGrant(tw, rng, { key, person: k, day: d, approver, regionId: target.village.id }).id, "grant");
    if (key === "dibao" && yearOf(d) < 2021 && rng.chance(0.6)) {
      const d2 = Math.min(yearStart(yearOf(d) + 1) + rng.int(30, 300), W1 - 1);
      L(schemeGrant(tw, rng, { key, person: k, day: d2, approver, regionId: target.village.id }).id, "grant");
    }
    return true;
  },
};
