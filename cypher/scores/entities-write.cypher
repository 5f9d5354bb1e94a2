// Stores the risk of persons, companies and regions scored by this run, with the explanation the
// risk endpoint returns as it is (JSON) and the ids of the alerts in it (for their current status).
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.riskScore = row.score, e.riskAmount = row.amount, e.riskGrade = row.grade, e.riskHits = row.hits,
    e.riskEvidence = row.evidence, e.riskExplanation = row.explanation, e.riskAlertIds = row.alertIds, e.riskRun = $runId
