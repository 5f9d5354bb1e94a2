// name: tipped-entities
// title: People and firms named in villagers' tips
// title_zh: 群众举报涉及的人员和企业
// description: >
//   Entities named in at least minTips tips received between fromDate and toDate, with the number of
//   tips, channels, first and last tip, their active alerts and earlier cases: a tip that agrees
//   with a detector hit is a strong lead.
// schemes: [TIP]
// parameters:
//   minTips: { type: integer, default: 1, min: 1, max: 1000, description: "fewest tips naming the entity" }
//   fromDate: { type: date, default: "2016-01-01", description: "first tip date" }
//   toDate: { type: date, default: "2021-12-31", description: "last tip date" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (t:Tip)-[:CONCERNS]->(e:Entity)
WHERE date($fromDate) <= t.receivedDate <= date($toDate)
WITH e, collect(t) AS tips
WHERE size(tips) >= $minTips
WITH e, tips,
     COUNT { MATCH (a:Alert)-[:ON]->(e) WHERE a.active = true } AS activeAlerts,
     COLLECT { MATCH (a:Alert)-[:ON]->(e) WHERE a.active = true RETURN DISTINCT a.flag } AS flags,
     COLLECT { MATCH (c:Case)-[:INVOLVES]->(e) RETURN c.id } AS caseIds
RETURN e.id AS entityId, e.name AS name, head([l IN labels(e) WHERE NOT l IN ['Entity', 'Cadre']]) AS type, e:Cadre AS cadre,
       size(tips) AS tips, reduce(d = null, t IN tips | CASE WHEN d IS NULL OR t.receivedDate < d THEN t.receivedDate ELSE d END) AS firstTip,
       reduce(d = null, t IN tips | CASE WHEN d IS NULL OR t.receivedDate > d THEN t.receivedDate ELSE d END) AS lastTip,
       reduce(cs = [], t IN tips | CASE WHEN t.channel IS NULL OR t.channel IN cs THEN cs ELSE cs + t.channel END) AS channels, activeAlerts, flags, caseIds, [t IN tips | t.id] AS tipIds, [t IN tips | t.summary][0..3] AS summaries
ORDER BY tips DESC, activeAlerts DESC, entityId
LIMIT $limit
