// Records a triage decision on an alert, keeping the history: (:Alert)-[:TRIAGE]->(:TriageEvent).
// An alert with TRIAGE history is never deleted by a later run (see analysis/alerts-retire.cypher).
MATCH (a:Alert {id: $id})
WITH a, COUNT { (a)-[:TRIAGE]->() } AS seq
CREATE (a)-[:TRIAGE]->(t:TriageEvent {
  status: $status, previous: a.status, note: $note, by: $by, byName: $byName, at: datetime(), seq: seq
})
SET a.status = $status, a.triagedAt = t.at
RETURN a.id AS id
