// Person and company risk: 100 × (1 − Π(1 − weight × confidence) × (1 − money term)) over the
// entity's active alerts; the money term follows the grade of the summed amounts at stake.
// The entities to score are those named in an active alert and those scored before (which may
// have lost their alerts), found through the alerts and the entity_risk index rather than by
// scanning every entity.
CALL {
  MATCH (:Alert {active: true})-[:ON]->(e:Entity)
  RETURN e
  UNION
  MATCH (e:Entity)
  WHERE e.riskScore IS NOT NULL
  RETURN e
}
WITH e
WHERE e:Person OR e:Company
CALL (e) {
  OPTIONAL MATCH (a:Alert {active: true})-[:ON]->(e)
  WITH collect(a) AS alerts
  WITH alerts,
       reduce(miss = 1.0, a IN alerts | miss * (1.0 - a.score)) AS miss,
       reduce(total = 0.0, a IN alerts | total + a.amount) AS amount
  WITH size(alerts) AS hits, miss, amount,
       head([g IN $grades WHERE amount >= g.min | g.grade]) AS grade
  WITH hits, amount, grade, CASE WHEN hits = 0 THEN 1.0 ELSE miss * (1.0 - $moneyTerm[grade]) END AS miss
  SET e.riskScore = CASE WHEN hits = 0 THEN null ELSE round(100.0 * (1.0 - miss), 2) END,
      e.riskAmount = CASE WHEN hits = 0 THEN null ELSE amount END,
      e.riskGrade = CASE WHEN hits = 0 THEN null ELSE grade END,
      e.riskHits = CASE WHEN hits = 0 THEN null ELSE hits END
} IN TRANSACTIONS OF 5000 ROWS
RETURN count(*) AS scored
