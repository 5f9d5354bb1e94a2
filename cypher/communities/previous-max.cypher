// The highest community id any run issued (0 before the first run).
OPTIONAL MATCH (r:CommunityRun)
RETURN coalesce(max(r.maxIssued), 0) AS maxIssued
