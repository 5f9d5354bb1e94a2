// Whether a live admin key exists.
RETURN EXISTS { MATCH (k:ApiKey {role: 'admin'}) WHERE k.revokedAt IS NULL } AS exists
