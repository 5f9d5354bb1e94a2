// KICKBACK (利益输送 / 吃拿卡要): after an award, money goes from the winning firm or its boss to the cadre
// who approved it or to his wife or son, directly or through a go-between's card, soon or months later;
// or villagers he put on the lists must pay him a fee after payment (they are his victims).
import { W1, yearEnd, yearOf, yearStart } from "../dates.ts";
import type { Company, Person, Transfer } from "../model.ts";
import { makeProject, pickField, poolWinner, round2 } from "../projects.ts";
import type { TownshipState } from "../world.ts";
import type { Rng } from "../rng.ts";
import {
  competitorsOf, dayIn, establishedBefore, gradedBudget, kickbackLag, labeler, ordinaryAdult, pickCadre, pickPerson, poorAdult, rivals,
  schemeFirm, schemeGrant, type Label, type Scheme,
} from "./common.ts";
import { tenderMethod } from "./kinContract.ts";

/** Pays `total` in one to three instalments, the first `kickbackLag` days after `after`. */
export function payBack(tw: TownshipState, rng: Rng, from: string, to: string, total: number, after: number, L: Label): Transfer[] {
  const n = total > 60_000 ? rng.int(2, 3) : rng.chance(0.3) ? 2 : 1;
  const out: Transfer[] = [];
  let d = after + kickbackLag(tw, rng);
  for (let i = 0; i < n && d <= W1; i++) {
    const t = tw.transfer(from, to, round2(total / n + (i === 0 ? 0 : rng.int(-500, 500))), d);
    L(t.id, "transfer");
    out.push(t);
    d += rng.int(7, 90);
  }
  return out;
}

/**
 * Pays through a go-between: the money reaches the go-between's card, who passes it on (less a
 * little) a few days later. The go-between knows what he carries: a culprit.
 */
function viaGoBetween(tw: TownshipState, rng: Rng, g: Person, from: string, to: string, total: number, after: number, L: Label): void {
  if (g.account === undefined) return;
  L(g.id, "go_between");
  L(g.account.id, "account");
  for (const t of payBack(tw, rng, from, g.account.id, total, after, L)) {
    const d = t.day + rng.int(1, 20);
    if (d <= W1) L(tw.transfer(g.account.id, to, round2(t.amount * rng.float(0.9, 1)), d).id, "transfer");
  }
}

export const kickback: Scheme = {
  typology: "KICKBACK",
  plant(tw, rng) {
    const variant = rng.weighted(["company_to_kin", "officer_to_cadre", "beneficiaries_to_cadre"], [4, 3, 3]);
    const found = pickCadre(tw, rng, {
      minDays: 300,
      kin: variant === "company_to_kin" ? { relations: ["spouse", "child", "sibling", "in_law"], minAge: 18 } : undefined,
    });
    if (found === undefined) return false;
    const { pick, kin } = found;
    const cadre = pick.cadre;
    if (cadre.account === undefined) return false;
    const L = labeler(tw, "KICKBACK");
    if (variant === "beneficiaries_to_cadre") {
      const n = rng.int(3, 10);
      const payers: Person[] = [];
      for (let i = 0; i < n; i++) {
        const b = pickPerson(tw, rng, (p) => poorAdult(p) && !payers.includes(p) && !tw.relatives(cadre).some((k) => k.person === p), pick.village);
        if (b !== undefined) payers.push(b);
      }
      if (payers.length < 2) return false;
      L(cadre.id, "cadre");
      const y = yearOf(dayIn(rng, pick.from, pick.to - 60));
      for (const b of payers) {
        const d = dayIn(rng, Math.max(pick.from, yearStart(y)), Math.min(pick.to - 30, yearEnd(y)));
        const g = schemeGrant(tw, rng, { key: rng.pick(["dibao", "housing", "industry"] as const), person: b, day: d, approver: cadre.id });
        const fee = g.paid >= 10_000 ? rng.int(10, 30) * 100 : rng.int(3, 10) * 100;
        const t = tw.transfer((b.account as { id: string }).id, cadre.account.id, fee, d + rng.int(2, 40));
        // The villagers paid to get what they were owed: victims of the cadre, not culprits.
        L.party(b.id, "extorted");
        L(g.id, "grant");
        L(t.id, "transfer");
      }
      return true;
    }
    const goBetween = rng.chance(tw.style.intermediary)
      ? pickPerson(tw, rng, (p) => ordinaryAdult(p) && !tw.relatives(cadre).some((k) => k.person === p)) : undefined;
    const award = dayIn(rng, pick.from + 30, pick.to - 90);
    let firm: Company | undefined;
    let boss: Person | undefined;
    if (rng.chance(0.5) || variant === "officer_to_cadre") {
      const owner = pickPerson(tw, rng, ordinaryAdult);
      if (owner === undefined) return false;
      firm = schemeFirm(tw, rng, { regDay: establishedBefore(rng, award), officers: [{ person: owner, role: "legal_rep" }, { person: owner, role: "shareholder", share: 1 }] });
      boss = owner;
    } else {
      firm = poolWinner(tw, rng, award);
    }
    if (firm === undefined) return false;
    const p = makeProject(tw, rng, {
      regionId: pick.post.regionId, regionName: pick.village?.name ?? tw.plan.name, field: pickField(rng), budget: gradedBudget(rng, [3, 6, 1]),
      method: tenderMethod(rng), award, approvedBy: cadre.id, winner: firm, others: rivals(tw, rng, award, [firm]),
    });
    const total = Math.round(p.awardAmount * rng.float(0.03, 0.15) / 100) * 100;
    L(cadre.id, "cadre");
    L(firm.id, "company");
    L(p.id, "project");
    competitorsOf(L, p);
    let from = (firm.accounts[0] as { id: string }).id;
    let to = kin?.person.account?.id ?? cadre.account.id;
    if (variant === "officer_to_cadre" && boss?.account !== undefined) {
      // The boss pays from his own card, to the cadre or to the cadre's wife.
      const wife = cadre.spouse !== undefined && cadre.spouse.emitted && cadre.spouse.account !== undefined && cadre.spouse.death > W1 && rng.chance(0.5) ? cadre.spouse : undefined;
      L(boss.id, "officer");
      if (wife !== undefined) L(wife.id, "relative");
      from = boss.account.id;
      to = wife?.account?.id ?? cadre.account.id;
    } else {
      if (kin !== undefined) L(kin.person.id, "relative");
      if (boss !== undefined) L(boss.id, "officer");
    }
    if (goBetween !== undefined) viaGoBetween(tw, rng, goBetween, from, to, total, award, L);
    else payBack(tw, rng, from, to, total, award, L);
    return true;
  },
};
