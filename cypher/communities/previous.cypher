// The assignment left by the previous run: every entity carrying a communityId (through the
// entity_community index), as two parallel lists, and the highest community id ever issued.
// Community ids travel as floats (exact below 2^53): the driver decodes them without an Integer
// object each.
CALL {
  MATCH (n:Entity)
  WHERE n.communityId IS NOT NULL
  RETURN collect(n.id) AS ids, collect(toFloat(n.communityId)) AS communityIds
}
CALL {
  OPTIONAL MATCH (r:CommunityRun)
  RETURN max(r.maxIssued) AS maxIssued
}
RETURN ids, communityIds, coalesce(maxIssued, 0) AS maxIssued
