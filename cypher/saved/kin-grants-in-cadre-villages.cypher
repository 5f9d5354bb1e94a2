// name: kin-grants-in-cadre-villages
// title: Grants to cadres' relatives in the cadres' own villages
// title_zh: 村干部亲属在本村享受补贴
// description: >
//   County-wide: grants paid to a relative of a cadre (one KIN tie in either direction) while that
//   cadre held a post in the grant's village or its township, and grants a person signed for
//   themselves or for a relative. Declared relations (filed with the supervisor) are shown, not
//   hidden; `relation` is what the beneficiary is to the cadre. Sorted by signed-by-the-cadre first, then money.
// schemes: [KIN_BENEFIT]
// parameters:
//   relations: { type: list, items: string, default: [spouse, parent, child, sibling, grandparent, grandchild, in_law], description: "KIN relations that count" }
//   fromYear: { type: integer, default: 2016, min: 1990, max: 2100, description: "first grant year" }
//   toYear: { type: integer, default: 2021, min: 1990, max: 2100, description: "last grant year" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (g:Grant)-[:PAID_TO]->(b:Person)
WHERE $fromYear <= g.year <= $toYear
MATCH (g)-[:IN]->(village:Region)
CALL (g, b, village) {
  // Signed for oneself.
  MATCH (b)-[:APPROVED]->(g)
  RETURN b AS cadre, 'self' AS relation, false AS declared, true AS signed, null AS post
  UNION
  // Signed for a relative.
  MATCH (c:Person)-[:APPROVED]->(g)
  MATCH (c)-[k:KIN]-(b)
  WHERE k.relation IN $relations
  RETURN c AS cadre, CASE WHEN startNode(k) = c THEN k.relation
         ELSE coalesce({parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent',
                        uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'}[k.relation], k.relation) END AS relation, coalesce(k.declared, false) AS declared, true AS signed, null AS post
  UNION
  // Paid to a relative of a cadre in post there on the payment date.
  MATCH (c:Cadre)-[k:KIN]-(b)
  WHERE k.relation IN $relations AND NOT EXISTS { (c)-[:APPROVED]->(g) }
  MATCH (c)-[hp:HOLDS_POST]->(pr:Region)
  WHERE hp.from <= g.paidDate AND (hp.to IS NULL OR hp.to >= g.paidDate)
    AND (pr = village OR EXISTS { (village)-[:PART_OF]->(pr) })
  RETURN c AS cadre, CASE WHEN startNode(k) = c THEN k.relation
         ELSE coalesce({parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent',
                        uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'}[k.relation], k.relation) END AS relation, coalesce(k.declared, false) AS declared, false AS signed, hp.role + '@' + pr.name AS post
}
MATCH (g)-[:UNDER]->(program:Program)
RETURN cadre.id AS cadreId, cadre.name AS cadre, post, relation, declared, signed,
       b.id AS beneficiaryId, b.name AS beneficiary, g.id AS grantId, program.name AS program,
       program.meansTested AS meansTested, g.year AS year, g.paidAmount AS paidAmount, village.id AS regionId, village.name AS region
ORDER BY signed DESC, declared, paidAmount DESC, grantId
LIMIT $limit
