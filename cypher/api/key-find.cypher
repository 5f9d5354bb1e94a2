// The live key with this hash (revoked keys authenticate nobody).
MATCH (k:ApiKey {hash: $hash})
WHERE k.revokedAt IS NULL
RETURN k {keyId: k.id, .name, .role} AS actor
