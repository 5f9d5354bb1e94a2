// Deletes every node but the schema record, in batches so large graphs do not exhaust memory.
MATCH (n) WHERE NOT n:SchemaMigration
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
