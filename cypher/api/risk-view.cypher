// The API's in-memory risk view (services/api/risk/view.ts): every scored or explained entity,
// every entity with an active alert, and every community, with what the ranking filters on
// (labels, the regions it is in or under, the flags of its active alerts: the same tests as
// risk-ranking.cypher and risk-ranking-communities.cypher make) and the explanation an analysis
// run stored (riskExplanation, JSON) with the alerts it lists (riskAlertIds).
CALL () {
  CALL () {
    MATCH (n:Entity)
    WHERE n.riskScore IS NOT NULL OR n.riskExplanation IS NOT NULL
    RETURN n
    UNION
    MATCH (:Alert {active: true})-[:ON]->(n:Entity)
    RETURN n
  }
  RETURN {
    id: n.id,
    key: null,
    labels: labels(n),
    type: toLower(head([l IN labels(n) WHERE NOT l IN ['Entity', 'Cadre']])),
    name: coalesce(n.name, n.id),
    score: n.riskScore,
    amount: coalesce(n.riskAmount, 0.0),
    grade: n.riskGrade,
    explanation: n.riskExplanation,
    alertIds: coalesce(n.riskAlertIds, []),
    regions: COLLECT { MATCH (n)-[:LIVES_IN|REGISTERED_IN|PART_OF*0..4]->(r:Entity:Region) RETURN DISTINCT r.id },
    flags: COLLECT { MATCH (a:Alert {active: true})-[:ON]->(n) RETURN DISTINCT a.flag }
  } AS entry
  UNION ALL
  MATCH (c:Community)
  RETURN {
    id: 'community:' + toString(c.id),
    key: c.id,
    labels: [],
    type: 'community',
    name: coalesce(c.name, 'community ' + toString(c.id)),
    score: coalesce(c.riskScore, 0.0),
    amount: coalesce(c.riskAmount, 0.0),
    grade: c.riskGrade,
    explanation: c.riskExplanation,
    alertIds: coalesce(c.riskAlertIds, []),
    regions: COLLECT { MATCH (:Entity {communityId: c.id})-[:LIVES_IN|REGISTERED_IN|PART_OF*0..4]->(r:Region) RETURN DISTINCT r.id },
    flags: COLLECT { MATCH (a:Alert {active: true})-[:ON]->(:Entity {communityId: c.id}) RETURN DISTINCT a.flag }
  } AS entry
}
RETURN entry
