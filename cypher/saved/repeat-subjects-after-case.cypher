// name: repeat-subjects-after-case
// title: Subjects of earlier cases who are still approving, receiving or winning
// title_zh: 曾受处理人员（企业）此后仍在审批、领取或中标
// description: >
//   People and companies that were subjects of a disciplinary case, with what they did after the
//   case was opened: posts held, grants and projects they approved, grants they received and
//   projects their firms won. A subject who keeps the same powers after a case deserves a look.
// schemes: [PRIOR_CASE]
// parameters:
//   outcomes: { type: list, items: string, default: [none, warning, serious_warning, demerit, major_demerit, removal, expulsion, criminal_transfer], description: "case outcomes that count" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (c:Case)-[:INVOLVES]->(s:Entity)
WHERE c.outcome IS NULL OR c.outcome IN $outcomes
WITH s, c, c.openedDate AS since
WITH s, c, since,
     COUNT { MATCH (s)-[hp:HOLDS_POST]->() WHERE hp.to IS NULL OR hp.to > since } AS postsAfter,
     COUNT { MATCH (s)-[:APPROVED]->(g:Grant) WHERE g.paidDate > since } AS grantsApprovedAfter,
     COUNT { MATCH (s)-[:APPROVED]->(p:Project) WHERE p.awardDate > since } AS projectsApprovedAfter,
     COUNT { MATCH (g:Grant)-[:PAID_TO]->(s) WHERE g.paidDate > since } AS grantsReceivedAfter,
     COUNT { MATCH (p:Project)-[aw:AWARDED_TO]->(s) WHERE aw.date > since } AS projectsWonAfter,
     COUNT { MATCH (a:Alert)-[:ON]->(s) WHERE a.active = true } AS activeAlerts
RETURN s.id AS entityId, s.name AS name, head([l IN labels(s) WHERE NOT l IN ['Entity', 'Cadre']]) AS type,
       c.id AS caseId, c.typology AS typology, c.field AS field, c.openedDate AS opened, c.closedDate AS closed, c.outcome AS outcome,
       postsAfter, grantsApprovedAfter, projectsApprovedAfter, grantsReceivedAfter, projectsWonAfter, activeAlerts
ORDER BY postsAfter + grantsApprovedAfter + projectsApprovedAfter + grantsReceivedAfter + projectsWonAfter DESC, activeAlerts DESC, entityId
LIMIT $limit
