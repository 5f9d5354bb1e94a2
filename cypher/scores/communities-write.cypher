// Stores each community's risk from its members' alerts, with its explanation; communities without
// a scored member get 0.
MATCH (c:Community)
WITH c, [row IN $rows WHERE row.id = c.id][0] AS row
SET c.riskScore = coalesce(row.score, 0.0), c.riskAmount = coalesce(row.amount, 0.0), c.riskGrade = row.grade,
    c.riskHits = coalesce(row.hits, 0), c.riskEvidence = coalesce(row.evidence, 0.0), c.riskExplanation = row.explanation,
    c.riskAlertIds = coalesce(row.alertIds, [])
RETURN count(c) AS scored
