// name: kin-firm-contracts
// title: Contracts awarded to firms tied to cadres of the same village
// title_zh: 本村干部及其亲属关联企业承接工程
// description: >
//   Projects awarded to a company in which a cadre, or a relative of the cadre (one KIN tie in
//   either direction), held an officer role on the award date, where the cadre approved the project
//   or held a post in the project's village (or its township) on that date. `frontMen` lists the
//   firm's other officers (nominees often front such firms).
// schemes: [KIN_CONTRACT]
// graph: true
// parameters:
//   roles: { type: list, items: string, default: [legal_rep, shareholder, director, supervisor, manager], description: "company roles that make the firm the holder's own" }
//   fromDate: { type: date, default: "2016-01-01", description: "first award date" }
//   toDate: { type: date, default: "2021-12-31", description: "last award date" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (project:Project)-[aw:AWARDED_TO]->(company:Company)
WHERE date($fromDate) <= aw.date <= date($toDate)
MATCH (project)-[:IN]->(region:Region)
MATCH (holder:Person)-[ro:ROLE_IN]->(company)
WHERE ro.role IN $roles AND (ro.from IS NULL OR ro.from <= aw.date) AND (ro.to IS NULL OR ro.to >= aw.date)
CALL (holder) {
  MATCH (holder:Cadre)
  RETURN holder AS cadre, 'self' AS relation, [] AS kin
  UNION
  MATCH (holder)-[k:KIN]-(cadre:Cadre)
  RETURN cadre,
         CASE WHEN startNode(k) = cadre THEN k.relation
              ELSE coalesce({parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent',
                             uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'}[k.relation], k.relation) END AS relation,
         [k] AS kin
}
OPTIONAL MATCH (cadre)-[ap:APPROVED]->(project)
OPTIONAL MATCH (cadre)-[hp:HOLDS_POST]->(pr:Region)
WHERE hp.from <= aw.date AND (hp.to IS NULL OR hp.to >= aw.date)
  AND (pr = region OR EXISTS { (region)-[:PART_OF]->(pr) })
WITH project, aw, company, region, holder, ro, cadre, relation, kin, ap, collect(hp)[0] AS hp
WHERE ap IS NOT NULL OR hp IS NOT NULL
RETURN cadre.id AS cadreId, cadre.name AS cadre, hp.role AS post, relation, holder.id AS holderId, holder.name AS holder,
       ro.role AS holderRole, ro.share AS share, company.id AS companyId, company.name AS company,
       COLLECT { MATCH (o:Person)-[r:ROLE_IN]->(company) WHERE o <> holder AND r.role IN $roles RETURN DISTINCT o.id } AS frontMen,
       project.id AS projectId, project.name AS project, project.method AS method, aw.amount AS awardAmount, aw.date AS awardDate,
       region.id AS regionId, region.name AS region, ap IS NOT NULL AS approvedByCadre,
       [x IN kin + [ro, aw, ap, hp] WHERE x IS NOT NULL] AS links
ORDER BY approvedByCadre DESC, awardAmount DESC, projectId
LIMIT $limit
