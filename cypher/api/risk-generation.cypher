// What the API's in-memory risk view depends on, read every RISK_REFRESH_MS: the newest finished
// analysis run, community run and import, the triage decisions so far, and a checksum of the stored
// scores (count and sum, through the entity_risk index) that also catches a change made outside a
// run. Any difference and the view is rebuilt.
CALL () {
  OPTIONAL MATCH (r:AnalysisRun)
  WHERE r.finishedAt IS NOT NULL
  RETURN max(toString(r.finishedAt)) AS run
}
CALL () {
  OPTIONAL MATCH (r:CommunityRun)
  WHERE r.finishedAt IS NOT NULL
  RETURN max(toString(r.finishedAt)) AS communities
}
CALL () {
  OPTIONAL MATCH (i:Import)
  WHERE i.finishedAt IS NOT NULL
  RETURN max(toString(i.finishedAt)) AS imported
}
CALL () {
  OPTIONAL MATCH (t:TriageEvent)
  RETURN count(t) AS triaged, max(toString(t.at)) AS triagedAt
}
CALL () {
  MATCH (n:Entity)
  WHERE n.riskScore IS NOT NULL
  RETURN count(n) AS scored, sum(n.riskScore) AS scoreSum
}
RETURN [coalesce(run, ''), coalesce(communities, ''), coalesce(imported, ''), toString(triaged), coalesce(triagedAt, ''),
        toString(scored), toString(scoreSum)] AS parts
