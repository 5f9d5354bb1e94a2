// schema-version: 4
// Constraints and indexes of the county graph. Every bundle row that has an id becomes an
// (:Entity {id}) node with its type label (Person, Company, ...), so one unique index serves
// every lookup by id; phones and addresses are shared identifier nodes keyed by their
// normalised value. Applied idempotently at start-up by services/graph/migrate.ts (every statement
// is IF NOT EXISTS or IF EXISTS).

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_value IF NOT EXISTS FOR (n:Phone) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT address_value IF NOT EXISTS FOR (n:Address) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT transfer_id IF NOT EXISTS FOR ()-[r:TRANSFER]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (n:Import) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT schema_migration IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.version IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_run_id IF NOT EXISTS FOR (n:CommunityRun) REQUIRE n.id IS UNIQUE;

CREATE INDEX person_id_number IF NOT EXISTS FOR (n:Person) ON (n.idNumber);
CREATE INDEX grant_year IF NOT EXISTS FOR (n:Grant) ON (n.year);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);

// Eventually consistent: imports write names without updating Lucene in each transaction; they wait
// for it to catch up once at the end (cypher/ingest/fulltext-refresh.cypher). Dropped first so that a
// database made before version 4 gets the setting (the index is rebuilt once).
DROP INDEX entity_names IF EXISTS;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Company|Region|Project|Program)
ON EACH [n.name]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true } };

CREATE INDEX entity_risk IF NOT EXISTS FOR (n:Entity) ON (n.riskScore);
// Entities explained by an analysis run (cypher/scores/entities-clear.cypher finds the earlier run's).
CREATE INDEX entity_risk_run IF NOT EXISTS FOR (n:Entity) ON (n.riskRun);
CREATE INDEX entity_community IF NOT EXISTS FOR (n:Entity) ON (n.communityId);
CREATE INDEX alert_flag IF NOT EXISTS FOR (n:Alert) ON (n.flag);
CREATE INDEX alert_active IF NOT EXISTS FOR (n:Alert) ON (n.active);
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT analysis_run_id IF NOT EXISTS FOR (n:AnalysisRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT flag_weight_flag IF NOT EXISTS FOR (n:FlagWeight) REQUIRE n.flag IS UNIQUE;
CREATE CONSTRAINT baseline_id IF NOT EXISTS FOR (n:Baseline) REQUIRE n.id IS UNIQUE;

CREATE INDEX alert_score IF NOT EXISTS FOR (n:Alert) ON (n.score);

// API keys, audit events, saved queries and their runs are no longer in the graph (saved queries
// can read every label): they live in the service store and the audit trail under DATA_DIR, moved
// there once by services/api/move-records.ts. Their old indexes go.
DROP CONSTRAINT api_key_id IF EXISTS;
DROP CONSTRAINT api_key_hash IF EXISTS;
DROP INDEX audit_at IF EXISTS;
DROP CONSTRAINT saved_query_name IF EXISTS;
DROP CONSTRAINT query_run_id IF EXISTS;
DROP INDEX query_run_at IF EXISTS;
