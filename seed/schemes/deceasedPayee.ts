// DECEASED_PAYEE (虚报冒领): allowances keep being paid for villagers after their death, into the dead
// person's still-open card, a relative's card, or the cadre's own.
import { W1, day, yearOf, type Day } from "../dates.ts";
import type { Person } from "../model.ts";
import type { ProgramKey } from "../programs.ts";
import { labeler, pickCadre, schemeGrant, type Scheme } from "./common.ts";

export const deceasedPayee: Scheme = {
  typology: "DECEASED_PAYEE",
  plant(tw, rng) {
    const found = pickCadre(tw, rng, { roles: ["party_secretary", "committee_director", "accountant"], minDays: 500 });
    if (found === undefined) return false;
    const { pick } = found;
    const village = pick.village;
    if (village === undefined) return false;
    const dead = tw.residentsOf(village).filter((p) => !tw.used.has(p.id) && p.account !== undefined
      && p.death >= pick.from - 200 && p.death <= pick.to - 120 && p.death < day(2021, 3, 1) && p.birth < p.death - 365 * 40);
    if (dead.length === 0) return false;
    const n = Math.min(dead.length, rng.weighted([1, 2, 3, 5], [5, 3, 2, 1]));
    const [toCadre, toKin] = tw.style.diversion;
    const into = rng.weighted(["own", "relative", "cadre"], [5, 3 * toKin, 2 * toCadre]);
    const plans: { p: Person; days: Day[]; account: string; holder: Person | undefined }[] = [];
    for (const p of rng.sample(dead, n)) {
      let account = p.account?.id ?? "";
      let holder: Person | undefined;
      if (into === "relative") {
        holder = tw.relatives(p).find((k) => !tw.used.has(k.person.id) && k.person.account !== undefined && k.person.death > W1 && k.person.hh?.village.id === village.id)?.person;
        if (holder?.account !== undefined) account = holder.account.id;
      } else if (into === "cadre" && pick.cadre.account !== undefined) {
        account = pick.cadre.account.id;
      }
      const days: Day[] = [];
      const count = rng.int(1, 3);
      for (let i = 0; i < count; i++) {
        const y = yearOf(p.death) + i + (rng.chance(0.5) ? 1 : 0);
        const d = Math.max(p.death + 40, day(y, 3, 1) + rng.int(0, 270));
        if (d > pick.to || d > W1 || days.includes(d)) break;
        if (days.some((x) => yearOf(x) === yearOf(d))) continue;
        days.push(d);
      }
      if (days.length > 0) plans.push({ p, days, account, holder });
    }
    if (plans.length === 0) return false;
    const L = labeler(tw, "DECEASED_PAYEE");
    const divertL = into === "cadre" ? labeler(tw, "DIVERTED_PAYMENT") : undefined;
    L(pick.cadre.id, "cadre");
    divertL?.(pick.cadre.id, "cadre");
    for (const { p, days, account, holder } of plans) {
      const key = rng.pick<ProgramKey>(["dibao", "tekun", "elderly", "disabled"]);
      // The dead villager is the scheme's victim, not a culprit.
      L.party(p.id, "dead_payee");
      divertL?.party(p.id, "dead_payee");
      if (holder !== undefined) L(holder.id, "relative");
      for (const d of days) {
        const g = schemeGrant(tw, rng, { key, person: p, day: d, approver: pick.cadre.id, account });
        L(g.id, "grant");
        divertL?.(g.id, "grant");
      }
    }
    return true;
  },
};
