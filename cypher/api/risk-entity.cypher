// One entity's (or community's) risk and its explanation. An analysis run stores the explanation
// ready to send (riskExplanation, JSON): it comes back as it is, with the current triage status of
// the alerts it lists. Otherwise (an entity no run explained) it is read live: the active alerts
// behind the score, strongest first, each with its evidence resolved from element ids to nodes and
// ties. Persons, companies and others: alerts on the entity. Regions: alerts on the persons living
// and companies registered in the region or below it. Communities: alerts on their members.
CALL () {
  MATCH (n:Entity {id: $id}) RETURN n
  UNION
  MATCH (n:Community {id: toInteger($communityId)}) RETURN n
}
WITH n LIMIT 1
CALL (n) {
  WITH n WHERE n.riskExplanation IS NOT NULL
  RETURN n.riskExplanation AS stored,
         COLLECT { UNWIND coalesce(n.riskAlertIds, []) AS aid MATCH (a:Alert {id: aid}) RETURN [aid, a.status] } AS statuses
  UNION
  WITH n WHERE n.riskExplanation IS NULL
  RETURN null AS stored, [] AS statuses
}
CALL (n, stored) {
  WITH n WHERE stored IS NULL
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
    amount: a.amount, grade: a.grade, summary: a.summary, status: a.status, group: a.group,
    parties: [(a)-[pn:NAMES]->(p) | {id: p.id, type: toLower(head([l IN labels(p) WHERE NOT l IN ['Entity', 'Cadre']])), name: coalesce(p.name, p.id), part: pn.part}],
    evidence: {nodes: nodes, relationships: relationships}
  }) AS hits
  UNION
  WITH n WHERE stored IS NOT NULL
  RETURN [] AS hits
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
} AS risk, stored, statuses
