// One entity's (or community's) risk and its explanation: the active alerts behind the score,
// strongest first, each with its evidence resolved from element ids to nodes and ties.
// Persons, companies and others: alerts on the entity. Regions: alerts on the persons living and
// companies registered in the region or below it. Communities: alerts on their members.
CALL () {
  MATCH (n:Entity {id: $id}) RETURN n
  UNION
  MATCH (n:Community {id: toInteger($communityId)}) RETURN n
}
WITH n LIMIT 1
CALL (n) {
  CALL (n) {
    WITH n WHERE n:Region
    MATCH (a:Alert {active: true})-[:ON]->()-[:LIVES_IN|REGISTERED_IN]->(:Region)-[:PART_OF*0..3]->(n)
    RETURN DISTINCT a
    UNION
    WITH n WHERE n:Community
    MATCH (a:Alert {active: true})-[:ON]->(:Entity {communityId: n.id})
    RETURN DISTINCT a
    UNION
    WITH n WHERE NOT n:Region AND NOT n:Community
    MATCH (a:Alert {active: true})-[:ON]->(n)
    RETURN a
  }
  WITH a ORDER BY a.score DESC, a.amount DESC, a.id LIMIT $maxHits
  {{EVIDENCE}}
  RETURN collect({
    alertId: a.id, flag: a.flag, weight: a.weight, confidence: a.confidence, score: a.score,
    amount: a.amount, grade: a.grade, summary: a.summary, status: a.status,
    evidence: {nodes: nodes, relationships: relationships}
  }) AS hits
}
RETURN {
  id: CASE WHEN n:Community THEN 'community:' + toString(n.id) ELSE n.id END,
  type: CASE WHEN n:Community THEN 'community' ELSE toLower(head([l IN labels(n) WHERE NOT l IN ['Entity', 'Cadre']])) END,
  name: CASE WHEN n:Community THEN coalesce(n.name, 'community ' + toString(n.id)) ELSE coalesce(n.name, n.id) END,
  score: coalesce(n.riskScore, 0.0),
  grade: n.riskGrade,
  amount: coalesce(n.riskAmount, 0.0),
  hitCount: coalesce(n.riskHits, size(hits)),
  hits: hits
} AS risk
