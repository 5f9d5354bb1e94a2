// County baseline: program coverage, the households (persons without a household count alone) of a
// region paid under a program in a year, with each beneficiary's number of payments that year, and
// the households of each region. A grant to a cadre's relative under a program most households of
// the village receive is no sign of favouritism; a program that pays twice a year is no double
// payment when it pays someone twice.
CALL () {
  MATCH (g:Grant)-[:UNDER]->(pg:Program)
  MATCH (g)-[:IN]->(r:Region)
  MATCH (g)-[:PAID_TO]->(b:Person)
  WITH pg.id AS program, r.id AS region, g.year AS year, b, count(g) AS payments
  WITH program, region, year, payments, coalesce(head([(b)-[:MEMBER_OF]->(h:Household) | h.id]), b.id) AS household
  RETURN 'paid' AS what, program, region, year, count(DISTINCT household) AS households, collect(payments) AS payments
  UNION ALL
  MATCH (r:Region)
  WITH r, COUNT { (r)<-[:IN]-(:Household) } AS households
  WITH r, CASE WHEN households > 0 THEN households ELSE COUNT { (r)<-[:LIVES_IN]-(:Person) } END AS households
  WHERE households > 0
  RETURN 'region' AS what, null AS program, r.id AS region, null AS year, households, [] AS payments
}
RETURN what, program, region, year, households, payments
