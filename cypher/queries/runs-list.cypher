// Runs of saved queries, newest first, optionally of one query or one key.
MATCH (r:QueryRun)
WHERE ($query IS NULL OR r.query = $query) AND ($actor IS NULL OR r.keyId = $actor OR r.keyName = $actor)
RETURN r {.id, at: toString(r.at), .keyId, .keyName, .role, .query, .version, .source, .params, .rows, .truncated, .ms, .status, .error, .format} AS run
ORDER BY r.at DESC, r.id DESC
LIMIT $limit
