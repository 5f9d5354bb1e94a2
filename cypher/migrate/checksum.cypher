// The checksum recorded when schema version $version was applied (no row: not applied yet).
MATCH (m:SchemaMigration {version: $version})
RETURN m.checksum AS checksum
