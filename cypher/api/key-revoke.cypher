// Revokes a key (kept for the audit trail); revoking twice keeps the first date. Returns its hash
// so that the API can drop it from its cache.
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k {.id, .name, .role, createdAt: toString(k.createdAt), revokedAt: toString(k.revokedAt)} AS key, k.hash AS hash
