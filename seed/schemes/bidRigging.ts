// BID_RIGGING (串通投标): firms that bid together share an officer, a phone, an address, the deposit
// account or the person who prepared the bids; or bid near-identical amounts; or one of them bids again
// and again as cover and never wins. They take turns winning the township's projects.
import { W1, day } from "../dates.ts";
import { writeAddressOtherwise, writePhoneOtherwise } from "../contacts.ts";
import type { Company, Person, Project } from "../model.ts";
import { addRole, setPhone } from "../companies.ts";
import { genuineCompetitors, makeProject, pickField } from "../projects.ts";
import { refOf, type TownshipState } from "../world.ts";
import type { Rng } from "../rng.ts";
import {
  competitorsOf, establishedBefore, gradedBudget, labeler, ordinaryAdult, pickCadre, pickPerson, schemeFirm, type Labeler, type Scheme,
} from "./common.ts";
import { tenderMethod } from "./kinContract.ts";

export type Tie = "shared_officer" | "shared_phone" | "shared_address" | "shared_deposit" | "shared_preparer" | "close_bids" | "cover_bidder";

/** Ring firms fronted by ordinary villagers; `tie` says what gives them away. Returns undefined if short of people. */
export function ringFirms(tw: TownshipState, rng: Rng, n: number, before: number, tie: Tie, L: Labeler): Company[] | undefined {
  const owners: Person[] = [];
  for (let i = 0; i < n; i++) {
    const o = pickPerson(tw, rng, (p) => ordinaryAdult(p) && !owners.includes(p));
    if (o === undefined) return undefined;
    owners.push(o);
  }
  const firms = owners.map((o) => schemeFirm(tw, rng, {
    regDay: establishedBefore(rng, before), officers: [{ person: o, role: "legal_rep" }, { person: o, role: "shareholder", share: 1 }],
  }));
  const a = firms[0] as Company;
  // Every other firm of the ring carries the tie to the first one.
  for (const b of firms.slice(1)) {
    if (tie === "shared_officer") {
      // A's owner sits in B as shareholder or supervisor.
      addRole(tw.roles, refOf(owners[0] as Person), b, rng.chance(0.5) ? "shareholder" : "supervisor", undefined);
    } else if (tie === "shared_phone") {
      setPhone(b, a.phone, rng);
      b.phoneText = writePhoneOtherwise(a.phone, a.phoneText, rng);
    } else if (tie === "shared_address") {
      b.address = a.address;
      b.addressText = writeAddressOtherwise(a.address, a.addressText, rng);
    }
  }
  for (const o of owners) L(o.id, "officer");
  for (const f of firms) L(f.id, "company");
  return firms;
}

export const bidRigging: Scheme = {
  typology: "BID_RIGGING",
  plant(tw, rng) {
    const tie = rng.weighted<Tie>(["shared_officer", "shared_phone", "shared_address", "shared_deposit", "shared_preparer", "close_bids", "cover_bidder"], [2, 2, 1, 2, 2, 2, 2]);
    const first = day(2016, 3, 1) + rng.int(0, 900);
    const L = labeler(tw, "BID_RIGGING");
    const firms = ringFirms(tw, rng, tie === "cover_bidder" || tie === "close_bids" ? 3 : rng.int(2, 3), first, tie, L);
    if (firms === undefined) return false;
    const nProjects = tie === "cover_bidder" ? rng.int(5, 7) : rng.int(1, 3);
    const cover = tie === "cover_bidder" ? (firms[firms.length - 1] as Company) : undefined;
    const projects: Project[] = [];
    let d = first;
    for (let i = 0; i < nProjects && d < W1 - 60; i++) {
      const found = pickCadre(tw, rng, { minDays: 60 });
      const village = found?.pick.village;
      const winners = cover !== undefined ? firms.slice(0, -1) : firms;
      const winner = winners[i % winners.length] as Company;
      const ring = firms.filter((f) => f !== winner);
      const genuine = rng.chance(0.4) ? genuineCompetitors(tw, rng, d, rng.int(1, 2), firms) : [];
      const deposit = new Map<Company, string>();
      const preparer = new Map<Company, string>();
      if (tie === "shared_deposit") for (const f of ring) deposit.set(f, (winner.accounts[0] as { id: string }).id);
      if (tie === "shared_preparer") {
        const prep = (firms[0] as Company).legalRep?.id;
        if (prep !== undefined) for (const f of firms) preparer.set(f, prep);
      }
      const head = village !== undefined ? tw.villageHead(village.id, d, rng) : undefined;
      const p = makeProject(tw, rng, {
        regionId: village?.id ?? tw.plan.id, regionName: village?.name ?? tw.plan.name, field: pickField(rng), budget: gradedBudget(rng, [3, 6, 1]),
        method: tenderMethod(rng), award: d, approvedBy: head?.ref.id ?? tw.townshipOfficial(d, rng, ["projects"])?.ref.id,
        winner, others: [...ring, ...genuine], style: tie === "close_bids" ? "close" : "normal", deposit, preparer,
      });
      // Cover bids sit just above the winner's in a rigged tender, whatever the tie.
      if (tie !== "close_bids") for (const b of p.bids) if (ring.includes(b.company)) b.amount = Math.round(p.awardAmount * rng.float(1.01, 1.04) * 100) / 100;
      // A genuine competitor prices on its own, never near-identical with the ring (it is not labelled).
      if (tie === "close_bids") for (const b of p.bids) if (genuine.includes(b.company)) b.amount = Math.round(p.awardAmount * rng.float(1.03, 1.14) * 100) / 100;
      competitorsOf(L, p, firms);
      projects.push(p);
      d += rng.int(60, 200);
    }
    if (projects.length === 0) return false;
    for (const p of projects) L(p.id, "project");
    if (tie === "shared_deposit") L((firms[0]?.accounts[0] as { id: string }).id, "account");
    if (tie === "shared_deposit") for (const f of firms) L((f.accounts[0] as { id: string }).id, "account");
    return true;
  },
};
