// name: community-overview
// title: Networks holding cadres with firms or beneficiaries, and many alerts
// title_zh: 团伙网络概览（社区检测结果）
// description: >
//   The communities found by analysis (communityId on entities) that hold at least one cadre
//   together with companies or grant beneficiaries, with their size, members by type, distinct
//   active alerts by flag and the money at stake. Empty until an analysis run has detected
//   communities.
// schemes: [COLLUSION_RING]
// parameters:
//   minAlerts: { type: integer, default: 2, min: 0, max: 10000, description: "fewest distinct active alerts on the members" }
//   maxSize: { type: integer, default: 20000, min: 2, max: 1000000, description: "largest community listed (a county's communities are township-sized, up to about 12,000 members; a giant component says little)" }
//   limit: { type: integer, default: 100, min: 1, max: 1000, description: "most rows returned" }
MATCH (m:Entity)
WHERE m.communityId IS NOT NULL
WITH m.communityId AS community, collect(m) AS members
WHERE size(members) <= $maxSize
WITH community, members,
     size([m IN members WHERE m:Cadre]) AS cadres,
     size([m IN members WHERE m:Company]) AS companies,
     size([m IN members WHERE m:Person AND EXISTS { (m)<-[:PAID_TO]-(:Grant) }]) AS beneficiaries
WHERE cadres > 0 AND companies + beneficiaries > 0
CALL (members) {
  UNWIND members AS m
  MATCH (a:Alert)-[:ON]->(m)
  WHERE a.active = true
  WITH DISTINCT a
  WITH a.flag AS flag, count(a) AS n, sum(coalesce(a.amount, 0.0)) AS amount
  ORDER BY n DESC, flag
  RETURN sum(n) AS alerts, sum(amount) AS amount, collect(flag + ': ' + toString(n)) AS flags
}
WITH community, members, cadres, companies, beneficiaries, alerts, amount, flags
WHERE alerts >= $minAlerts
RETURN community, size(members) AS size, cadres, companies, beneficiaries, alerts, amount, flags,
       [m IN members WHERE m:Cadre | m.id] AS cadreIds, [m IN members WHERE m:Company | m.id] AS companyIds,
       [m IN members WHERE m:Person | m.id][0..50] AS personIds
ORDER BY alerts DESC, amount DESC, community
LIMIT $limit
