// Community risk: the distinct active alerts on its members, each counted at a damped weight.
MATCH (c:Community)
CALL (c) {
  OPTIONAL MATCH (a:Alert {active: true})-[:ON]->(e:Entity {communityId: c.id})
  WITH DISTINCT a
  WITH collect(a) AS alerts
  WITH alerts,
       reduce(miss = 1.0, a IN alerts | miss * (1.0 - a.score * $damping)) AS miss,
       reduce(total = 0.0, a IN alerts | total + a.amount) AS amount
  WITH size(alerts) AS hits, miss, amount,
       head([g IN $grades WHERE amount >= g.min | g.grade]) AS grade
  WITH hits, amount, grade, CASE WHEN hits = 0 THEN 1.0 ELSE miss * (1.0 - $moneyTerm[grade]) END AS miss
  SET c.riskScore = round(100.0 * (1.0 - miss), 2), c.riskAmount = amount, c.riskGrade = grade, c.riskHits = hits
} IN TRANSACTIONS OF 1000 ROWS
RETURN count(*) AS scored
