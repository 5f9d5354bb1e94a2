// After a flag ran: its alerts not hit by this run are retired. Untriaged ones go; triaged ones
// stay (inactive) so that the investigators' notes are never lost. The decision is taken before
// any delete, so no branch reads a deleted node.
MATCH (a:Alert {flag: $flagId})
WHERE a.runId <> $runId
WITH a, (a.status <> 'new' OR EXISTS { (a)-[:TRIAGE]->() }) AS keep
CALL (a, keep) {
  WITH a WHERE NOT keep
  DETACH DELETE a
}
CALL (a, keep) {
  WITH a WHERE keep
  SET a.active = false
}
RETURN count(*) AS retired
