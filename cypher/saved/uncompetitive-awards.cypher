// name: uncompetitive-awards
// title: Awards without competition
// title_zh: 未经有效竞争的项目
// description: >
//   Projects put out under a competitive procedure (open or invited tender, competitive
//   negotiation) that were awarded with at most one valid bid, and projects handed out without
//   competition (single source, direct award) for more than the tender threshold. With the winner,
//   the approving cadre and the disqualified rivals.
// schemes: [SINGLE_BID]
// parameters:
//   tenderThreshold: { type: number, default: 400000, min: 0, description: "award amount (yuan) above which a project must be competed" }
//   fromDate: { type: date, default: "2016-01-01", description: "first award date" }
//   toDate: { type: date, default: "2021-12-31", description: "last award date" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (project:Project)-[aw:AWARDED_TO]->(winner:Company)
WHERE date($fromDate) <= aw.date <= date($toDate)
WITH project, aw, winner,
     COUNT { MATCH (:Company)-[b:BID]->(project) WHERE NOT coalesce(b.disqualified, false) } AS validBids,
     COLLECT { MATCH (c:Company)-[b:BID]->(project) WHERE b.disqualified RETURN c.id } AS disqualified
WITH project, aw, winner, validBids, disqualified,
     CASE WHEN project.method IN ['open_tender', 'invited_tender', 'competitive_negotiation'] AND validBids <= 1
            THEN CASE WHEN size(disqualified) > 0 THEN 'rivals_disqualified' ELSE 'sole_bidder' END
          WHEN project.method IN ['single_source', 'direct_award'] AND aw.amount > $tenderThreshold
            THEN 'not_competed_above_threshold'
     END AS reason
WHERE reason IS NOT NULL
OPTIONAL MATCH (approver:Person)-[:APPROVED]->(project)
OPTIONAL MATCH (project)-[:IN]->(region:Region)
RETURN reason, project.id AS projectId, project.name AS project, project.method AS method, project.budget AS budget,
       aw.amount AS awardAmount, aw.date AS awardDate, validBids, disqualified AS disqualifiedIds,
       winner.id AS companyId, winner.name AS company, approver.id AS approvedBy, approver.name AS approver,
       region.id AS regionId, region.name AS region
ORDER BY awardAmount DESC, projectId
LIMIT $limit
