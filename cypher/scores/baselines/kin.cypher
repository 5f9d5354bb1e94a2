// County baseline: for each cadre, the relatives living in each village or township under the
// cadre's posts (kin as the detectors count it: one KIN relationship, or an in-law through a
// spouse). In a clan village a cadre has dozens of relatives there, and some of them receive any
// program by chance; the scores stage compares a cadre's relatives who benefit with that.
MATCH (c:Cadre)-[:HOLDS_POST]->(pr:Region)
WITH c, collect(DISTINCT pr) AS posts
CALL (c) {
  MATCH (c)-[:KIN]-(k:Person)
  RETURN k
  UNION
  MATCH (c)-[k1:KIN]-(:Person)-[k2:KIN]-(k:Person)
  WHERE k <> c AND ((k1.relation = 'spouse' AND k2.relation IN ['parent', 'child', 'sibling'])
                    OR (k2.relation = 'spouse' AND k1.relation IN ['parent', 'child', 'sibling']))
  RETURN k
}
MATCH (k)-[:LIVES_IN]->(r:Region)
WHERE r IN posts OR EXISTS { (r)-[:PART_OF]->(x) WHERE x IN posts }
RETURN c.id AS cadre, r.id AS region, count(DISTINCT k) AS relatives
