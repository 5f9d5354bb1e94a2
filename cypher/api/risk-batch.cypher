// Scores of many entities and communities in one indexed pass.
CALL () {
  UNWIND $ids AS key
  MATCH (n:Entity {id: key})
  RETURN key, n
  UNION ALL
  UNWIND $communities AS c
  MATCH (n:Community {id: toInteger(c.id)})
  RETURN c.key AS key, n
}
RETURN {
  id: key,
  type: CASE WHEN n:Community THEN 'community' ELSE toLower(head([l IN labels(n) WHERE NOT l IN ['Entity', 'Cadre']])) END,
  score: coalesce(n.riskScore, 0.0),
  grade: n.riskGrade,
  amount: coalesce(n.riskAmount, 0.0)
} AS item
