// Communities, riskiest first (score desc, id asc, keyset-paged), each with its three riskiest
// members and the flags of the active alerts on its members.
MATCH (c:Community)
WITH c, coalesce(c.riskScore, 0.0) AS score
WHERE score >= $minScore
  AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND c.id > $afterId))
WITH c, score ORDER BY score DESC, c.id ASC LIMIT $limit
CALL (c) {
  MATCH (m:Entity {communityId: c.id})
  WITH m ORDER BY coalesce(m.riskScore, -1.0) DESC, m.id LIMIT 3
  RETURN collect(m {
    .id,
    type: toLower(head([l IN labels(m) WHERE NOT l IN ['Entity', 'Cadre']])),
    name: coalesce(m.name, m.id),
    riskScore: m.riskScore
  }) AS topMembers
}
CALL (c) {
  MATCH (a:Alert {active: true})-[:ON]->(:Entity {communityId: c.id})
  WITH DISTINCT a
  WITH a.flag AS flag, count(*) AS n ORDER BY n DESC, flag
  RETURN collect({flag: flag, count: n}) AS flags
}
RETURN c {
  .id, .size, .modularity, .persons, .cadres, .companies,
  name: coalesce(c.name, 'community ' + toString(c.id)),
  score: score,
  amount: coalesce(c.riskAmount, 0.0),
  grade: c.riskGrade,
  hits: coalesce(c.riskHits, 0),
  topMembers: topMembers,
  flags: flags
} AS community
