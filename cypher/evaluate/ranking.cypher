// Every person and company with its risk score (0 when unflagged), whether it is scored at all (the
// risk ranking lists only scored entities), its community, and the alerts its explanation lists (two
// entities tie fairly only when their evidence is the same), for evaluation.
MATCH (e:Entity)
WHERE e:Person OR e:Company
RETURN e.id AS id, coalesce(e.riskScore, 0.0) AS score, e.riskScore IS NOT NULL AS scored, e.communityId AS community,
       coalesce(e.riskAlertIds, []) AS alerts
