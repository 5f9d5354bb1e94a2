// name: cases-and-tips-by-year
// title: Cases and tips per year, field and township
// title_zh: 分年度、领域、乡镇的立案与信访举报统计
// description: >
//   Disciplinary cases (by the year opened, their field, and the township of their first subject)
//   and villagers' tips (by the year received and the township of their first subject; tips carry
//   no field, so they are counted under the field of the case they match when one names the same
//   subject, else under "-"), from fromYear to toYear. With the money of the cases.
// parameters:
//   fromYear: { type: integer, default: 2016, min: 1990, max: 2100, description: "first year" }
//   toYear: { type: integer, default: 2021, min: 1990, max: 2100, description: "last year" }
//   limit: { type: integer, default: 1000, min: 1, max: 5000, description: "most rows returned" }
CALL () {
  MATCH (c:Case)
  WHERE $fromYear <= c.openedDate.year <= $toYear
  WITH c, COLLECT {
    MATCH (c)-[:INVOLVES]->(:Entity)-[:LIVES_IN|REGISTERED_IN|IN]->(r:Region)
    OPTIONAL MATCH (r)-[:PART_OF]->(up:Region)
    RETURN CASE WHEN r.level = 'village' THEN up ELSE r END AS tw LIMIT 1
  } AS townships
  RETURN c.openedDate.year AS year, head(townships) AS township, coalesce(c.field, '-') AS field,
         1 AS cases, coalesce(c.amount, 0.0) AS amount, 0 AS tips
  UNION ALL
  MATCH (t:Tip)
  WHERE $fromYear <= t.receivedDate.year <= $toYear
  WITH t,
    COLLECT {
      MATCH (t)-[:CONCERNS]->(:Entity)-[:LIVES_IN|REGISTERED_IN|IN]->(r:Region)
      OPTIONAL MATCH (r)-[:PART_OF]->(up:Region)
      RETURN CASE WHEN r.level = 'village' THEN up ELSE r END AS tw LIMIT 1
    } AS townships,
    COLLECT { MATCH (t)-[:CONCERNS]->(:Entity)<-[:INVOLVES]-(c:Case) WHERE c.field IS NOT NULL RETURN c.field LIMIT 1 } AS fields
  RETURN t.receivedDate.year AS year, head(townships) AS township, coalesce(head(fields), '-') AS field,
         0 AS cases, 0.0 AS amount, 1 AS tips
}
WITH year, township, field, sum(cases) AS cases, sum(amount) AS caseAmount, sum(tips) AS tips
RETURN year, township.id AS townshipId, coalesce(township.name, '-') AS township, field, cases, caseAmount, tips
ORDER BY year, township, field
LIMIT $limit
