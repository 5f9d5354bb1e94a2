// Look-alikes that the background itself produces, listed for evaluation: relatives of cadres paid an
// entitlement year after year, cadres' kin in clan villages helped as they qualify, relatives helped
// after the relation was declared and the cadre recused himself, firms sharing an agent's address or a
// bookkeeper's phone that bid on the same projects, busy honest firms, and the victims and unwitting
// parties of schemes. None of them is labelled in any scheme.
import type { Rng } from "./rng.ts";
import { extendedBloodOf } from "./kinship.ts";
import type { Grant, Person, Post } from "./model.ts";
import { PROGRAMS, UNIVERSAL } from "./programs.ts";
import { dueBy } from "./lookalikes.ts";
import type { CountyState, TownshipState } from "./world.ts";

const UNIVERSAL_IDS = new Set(UNIVERSAL.map((k) => PROGRAMS[k].id));
const MEANS_TESTED_IDS = new Set(Object.values(PROGRAMS).filter((p) => p.meansTested).map((p) => p.id));

interface Candidate {
  ids: string[];
}

/** Lists up to the county's quota of one kind, drawn from this township's candidates. */
function list(tw: TownshipState, rng: Rng, kind: string, candidates: Candidate[]): void {
  const county = tw.county;
  const done = county.lookalikeCounts.get(kind) ?? 0;
  const due = dueBy(tw, tw.style.lookalikesPerKind);
  let n = done;
  for (const c of rng.sample(candidates, Math.max(0, due - done))) {
    const id = tw.newLookalike();
    for (const e of c.ids) tw.lookalike(id, kind, e);
    n++;
  }
  county.lookalikeCounts.set(kind, n);
}

/** Background grants of a person (not planted by a scheme) under the given programs. */
function grantsOf(tw: TownshipState, programs: ReadonlySet<string>): Map<string, Grant[]> {
  const out = new Map<string, Grant[]>();
  for (const g of tw.grants) {
    if (!programs.has(g.programId) || tw.used.has(g.id) || tw.used.has(g.beneficiaryId)) continue;
    let l = out.get(g.beneficiaryId);
    if (l === undefined) out.set(g.beneficiaryId, (l = []));
    l.push(g);
  }
  return out;
}

/** The cadre, among those p is related to, who held a post in p's village the longest. */
function cadreOf(tw: TownshipState, p: Person, cadres: readonly Person[]): Person | undefined {
  const village = p.hh?.village.id;
  const posts = tw.posts.filter((x): x is Post & { person: Person } => x.person !== undefined && cadres.includes(x.person) && x.regionId === village);
  const c = posts[0]?.person ?? cadres[0];
  return c !== undefined && !tw.used.has(c.id) ? c : undefined;
}

/** Look-alikes the township's background produced (call after schemes are planted). */
export function listConfounders(tw: TownshipState): void {
  const rng = tw.rng.fork("confounders");
  // Relatives of cadres paid an entitlement (farmland subsidy, old-age allowance) three years or more.
  const universal: Candidate[] = [];
  for (const [id, grants] of grantsOf(tw, UNIVERSAL_IDS)) {
    const p = tw.byId.get(id);
    if (p?.kinOf === undefined || grants.length < 3) continue;
    const cadre = cadreOf(tw, p, p.kinOf);
    if (cadre !== undefined) universal.push({ ids: [p.id, cadre.id, ...grants.map((g) => g.id)] });
  }
  list(tw, rng, "universal_kin", universal);

  // Close relatives helped after the relation was declared and the cadre recused himself.
  const helped = grantsOf(tw, MEANS_TESTED_IDS);
  const declared: Candidate[] = [];
  for (const [id, grants] of helped) {
    const p = tw.byId.get(id);
    if (p?.kinOf === undefined) continue;
    const cadre = cadreOf(tw, p, p.kinOf);
    if (cadre !== undefined) declared.push({ ids: [p.id, cadre.id, ...grants.map((g) => g.id)] });
  }
  list(tw, rng, "declared_recused", declared);

  // In clan villages: cousins, uncles and nephews of cadres who get the help they qualify for.
  const clan: Candidate[] = [];
  const seen = new Set<Person>();
  for (const post of tw.posts) {
    const cadre = post.person;
    const village = tw.villages.find((v) => v.id === post.regionId);
    if (cadre === undefined || village === undefined || !village.clan || tw.used.has(cadre.id)) continue;
    for (const q of extendedBloodOf(cadre)) {
      const grants = helped.get(q.id);
      if (grants === undefined || q.kinOf !== undefined || seen.has(q) || q.hh?.village !== village) continue;
      seen.add(q);
      clan.push({ ids: [q.id, cadre.id, ...grants.map((g) => g.id)] });
    }
  }
  list(tw, rng, "clan_kin", clan);

  // Projects on which two or more firms of one agent's address or bookkeeper's phone bid.
  for (const agent of tw.county.agents) {
    const firms = new Set(agent.firms);
    for (const p of tw.projects) if (p.bids.filter((b) => firms.has(b.company)).length >= 2) agent.projects.push(p.id);
  }

  // Victims and unwitting parties of this township's schemes.
  const parties = new Map<string, Candidate[]>();
  for (const row of tw.parties) {
    if (tw.county.labelled.has(row.entityId) || row.part === "employer") continue;
    let l = parties.get(row.part);
    if (l === undefined) parties.set(row.part, (l = []));
    l.push({ ids: [row.entityId] });
  }
  for (const [part, candidates] of parties) {
    const id = tw.newLookalike();
    const seenIds = new Set<string>();
    for (const c of candidates) for (const e of c.ids) if (!seenIds.has(e)) {
      seenIds.add(e);
      tw.lookalike(id, part, e);
    }
  }
}

/** Look-alikes that need the whole county: shared agent identifiers and busy honest firms. */
export function countyLookalikes(county: CountyState): void {
  const id = (): string => county.run.ids.next("LA", 5);
  const add = (lid: string, kind: string, entity: string): void => {
    if (!county.labelled.has(entity)) county.lookalikes.push({ lookalikeId: lid, kind, entityId: entity });
  };
  for (const agent of county.agents) {
    const lid = id();
    for (const f of agent.firms) add(lid, agent.kind, f.id);
    if (agent.keeper !== undefined) add(lid, agent.kind, agent.keeper.id);
    for (const p of agent.projects) add(lid, agent.kind, p);
  }
  for (const c of county.pool) {
    if (!c.busy) continue;
    const lid = id();
    add(lid, "busy_firm", c.id);
    if (c.legalRep !== undefined) add(lid, "busy_firm", c.legalRep.id);
  }
}
