// Kinship read off the family tree: blood relatives up to three generations and in-laws, as the
// contract's relations. Which ties reach kinship.csv (and whether a cadre declared them) is decided
// when the file is written: registers are incomplete, and more so for distant ties.
import type { Person, World } from "./model.ts";
import { pairKey } from "./model.ts";

export type Relation = "spouse" | "parent" | "child" | "sibling" | "grandparent" | "grandchild" | "uncle_aunt" | "nephew_niece" | "cousin" | "in_law";

const CLOSE: ReadonlySet<Relation> = new Set(["spouse", "parent", "child"]);
const MIDDLE: ReadonlySet<Relation> = new Set(["sibling", "grandparent", "grandchild"]);

const cache = new WeakMap<World, Map<number, Map<number, Relation>>>();

/** What each relative of `k` is to `k`, closest relation first. */
export function relatives(world: World, k: number): Map<number, Relation> {
  let memo = cache.get(world);
  if (!memo) {
    memo = new Map();
    cache.set(world, memo);
  }
  const known = memo.get(k);
  if (known) return known;
  const P = (i: number | undefined): Person | undefined => (i === undefined ? undefined : world.persons[i]);
  const out = new Map<number, Relation>();
  const add = (i: number | undefined, r: Relation) => {
    if (i === undefined || i === k || out.has(i)) return;
    out.set(i, r);
  };
  const p = P(k) as Person;
  const parents = [p.father, p.mother].filter((i): i is number => i !== undefined);
  const siblingsOf = (q: Person): number[] => {
    const s = new Set<number>();
    for (const par of [q.father, q.mother]) for (const c of P(par)?.children ?? []) if (c !== q.k) s.add(c);
    return [...s];
  };
  add(p.spouse, "spouse");
  for (const i of parents) add(i, "parent");
  for (const c of p.children) add(c, "child");
  const siblings = siblingsOf(p);
  for (const s of siblings) add(s, "sibling");
  for (const i of parents) for (const g of [P(i)?.father, P(i)?.mother]) add(g, "grandparent");
  for (const c of p.children) for (const g of P(c)?.children ?? []) add(g, "grandchild");
  const uncles: number[] = [];
  for (const i of parents) for (const u of siblingsOf(P(i) as Person)) {
    uncles.push(u);
    add(u, "uncle_aunt");
  }
  for (const s of siblings) for (const n of P(s)?.children ?? []) add(n, "nephew_niece");
  for (const u of uncles) for (const c of P(u)?.children ?? []) add(c, "cousin");
  const spouse = P(p.spouse);
  if (spouse) {
    add(spouse.father, "in_law");
    add(spouse.mother, "in_law");
    for (const s of siblingsOf(spouse)) add(s, "in_law");
  }
  for (const s of siblings) add(P(s)?.spouse, "in_law");
  for (const c of p.children) add(P(c)?.spouse, "in_law");
  memo.set(k, out);
  return out;
}

export function relationOf(world: World, k: number, other: number): Relation | undefined {
  return relatives(world, k).get(other);
}

export function isKin(world: World, a: number, b: number): boolean {
  return a === b || relatives(world, a).has(b);
}

/** Relatives alive and on file on `at`. */
export function livingRelatives(world: World, k: number, at: number, filter?: (r: Relation) => boolean): [Person, Relation][] {
  const out: [Person, Relation][] = [];
  for (const [i, r] of relatives(world, k)) {
    const q = world.persons[i] as Person;
    if (!q.inData || q.fictitious || q.birth > at || (q.death !== undefined && q.death <= at)) continue;
    if (filter && !filter(r)) continue;
    out.push([q, r]);
  }
  return out;
}

export interface KinRow {
  person: string;
  relative: string;
  relation: string;
  declared?: boolean;
}

/** The rows of kinship.csv. `cadres` holds everyone who ever held a post. */
export function kinshipRows(world: World, cadres: ReadonlySet<number>): KinRow[] {
  const { style } = world;
  const rng = world.rng.fork("kinship");
  const rows: KinRow[] = [];
  const chance = (r: Relation) => (CLOSE.has(r) ? style.kinRecordClose : MIDDLE.has(r) ? (style.kinRecordClose + style.kinRecordFar) / 2 : style.kinRecordFar);
  for (const p of world.persons) {
    if (!p.inData || p.fictitious) continue;
    for (const [q, rel] of relatives(world, p.k)) {
      if (q <= p.k) continue;
      const other = world.persons[q] as Person;
      if (!other.inData || other.fictitious) continue;
      const override = world.kinOverrides.get(pairKey(p.k, q));
      const recorded = override?.record ?? rng.chance(chance(rel));
      if (!recorded) continue;
      const cadre = cadres.has(p.k) || cadres.has(q);
      const declared = override?.declared ?? (cadre ? rng.chance(style.declareRate) : rng.chance(0.7) ? false : undefined);
      const back = relatives(world, q).get(p.k) ?? rel;
      if (style.kinBothWays) {
        rows.push({ person: p.id, relative: other.id, relation: rel, declared });
        rows.push({ person: other.id, relative: p.id, relation: back, declared });
      } else if (rng.chance(0.5)) rows.push({ person: p.id, relative: other.id, relation: rel, declared });
      else rows.push({ person: other.id, relative: p.id, relation: back, declared });
    }
  }
  for (const e of world.extraKin) {
    const a = world.persons[e.a] as Person;
    const b = world.persons[e.b] as Person;
    rows.push({ person: a.id, relative: b.id, relation: e.relation, declared: e.declared });
    if (style.kinBothWays) rows.push({ person: b.id, relative: a.id, relation: e.relation, declared: e.declared });
  }
  return rows;
}
