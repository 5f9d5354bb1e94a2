// name: split-purchases
// title: Purchases split under the tender threshold
// title_zh: 化整为零规避招标
// description: >
//   One company given several awards in one region within windowDays, each below the tender
//   threshold and none tendered, that together exceed it: one job cut into lots so that none had to
//   be tendered. One row per run of pieces (starting at the first piece with no earlier piece
//   inside the window), with the pieces, the total and the cadres who signed them.
// schemes: [SPLIT_PURCHASE]
// parameters:
//   tenderThreshold: { type: number, default: 400000, min: 0, description: "award amount (yuan) from which a purchase must be tendered" }
//   windowDays: { type: integer, default: 180, min: 1, max: 1095, description: "days from the first piece within which the pieces fall" }
//   minPieces: { type: integer, default: 3, min: 2, max: 50, description: "fewest awards in the window" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (project:Project)-[aw:AWARDED_TO]->(company:Company)
WHERE aw.amount < $tenderThreshold AND NOT project.method IN ['open_tender', 'invited_tender']
MATCH (project)-[:IN]->(region:Region)
WITH company, region, aw ORDER BY aw.date
WITH company, region, collect(aw) AS awards
WHERE size(awards) >= $minPieces
UNWIND range(0, size(awards) - 1) AS i
WITH company, region, awards, i, awards[i].date AS start
// A run starts at a piece with no earlier piece inside the window.
WHERE i = 0 OR awards[i - 1].date < start - duration({days: $windowDays})
WITH company, region, [a IN awards WHERE start <= a.date <= start + duration({days: $windowDays})] AS pieces
WITH company, region, pieces, reduce(t = 0.0, a IN pieces | t + a.amount) AS total
WHERE size(pieces) >= $minPieces AND total > $tenderThreshold
WITH company, region, pieces, total, [a IN pieces | startNode(a)] AS projects
RETURN company.id AS companyId, company.name AS company, region.id AS regionId, region.name AS region,
       size(pieces) AS pieces, total, head(pieces).date AS firstAward, last(pieces).date AS lastAward,
       [p IN projects | p.id] AS projectIds,
       COLLECT { UNWIND projects AS p MATCH (c:Person)-[:APPROVED]->(p) RETURN DISTINCT c.id } AS approvedBy,
       [p IN projects | p.method] AS methods
ORDER BY total DESC, companyId
LIMIT $limit
