// Every person and company with its risk score (0 when unflagged) and community, for evaluation.
MATCH (e:Entity)
WHERE e:Person OR e:Company
RETURN e.id AS id, coalesce(e.riskScore, 0.0) AS score, e.communityId AS community
