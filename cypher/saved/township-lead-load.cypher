// name: township-lead-load
// title: Leads waiting for each township's inspectors
// title_zh: 各乡镇待核查问题线索数量
// description: >
//   Active alerts not yet triaged (status in `statuses`, `new` by default), counted for the
//   township of each of their subjects (an alert naming people of two townships counts for both):
//   how many, how many strong (score at least strongScore), the money at stake, the oldest, and
//   the count by flag. The workload behind "few inspectors, many small cases".
// parameters:
//   statuses: { type: list, items: string, default: [new], description: "triage statuses that count as waiting" }
//   strongScore: { type: number, default: 0.5, min: 0, max: 1, description: "alert score (weight × confidence) from which a lead counts as strong" }
//   limit: { type: integer, default: 200, min: 1, max: 5000, description: "most rows returned" }
MATCH (a:Alert)
WHERE a.active = true AND coalesce(a.status, 'new') IN $statuses
WITH a, COLLECT {
  MATCH (a)-[:ON]->(:Entity)-[:LIVES_IN|REGISTERED_IN|IN]->(r:Region)
  OPTIONAL MATCH (r)-[:PART_OF]->(up:Region)
  RETURN DISTINCT CASE WHEN r.level = 'village' THEN up ELSE r END AS t
} AS townships
UNWIND CASE WHEN size(townships) = 0 THEN [null] ELSE townships END AS township
WITH township, a
WITH township, count(DISTINCT a) AS leads,
     count(DISTINCT CASE WHEN a.score >= $strongScore THEN a END) AS strongLeads,
     sum(coalesce(a.amount, 0.0)) AS amount, min(a.createdAt) AS oldest, collect(a.flag) AS flagList
WITH township, leads, strongLeads, amount, oldest,
     [f IN reduce(acc = [], f IN flagList | CASE WHEN f IN acc THEN acc ELSE acc + f END) |
        f + ': ' + toString(size([x IN flagList WHERE x = f]))] AS byFlag
RETURN township.id AS townshipId, coalesce(township.name, '(no region)') AS township, leads, strongLeads, amount,
       toString(oldest) AS oldestLead, byFlag
ORDER BY leads DESC, amount DESC, townshipId
LIMIT $limit
