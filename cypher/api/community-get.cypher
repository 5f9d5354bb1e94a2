// One community: its summary, member count, and its members riskiest first (at most $memberLimit),
// with their element ids for the subgraph.
MATCH (c:Community {id: toInteger($id)})
CALL (c) {
  MATCH (m:Entity {communityId: c.id})
  WITH m ORDER BY coalesce(m.riskScore, -1.0) DESC, m.id LIMIT $memberLimit
  RETURN collect({
    elementId: elementId(m),
    node: m {
      .id,
      type: toLower(head([l IN labels(m) WHERE NOT l IN ['Entity', 'Cadre']])),
      name: coalesce(m.name, m.id),
      cadre: m:Cadre, riskScore: m.riskScore, riskGrade: m.riskGrade, communityId: m.communityId, year: m.year
    }
  }) AS members
}
RETURN c {
  .id, .size, .modularity, .persons, .cadres, .companies,
  name: coalesce(c.name, 'community ' + toString(c.id)),
  score: coalesce(c.riskScore, 0.0),
  amount: coalesce(c.riskAmount, 0.0),
  grade: c.riskGrade,
  hits: coalesce(c.riskHits, 0),
  memberCount: COUNT { MATCH (m:Entity) WHERE m.communityId = c.id }
} AS community, members
