// name: duplicate-benefits
// title: Duplicate benefits and households rearranged before a grant
// title_zh: 重复领取及突击分户、迁户后享受补贴
// description: >
//   Two forms. `same_year`: one person paid twice under one program in the same year (in one
//   region or in two), with the cadres who signed the grants. `moved_before_grant`: a relative of a cadre (one KIN tie) moved into another
//   household, or split off a household of their own, at most windowDays before a grant to them;
//   the cadre and the household are listed.
// schemes: [DUPLICATE_BENEFIT]
// parameters:
//   windowDays: { type: integer, default: 365, min: 1, max: 1825, description: "days between the move and the grant" }
//   fromYear: { type: integer, default: 2016, min: 1990, max: 2100, description: "first grant year" }
//   toYear: { type: integer, default: 2021, min: 1990, max: 2100, description: "last grant year" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
CALL () {
  MATCH (g:Grant)-[:PAID_TO]->(p:Person)
  WHERE $fromYear <= g.year <= $toYear
  MATCH (g)-[:UNDER]->(program:Program)
  WITH p, program, g.year AS year, collect(g) AS grants
  WHERE size(grants) > 1
  WITH p, program, year, grants,
       COLLECT { UNWIND grants AS x MATCH (x)-[:IN]->(r:Region) RETURN DISTINCT r.id } AS regionIds,
       COLLECT { UNWIND grants AS x MATCH (c:Person)-[:APPROVED]->(x) RETURN DISTINCT c.id } AS cadreIds
  RETURN 'same_year' AS form, p, program, year, grants, regionIds, cadreIds, null AS householdId, null AS movedOn
  UNION ALL
  MATCH (p:Person)-[m:MOVED_TO]->(h:Household)
  MATCH (g:Grant)-[:PAID_TO]->(p)
  WHERE $fromYear <= g.year <= $toYear AND m.date <= g.paidDate AND g.paidDate <= m.date + duration({days: $windowDays})
  MATCH (p)-[:KIN]-(c:Cadre)
  MATCH (g)-[:UNDER]->(program:Program)
  WITH p, h, m, program, g, collect(DISTINCT c.id) AS cadreIds
  WITH p, h, m, program, collect(g) AS grants, cadreIds
  RETURN 'moved_before_grant' AS form, p, program, head([x IN grants | x.year]) AS year, grants,
         COLLECT { UNWIND grants AS x MATCH (x)-[:IN]->(r:Region) RETURN DISTINCT r.id } AS regionIds,
         cadreIds, h.id AS householdId, m.date AS movedOn
}
RETURN form, p.id AS personId, p.name AS person, program.name AS program, year, size(grants) AS grants,
       [g IN grants | g.id] AS grantIds, reduce(t = 0.0, g IN grants | t + g.paidAmount) AS paidAmount,
       regionIds, cadreIds, householdId, movedOn
ORDER BY form DESC, paidAmount DESC, personId
LIMIT $limit
