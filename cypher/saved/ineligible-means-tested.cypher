// name: ineligible-means-tested
// title: Means-tested grants to people who should not qualify
// title_zh: 不符合条件人员享受低保等救助
// description: >
//   Means-tested grants (dibao and the like) paid to a public employee, to a cadre in post on the
//   payment date, to an officer or shareholder of a company at that time, or to the owner of a
//   vehicle or real estate worth at least minAssetValue. Leads to verify, not proof: the reasons are
//   listed with each grant.
// schemes: [INELIGIBLE]
// parameters:
//   minAssetValue: { type: number, default: 50000, min: 0, description: "smallest vehicle or real-estate value (yuan) that counts" }
//   roles: { type: list, items: string, default: [legal_rep, shareholder, director, supervisor, manager], description: "company roles that count" }
//   fromYear: { type: integer, default: 2016, min: 1990, max: 2100, description: "first grant year" }
//   toYear: { type: integer, default: 2021, min: 1990, max: 2100, description: "last grant year" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (g:Grant)-[:UNDER]->(program:Program {meansTested: true})
WHERE $fromYear <= g.year <= $toYear
MATCH (g)-[:PAID_TO]->(p:Person)
WITH g, program, p,
     CASE WHEN p.publicEmployee THEN ['public employee' + coalesce(' (' + p.employer + ')', '')] ELSE [] END +
     COLLECT {
       MATCH (p)-[hp:HOLDS_POST]->(r:Region)
       WHERE hp.from <= g.paidDate AND (hp.to IS NULL OR hp.to >= g.paidDate)
       RETURN 'cadre: ' + hp.role + ' of ' + r.name
     } +
     COLLECT {
       MATCH (p)-[ro:ROLE_IN]->(c:Company)
       WHERE ro.role IN $roles AND (ro.from IS NULL OR ro.from <= g.paidDate) AND (ro.to IS NULL OR ro.to >= g.paidDate)
       RETURN 'company ' + ro.role + ': ' + c.id
     } +
     COLLECT {
       MATCH (p)-[:OWNS]->(a:Asset)
       WHERE a.kind IN ['vehicle', 'real_estate'] AND coalesce(a.value, 0) >= $minAssetValue
         AND (a.registeredDate IS NULL OR a.registeredDate <= g.paidDate)
       RETURN a.kind + ' worth ' + toString(a.value)
     } AS reasons
WHERE size(reasons) > 0
OPTIONAL MATCH (approver:Person)-[:APPROVED]->(g)
OPTIONAL MATCH (g)-[:IN]->(region:Region)
RETURN p.id AS personId, p.name AS person, reasons, g.id AS grantId, program.name AS program, g.year AS year,
       g.paidAmount AS paidAmount, region.name AS region, approver.id AS approvedBy, approver.name AS approver,
       COLLECT { MATCH (p)-[ro:ROLE_IN]->(c:Company) WHERE ro.role IN $roles RETURN DISTINCT c.id } AS companyIds
ORDER BY size(reasons) DESC, paidAmount DESC, grantId
LIMIT $limit
