// Communities, riskiest first, keyset-paged on (score desc, id asc); `region` keeps those with a
// member in the region, `flag` those with an active alert of that flag on a member.
MATCH (c:Community)
WITH c, coalesce(c.riskScore, 0.0) AS score
WHERE score >= $minScore
  AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND c.id > $afterId))
  AND ($region IS NULL OR EXISTS { MATCH (m:Entity {communityId: c.id})-[:LIVES_IN|REGISTERED_IN|PART_OF*0..4]->(:Region {id: $region}) })
  AND ($flag IS NULL OR EXISTS { MATCH (:Alert {active: true, flag: $flag})-[:ON]->(:Entity {communityId: c.id}) })
WITH c, score ORDER BY score DESC, c.id ASC LIMIT $limit
RETURN {
  id: 'community:' + toString(c.id),
  key: c.id,
  type: 'community',
  name: coalesce(c.name, 'community ' + toString(c.id)),
  score: score,
  amount: coalesce(c.riskAmount, 0.0),
  grade: c.riskGrade
} AS item
