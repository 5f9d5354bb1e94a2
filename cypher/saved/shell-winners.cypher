// name: shell-winners
// title: Firms founded just before the tender they win, or alive for one project
// title_zh: 为特定项目突击成立的企业
// description: >
//   Winning companies registered at most maxDays before the project was announced (or awarded, when
//   no announcement is recorded), and companies that won exactly one project in their life and are
//   now deregistered or revoked. With the officers (front men are common) and the approving cadre.
// schemes: [SHELL_WINNER]
// parameters:
//   maxDays: { type: integer, default: 90, min: 1, max: 3650, description: "days between registration and announcement that count as 'just before'" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (project:Project)-[aw:AWARDED_TO]->(company:Company)
WITH project, aw, company, coalesce(project.announceDate, aw.date) AS opened,
     COUNT { (:Project)-[:AWARDED_TO]->(company) } AS wins,
     COUNT { (company)-[:BID]->(:Project) } AS bids
WITH project, aw, company, opened, wins, bids,
     CASE WHEN company.registeredDate IS NOT NULL THEN duration.inDays(company.registeredDate, opened).days END AS ageDays
WITH project, aw, company, wins, bids, ageDays,
     [x IN [
       CASE WHEN ageDays IS NOT NULL AND ageDays <= $maxDays THEN 'registered ' + toString(ageDays) + ' days before the tender' END,
       CASE WHEN wins = 1 AND company.status IN ['deregistered', 'revoked'] THEN 'one project, then ' + company.status END
     ] WHERE x IS NOT NULL] AS reasons
WHERE size(reasons) > 0
OPTIONAL MATCH (approver:Person)-[:APPROVED]->(project)
RETURN company.id AS companyId, company.name AS company, company.registeredDate AS registered, company.status AS status,
       reasons, wins, bids, project.id AS projectId, project.name AS project, project.method AS method,
       aw.amount AS awardAmount, aw.date AS awardDate, approver.id AS approvedBy, approver.name AS approver,
       COLLECT { MATCH (o:Person)-[:ROLE_IN]->(company) RETURN DISTINCT o.id } AS officerIds
ORDER BY size(reasons) DESC, awardAmount DESC, companyId
LIMIT $limit
