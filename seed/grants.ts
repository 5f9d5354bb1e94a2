// Background grants: one grant per person, program and year, paid into the beneficiary's own card.
// Means-tested help goes to registered-poor households that qualify; relatives of cadres get it as the
// county's style allows (close relatives only declared, and signed by someone else). Entitlements go to
// nearly everyone in their group, cadres' families included, year after year.
import type { Rng } from "./rng.ts";
import { W1, YEARS, ageOn, day, yearEnd, yearStart, type Day } from "./dates.ts";
import type { Grant, Household, Person, Post } from "./model.ts";
import { approverFor, PROGRAMS, typicalAmount, type ProgramKey } from "./programs.ts";
import { aliveOn, byHousehold, type TownshipState } from "./world.ts";

/**
 * Whether the background gives p the means-tested help a poor household qualifies for. Nobody with a
 * post, a firm, a public job, a car or a flat; a cadre's relative only if the county's style helps them.
 */
function helpable(tw: TownshipState, rng: Rng, p: Person): boolean {
  if (p.cadre || p.officer || p.publicEmployee || p.assetOwner || p.account === undefined || !(p.hh?.poor ?? false)) return false;
  if (!p.excluded) return true;
  p.helped ??= rng.chance(p.kinOf !== undefined ? tw.style.closeKinHelp : tw.style.kinHelp);
  return p.helped;
}

function payDay(rng: Rng, p: Person, year: number, late = false): Day | undefined {
  const from = Math.max(yearStart(year), p.hhSince + 30, (p.account?.opened ?? W1) + 1);
  const to = Math.min(yearEnd(year), p.death - 1, W1);
  if (from > to) return undefined;
  return late ? Math.max(from, to - rng.int(0, 90)) : from + rng.int(0, to - from);
}

/** Who signs the yearly list of an entitlement, as the county does it. */
function entitlementSigner(tw: TownshipState, rng: Rng, key: ProgramKey, villageId: string, d: Day): Post | undefined {
  if (key === "elderly") return approverFor(tw, key, villageId, d, rng);
  const signer = tw.style.universalSigner;
  const p = signer === "village" ? tw.villageHead(villageId, d, rng)
    : signer === "county" ? tw.county.officialFor("agriculture", d, rng) : tw.townshipOfficial(d, rng);
  return p ?? tw.townshipOfficial(d, rng);
}

/** A signatory for a cadre's relative: anyone but the cadres he is related to (they recuse themselves). */
function recusedApprover(tw: TownshipState, rng: Rng, key: ProgramKey, p: Person, villageId: string, d: Day): Post | undefined {
  const kin = p.kinOf ?? [];
  for (let i = 0; i < 8; i++) {
    const a = approverFor(tw, key, villageId, d, rng);
    if (a !== undefined && a.person !== p && (a.person === undefined || !kin.includes(a.person))) return a;
  }
  return undefined;
}

export function addBackgroundGrant(tw: TownshipState, rng: Rng, key: ProgramKey, p: Person, year: number, amount: number, late = false): Grant | undefined {
  const prog = PROGRAMS[key];
  const h = p.hh as Household;
  const seen = p.programs?.get(prog.id);
  // One region per person and program: a move never makes the background look like double dipping.
  if (seen !== undefined && seen !== h.village.id) return undefined;
  if (p.programs?.has(`${prog.id}/${year}`)) return undefined;
  const d = payDay(rng, p, year, late);
  if (d === undefined || p.account === undefined) return undefined;
  let approver: Post | undefined;
  if (!prog.meansTested) approver = entitlementSigner(tw, rng, key, h.village.id, d);
  else if (p.kinOf !== undefined) {
    // Help to a cadre's relative is declared and signed by someone else, or not given.
    approver = recusedApprover(tw, rng, key, p, h.village.id, d);
    if (approver === undefined) return undefined;
    for (const c of p.kinOf) tw.setDeclared(c, p, true);
  } else approver = approverFor(tw, key, h.village.id, d, rng);
  p.programs ??= new Map();
  p.programs.set(prog.id, h.village.id);
  p.programs.set(`${prog.id}/${year}`, "1");
  return tw.grant({
    programId: prog.id, beneficiaryId: p.id, regionId: h.village.id, year, approved: amount, paid: amount, paidDay: d,
    approvedBy: approver?.ref.id, account: p.account.id,
  });
}

/** Contracted land of a farming household (mu), fixed over the years. */
function landOf(rng: Rng, h: Household, land: Map<Household, number>): number {
  let mu = land.get(h);
  if (mu === undefined) land.set(h, (mu = Math.max(1.5, Math.round(rng.lognormal(8, 0.55) * 10) / 10)));
  return mu;
}

export function backgroundGrants(tw: TownshipState): void {
  const rng = tw.rng.fork("grants");
  const style = tw.style;
  const mix = style.mix;
  const land = new Map<Household, number>();
  for (const [h, members] of byHousehold(tw.emitted)) {
    // Entitlements: the farmland subsidy every year, the returned-farmland subsidy for a share of farms.
    const covered = h.farms && rng.chance(style.farmlandCoverage);
    const forest = h.farms && rng.chance(style.forestCoverage);
    for (const year of YEARS) {
      const mid = day(year, 7, 1);
      const living = members.filter((m) => aliveOn(m, mid) || aliveOn(m, yearStart(year) + 1));
      if (living.length === 0) continue;
      const adults = living.filter((m) => ageOn(m.birth, mid) >= 18);
      const head = h.head !== undefined && living.includes(h.head) && ageOn(h.head.birth, mid) >= 18 ? h.head : adults[0];
      if (head !== undefined) {
        const mu = landOf(rng, h, land);
        if (covered && rng.chance(0.97)) addBackgroundGrant(tw, rng, "farmland", head, year, Math.round((mu * style.farmlandRate) / 10) * 10);
        if (forest) addBackgroundGrant(tw, rng, "forest", head, year, Math.round((Math.min(mu, 6) * 90) / 10) * 10);
      }
      if (h.poor) {
        const can = (m: Person): boolean => helpable(tw, rng, m);
        const recipient = head !== undefined && can(head) ? head : adults.find(can);
        if (recipient !== undefined) {
          const single = living.length === 1 && ageOn(recipient.birth, mid) >= 60;
          if (h.dibao) {
            const key: ProgramKey = single ? "tekun" : "dibao";
            addBackgroundGrant(tw, rng, key, recipient, year, typicalAmount(key, rng, year, living.length), true);
          }
          if (year <= 2019 && rng.chance(0.14 * mix.industry)) addBackgroundGrant(tw, rng, "industry", recipient, year, typicalAmount("industry", rng, year));
          if (year >= 2018 && rng.chance(0.55 * mix.solar)) addBackgroundGrant(tw, rng, "solar", recipient, year, typicalAmount("solar", rng, year));
          if (rng.chance(0.012 * mix.housing)) addBackgroundGrant(tw, rng, "housing", recipient, year, typicalAmount("housing", rng, year));
          if (rng.chance(0.03 * mix.relief)) addBackgroundGrant(tw, rng, "relief", recipient, year, typicalAmount("relief", rng, year));
          if (year <= 2019 && rng.chance(0.004)) addBackgroundGrant(tw, rng, "relocation", recipient, year, typicalAmount("relocation", rng, year, living.length));
        }
        for (const m of living) {
          if (!can(m)) continue;
          const age = ageOn(m.birth, mid);
          if (age >= 16 && age <= 22 && rng.chance(0.45 * mix.student)) {
            const key: ProgramKey = rng.chance(0.4) ? "yulu" : "student";
            addBackgroundGrant(tw, rng, key, m, year, typicalAmount(key, rng, year));
          }
          if (age >= 18 && rng.chance(0.035 * mix.medical)) addBackgroundGrant(tw, rng, "medical", m, year, typicalAmount("medical", rng, year));
          if (age >= 25 && age <= 60 && rng.chance(0.05 * mix.publicJob)) addBackgroundGrant(tw, rng, "publicJob", m, year, typicalAmount("publicJob", rng, year));
          if (age >= 18 && rng.chance(0.012)) addBackgroundGrant(tw, rng, "disabled", m, year, typicalAmount("disabled", rng, year));
        }
      } else if (head !== undefined && !head.excluded) {
        if (!h.village.community && rng.chance(0.006)) addBackgroundGrant(tw, rng, "machinery", head, year, typicalAmount("machinery", rng, year));
        if (!h.village.community && rng.chance(0.002)) addBackgroundGrant(tw, rng, "grain", head, year, typicalAmount("grain", rng, year));
        // Temporary relief now and then reaches a household that is not registered poor (an illness, a fire).
        if (rng.chance(0.003 * mix.relief) && !head.cadre && !head.officer && !head.publicEmployee && !head.assetOwner && head.account !== undefined) {
          addBackgroundGrant(tw, rng, "relief", head, year, typicalAmount("relief", rng, year));
        }
      }
      for (const m of living) {
        if (m.account !== undefined && ageOn(m.birth, mid) >= 80 && rng.chance(style.elderlyCoverage)) {
          addBackgroundGrant(tw, rng, "elderly", m, year, typicalAmount("elderly", rng, year));
        }
      }
    }
  }
}
