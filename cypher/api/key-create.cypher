// Stores a new API key: only its sha256 hash, never the key itself.
CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, createdAt: datetime(), revokedAt: null})
RETURN k {.id, .name, .role, createdAt: toString(k.createdAt), revokedAt: null} AS key
