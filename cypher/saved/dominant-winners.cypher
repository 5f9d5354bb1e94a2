// name: dominant-winners
// title: Firms taking most of a region's award value in a year
// title_zh: 标王：一家企业包揽某地全年大部分工程
// description: >
//   For each village and each township (its own projects and its villages' together) and year: the
//   company that won the largest share of the award value, listed when its share is at least
//   minShare and the region's total at least minTotal. With the cadres who signed those awards.
// schemes: [DOMINANT_WINNER]
// parameters:
//   minShare: { type: number, default: 0.5, min: 0, max: 1, description: "smallest share of the region's award value in the year" }
//   minTotal: { type: number, default: 500000, min: 0, description: "smallest award value (yuan) of the region in the year" }
//   minProjects: { type: integer, default: 2, min: 1, max: 100, description: "fewest projects the firm won there that year" }
//   limit: { type: integer, default: 200, min: 1, max: 5000, description: "most rows returned" }
MATCH (project:Project)-[aw:AWARDED_TO]->(company:Company)
MATCH (project)-[:IN]->(r:Region)
// Every project counts for its own region and for the township above a village.
CALL (r) {
  RETURN r AS region
  UNION
  MATCH (r)-[:PART_OF]->(region:Region {level: 'township'})
  RETURN region
}
WITH region, aw.date.year AS year, company, project, aw
WITH region, year, company, collect(project) AS projects, sum(aw.amount) AS won
WITH region, year, collect({company: company, projects: projects, won: won}) AS firms, sum(won) AS total
WHERE total >= $minTotal
UNWIND firms AS f
WITH region, year, total, f ORDER BY f.won DESC
WITH region, year, total, head(collect(f)) AS top
WHERE top.won / total >= $minShare AND size(top.projects) >= $minProjects
RETURN region.id AS regionId, region.name AS region, region.level AS level, year,
       top.company.id AS companyId, top.company.name AS company, size(top.projects) AS projects,
       top.won AS won, total, round(1000.0 * top.won / total) / 1000.0 AS share,
       [p IN top.projects | p.id] AS projectIds,
       COLLECT { UNWIND top.projects AS p MATCH (c:Person)-[:APPROVED]->(p) RETURN DISTINCT c.id } AS approvedBy
ORDER BY share DESC, won DESC, regionId, year
LIMIT $limit
