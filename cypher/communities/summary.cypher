// Per community: members by type, the active alerts on its members (each alert once, however
// many members it names) by flag, the money at stake (the sum of those alerts' amounts) and the
// top members (by risk score when scored, then by their alerts and amount).
//   $ids: community ids, or null for all; $minSize; $top: members listed per community;
//   $skip, $limit: a page of communities in id order
MATCH (k:Community)
WHERE ($ids IS NULL OR k.id IN $ids) AND k.size >= $minSize
WITH k
ORDER BY k.id
SKIP $skip
LIMIT $limit
CALL (k) {
  MATCH (m:Entity {communityId: k.id})
  RETURN count(m) AS size,
         sum(CASE WHEN m:Person THEN 1 ELSE 0 END) AS persons,
         sum(CASE WHEN m:Cadre THEN 1 ELSE 0 END) AS cadres,
         sum(CASE WHEN m:Company THEN 1 ELSE 0 END) AS companies
}
CALL (k) {
  MATCH (m:Entity {communityId: k.id})<-[:ON]-(a:Alert)
  WHERE a.active = true
  WITH DISTINCT a
  WITH a.flag AS flag, count(a) AS alerts, sum(coalesce(a.amount, 0.0)) AS amount
  ORDER BY alerts DESC, flag
  RETURN sum(alerts) AS alerts, sum(amount) AS amount, collect({flag: flag, alerts: alerts, amount: amount}) AS flags
}
CALL (k) {
  MATCH (m:Entity {communityId: k.id})
  OPTIONAL MATCH (m)<-[:ON]-(a:Alert)
  WHERE a.active = true
  WITH m, count(a) AS alerts, sum(coalesce(a.amount, 0.0)) AS amount
  ORDER BY coalesce(m.riskScore, 0.0) DESC, alerts DESC, amount DESC, m.id
  LIMIT $top
  RETURN collect({
    id: m.id,
    name: m.name,
    type: CASE WHEN m:Company THEN 'company' WHEN m:Cadre THEN 'cadre' WHEN m:Person THEN 'person' ELSE 'other' END,
    alerts: alerts,
    amount: amount,
    riskScore: m.riskScore
  }) AS top
}
RETURN k.id AS id, size, persons, cadres, companies, k.modularity AS modularity, k.runId AS runId,
       alerts, amount, flags, top
ORDER BY id
