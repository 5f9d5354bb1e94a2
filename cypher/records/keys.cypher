// The move of the service's records out of the graph (services/api/move-records.ts): API keys as
// an older version kept them, (:ApiKey {id, name, role, hash, createdAt, revokedAt}).
MATCH (k:ApiKey)
RETURN k {.id, .name, .role, .hash, createdAt: toString(k.createdAt), revokedAt: toString(k.revokedAt)} AS key
ORDER BY key.createdAt, key.id
