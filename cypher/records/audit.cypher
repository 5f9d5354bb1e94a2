// The move of the service's records out of the graph: audit events as an older version kept them,
// oldest first, a page at a time.
MATCH (e:AuditEvent)
WITH e ORDER BY e.at, e.id SKIP $skip LIMIT $limit
RETURN e {.id, at: toString(e.at), .keyId, .keyName, .role, .method, .route, .path, .params, .status, .ms, .ip} AS event
