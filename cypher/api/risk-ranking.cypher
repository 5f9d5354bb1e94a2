// Scored persons, companies and regions, riskiest first, keyset-paged on (score desc, id asc): an
// ordered walk of the entity_risk index that stops after $limit rows.
MATCH (n:Entity)
WHERE n.riskScore >= $minScore AND n.riskScore <= $maxScore
  AND ($label IS NULL OR $label IN labels(n))
  AND ($afterScore IS NULL OR n.riskScore < $afterScore OR (n.riskScore = $afterScore AND n.id > $afterId))
  AND ($region IS NULL OR EXISTS { (n)-[:LIVES_IN|REGISTERED_IN|PART_OF*0..4]->(:Entity:Region {id: $region}) })
  AND ($flag IS NULL OR EXISTS { (:Alert {active: true, flag: $flag})-[:ON]->(n) })
WITH n ORDER BY n.riskScore DESC, n.id ASC LIMIT $limit
RETURN {
  id: n.id,
  type: toLower(head([l IN labels(n) WHERE NOT l IN ['Entity', 'Cadre']])),
  name: coalesce(n.name, n.id),
  score: n.riskScore,
  amount: coalesce(n.riskAmount, 0.0),
  grade: n.riskGrade
} AS item
