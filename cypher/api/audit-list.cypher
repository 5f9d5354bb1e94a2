// Audit events, newest first, keyset-paged on (at desc, id asc).
MATCH (e:AuditEvent)
WHERE ($from IS NULL OR e.at >= datetime($from))
  AND ($to IS NULL OR e.at < datetime($to))
  AND ($actor IS NULL OR e.keyId = $actor OR e.keyName = $actor)
  AND ($afterAt IS NULL OR e.at < datetime($afterAt) OR (e.at = datetime($afterAt) AND e.id > $afterId))
WITH e ORDER BY e.at DESC, e.id ASC LIMIT $limit
RETURN e {.id, at: toString(e.at), .keyId, .keyName, .role, .method, .route, .path, .params, .status, .ms, .ip} AS event
