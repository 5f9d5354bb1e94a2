// Region risk: the distinct active alerts on persons living in, or companies registered in, the
// region or any region below it, each counted at a damped weight; same money term as entities.
// Runs after cypher/scores/entities.cypher, so exactly the persons and companies named in an
// active alert carry riskHits: testing it skips reading the relationships of the hundreds of
// thousands of residents without an alert (15M db hits down to 3M on county-42).
MATCH (r:Region)
CALL (r) {
  OPTIONAL MATCH (a:Alert {active: true})-[:ON]->(e)-[:LIVES_IN|REGISTERED_IN]->(:Region)-[:PART_OF*0..3]->(r)
  WHERE e.riskHits IS NOT NULL
  WITH DISTINCT a
  WITH collect(a) AS alerts
  WITH alerts,
       reduce(miss = 1.0, a IN alerts | miss * (1.0 - a.score * $damping)) AS miss,
       reduce(total = 0.0, a IN alerts | total + a.amount) AS amount
  WITH size(alerts) AS hits, miss, amount,
       head([g IN $grades WHERE amount >= g.min | g.grade]) AS grade
  WITH hits, amount, grade, CASE WHEN hits = 0 THEN 1.0 ELSE miss * (1.0 - $moneyTerm[grade]) END AS miss
  SET r.riskScore = CASE WHEN hits = 0 THEN null ELSE round(100.0 * (1.0 - miss), 2) END,
      r.riskAmount = CASE WHEN hits = 0 THEN null ELSE amount END,
      r.riskGrade = CASE WHEN hits = 0 THEN null ELSE grade END,
      r.riskHits = CASE WHEN hits = 0 THEN null ELSE hits END
} IN TRANSACTIONS OF 500 ROWS
RETURN count(*) AS scored
