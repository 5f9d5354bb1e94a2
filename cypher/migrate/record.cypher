// Records that schema version $version, with this checksum of cypher/schema.cypher, is in place.
MERGE (m:SchemaMigration {version: $version})
SET m.checksum = $checksum, m.appliedAt = datetime()
