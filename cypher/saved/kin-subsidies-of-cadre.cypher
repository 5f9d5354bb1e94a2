// name: kin-subsidies-of-cadre
// title: Subsidies received by a cadre's relatives
// title_zh: 干部亲属享受补贴情况
// description: >
//   Every grant paid to the given cadre or to a relative of the cadre (one KIN tie in either
//   direction, or an in-law reached through a spouse), with the program, the amount, who signed it,
//   and whether the cadre signed it or held a post in the grant's village (or its township) on the
//   payment date. The starting point of a 优亲厚友 check on one cadre.
// schemes: [KIN_BENEFIT]
// graph: true
// parameters:
//   cadreId: { type: string, required: true, description: "person id of the cadre" }
//   fromYear: { type: integer, default: 2016, min: 1990, max: 2100, description: "first grant year" }
//   toYear: { type: integer, default: 2021, min: 1990, max: 2100, description: "last grant year" }
//   limit: { type: integer, default: 200, min: 1, max: 1000, description: "most rows returned" }
MATCH (c:Entity:Person {id: $cadreId})
CALL (c) {
  RETURN c AS r, 'self' AS relation, [] AS ties
  UNION
  MATCH (c)-[k:KIN]-(r:Person)
  RETURN r, CASE WHEN startNode(k) = c THEN k.relation
              ELSE coalesce({parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent',
                             uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'}[k.relation], k.relation) END AS relation,
         [k] AS ties
  UNION
  MATCH (c)-[k1:KIN]-(x:Person)-[k2:KIN]-(r:Person)
  WHERE r <> c AND (k1.relation = 'spouse' OR k2.relation = 'spouse') AND NOT EXISTS { (c)-[:KIN]-(r) }
  RETURN r, 'in-law through ' + x.name AS relation, [k1, k2] AS ties
}
MATCH (g:Grant)-[pt:PAID_TO]->(r)
WHERE $fromYear <= g.year <= $toYear
MATCH (g)-[:UNDER]->(program:Program)
MATCH (g)-[gi:IN]->(village:Region)
OPTIONAL MATCH (approver:Person)-[ap:APPROVED]->(g)
WITH c, r, relation, ties, g, pt, program, village, gi, approver, ap,
     EXISTS {
       MATCH (c)-[hp:HOLDS_POST]->(pr:Region)
       WHERE hp.from <= g.paidDate AND (hp.to IS NULL OR hp.to >= g.paidDate)
         AND (pr = village OR EXISTS { (village)-[:PART_OF]->(pr) })
     } AS cadreInPost
RETURN r.id AS personId, r.name AS person, relation, g.id AS grantId, program.name AS program,
       program.meansTested AS meansTested, g.year AS year, g.paidDate AS paidDate, g.paidAmount AS paidAmount,
       village.name AS region, approver.id AS approvedBy, coalesce(approver = c, false) AS signedByCadre, cadreInPost,
       [x IN ties + [pt, ap] WHERE x IS NOT NULL] AS links
ORDER BY signedByCadre DESC, cadreInPost DESC, g.paidDate, g.id
LIMIT $limit
