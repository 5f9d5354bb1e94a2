// name: top-villages-flagged-money
// title: Villages with the most flagged money, per year
// title_zh: 各年度问题线索涉及金额最多的村
// description: >
//   Active alerts placed in a village and a year: by the first grant or project in the alert's
//   evidence (its region and its year), else by the home or registered region of its first subject
//   (year unknown). Each alert's money counts once. The top `perYear` villages of each year by
//   money at stake, with the number of alerts and the flags.
// parameters:
//   fromYear: { type: integer, default: 2016, min: 1990, max: 2100, description: "first year" }
//   toYear: { type: integer, default: 2021, min: 1990, max: 2100, description: "last year" }
//   perYear: { type: integer, default: 10, min: 1, max: 1000, description: "villages listed per year" }
//   flags: { type: list, items: string, required: false, description: "only these flags (all when empty)" }
//   limit: { type: integer, default: 200, min: 1, max: 5000, description: "most rows returned" }
MATCH (a:Alert)
WHERE a.active = true AND (coalesce(size($flags), 0) = 0 OR a.flag IN $flags)
WITH a,
     COLLECT {
       MATCH (x) WHERE elementId(x) IN coalesce(a.evidenceNodes, []) AND (x:Grant OR x:Project)
       MATCH (x)-[:IN]->(r:Region)
       RETURN {region: r, year: coalesce(x.year, x.awardDate.year)} AS place ORDER BY place.year LIMIT 1
     } + COLLECT {
       MATCH (a)-[:ON]->(:Entity)-[:LIVES_IN|REGISTERED_IN|IN]->(r:Region)
       RETURN {region: r, year: null} AS place LIMIT 1
     } AS places
WITH a, head(places) AS place
WHERE place IS NOT NULL AND (place.year IS NULL OR $fromYear <= place.year <= $toYear)
WITH place.region AS village, place.year AS year, a
WITH village, year, count(a) AS alerts, sum(coalesce(a.amount, 0.0)) AS amount, collect(a.flag) AS flagList
OPTIONAL MATCH (village)-[:PART_OF]->(township:Region)
WITH year, village, township, alerts, amount,
     reduce(acc = [], f IN flagList | CASE WHEN f IN acc THEN acc ELSE acc + f END) AS flags
ORDER BY amount DESC, village.id
WITH year, collect({village: village, township: township, alerts: alerts, amount: amount, flags: flags})[0..$perYear] AS top
UNWIND range(0, size(top) - 1) AS i
WITH year, i + 1 AS rank, top[i] AS t
RETURN year, rank, t.village.id AS regionId, t.village.name AS region, t.village.level AS level,
       t.township.name AS township, t.alerts AS alerts, t.amount AS amount, t.flags AS flags
ORDER BY year IS NULL, year, rank
LIMIT $limit
