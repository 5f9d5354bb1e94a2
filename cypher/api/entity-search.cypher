// Entity search: exact matches on an id, an identity number, a phone or an account first, then
// full-text matches on names (entity_names, CJK bigrams: 建国 finds 张建国), optionally of one label.
CALL () {
  MATCH (n:Entity {id: $q}) RETURN n, 1000.0 AS rank
  UNION
  MATCH (n:Entity {id: $account}) RETURN n, 1000.0 AS rank
  UNION
  MATCH (n:Person {idNumber: $idNumber}) RETURN n, 900.0 AS rank
  UNION
  MATCH (n:Phone {value: $phone}) RETURN n, 900.0 AS rank
  UNION
  MATCH (n:Address {value: $address}) RETURN n, 900.0 AS rank
  UNION
  WITH $lucene AS lucene WHERE lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_names', lucene, {limit: $ftLimit}) YIELD node, score
  RETURN node AS n, score AS rank
}
WITH n, max(rank) AS rank
WHERE $label IS NULL OR $label IN labels(n)
WITH n, rank ORDER BY rank DESC, coalesce(n.id, n.value) LIMIT $limit
RETURN n {
  id: CASE WHEN n:Entity THEN n.id WHEN n:Phone THEN 'phone:' + n.value ELSE 'address:' + n.value END,
  type: toLower(head([l IN labels(n) WHERE NOT l IN ['Entity', 'Cadre']])),
  name: coalesce(n.name, n.value, n.id),
  cadre: n:Cadre,
  riskScore: n.riskScore,
  riskGrade: n.riskGrade,
  communityId: n.communityId,
  year: n.year,
  match: CASE WHEN rank >= 1000.0 THEN 'id' WHEN rank >= 900.0 THEN 'identifier' ELSE 'name' END,
  score: rank
} AS item
