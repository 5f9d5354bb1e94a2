// Constraints of the saved-query store, applied idempotently when the catalogue starts.
CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (q:SavedQuery) REQUIRE q.name IS UNIQUE;
CREATE CONSTRAINT query_run_id IF NOT EXISTS FOR (r:QueryRun) REQUIRE r.id IS UNIQUE;
CREATE INDEX query_run_at IF NOT EXISTS FOR (r:QueryRun) ON (r.at);
