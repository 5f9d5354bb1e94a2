// After a flag ran: its alerts not hit by this run are retired. Untriaged ones go; triaged ones
// stay (inactive) so that the investigators' notes are never lost.
MATCH (a:Alert {flag: $flagId})
WHERE a.runId <> $runId
CALL (a) {
  WITH a WHERE a.status = 'new' AND NOT EXISTS { (a)-[:TRIAGE]->() }
  DETACH DELETE a
}
CALL (a) {
  WITH a WHERE a.status <> 'new' OR EXISTS { (a)-[:TRIAGE]->() }
  SET a.active = false
}
RETURN count(*) AS retired
