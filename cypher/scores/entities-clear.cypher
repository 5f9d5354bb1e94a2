// Entities scored or explained by an earlier run and not by this one lose their risk.
MATCH (e:Entity)
WHERE e.riskRun IS NOT NULL AND e.riskRun <> $runId
REMOVE e.riskScore, e.riskAmount, e.riskGrade, e.riskHits, e.riskEvidence, e.riskExplanation, e.riskAlertIds, e.riskRun
RETURN count(e) AS cleared
