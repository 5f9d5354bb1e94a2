// Kinship from the family trees: spouse, parents, children, siblings, grandparents, grandchildren and
// close in-laws (近亲属 and 近姻亲). Uncles, nephews and cousins are left implicit (two hops away) to keep
// kinship.csv near four rows per person.
// relativesOf() is what schemes and exclusions use, and exactly what kinship.csv states (one row per pair).
import type { Relation } from "./contract.ts";
import type { Kin, Person } from "./model.ts";

function siblingsOf(p: Person): Person[] {
  const parent = p.father ?? p.mother;
  if (parent === undefined) return [];
  return parent.children.filter((c) => c !== p);
}

/** Everyone emitted who is kin to p, each once, with what they are to p (closest relation first). */
export function relativesOf(p: Person): Kin[] {
  const out: Kin[] = [];
  const seen = new Set<Person>([p]);
  const add = (q: Person | undefined, relation: Relation): void => {
    if (q === undefined || seen.has(q)) return;
    seen.add(q);
    if (q.emitted) out.push({ person: q, relation });
  };
  const parents = [p.father, p.mother].filter((x): x is Person => x !== undefined);
  const siblings = siblingsOf(p);
  add(p.spouse, "spouse");
  for (const q of parents) add(q, "parent");
  for (const c of p.children) add(c, "child");
  for (const s of siblings) add(s, "sibling");
  for (const q of parents) {
    add(q.father, "grandparent");
    add(q.mother, "grandparent");
  }
  for (const c of p.children) for (const g of c.children) add(g, "grandchild");
  // In-laws: spouse's parents and siblings, siblings' spouses, children's spouses.
  const sp = p.spouse;
  if (sp !== undefined) {
    add(sp.father, "in_law");
    add(sp.mother, "in_law");
    for (const s of siblingsOf(sp)) add(s, "in_law");
  }
  for (const s of siblings) add(s.spouse, "in_law");
  for (const c of p.children) add(c.spouse, "in_law");
  return out;
}

/** True for relations a cadre typically files with the supervisor (spouse, parents, children, siblings). */
export function isClose(r: Relation): boolean {
  return r === "spouse" || r === "parent" || r === "child" || r === "sibling";
}

/**
 * Blood relatives two steps out (uncles and aunts, nephews and nieces, first cousins): not written to
 * kinship.csv, but a detector that walks two KIN hops finds them, so the background avoids them too.
 */
export function extendedBloodOf(p: Person): Person[] {
  const out: Person[] = [];
  const parents = [p.father, p.mother].filter((x): x is Person => x !== undefined);
  for (const q of parents) {
    for (const u of siblingsOf(q)) {
      if (u.emitted) out.push(u);
      for (const c of u.children) if (c.emitted) out.push(c);
    }
  }
  for (const s of siblingsOf(p)) for (const n of s.children) if (n.emitted) out.push(n);
  return out;
}
