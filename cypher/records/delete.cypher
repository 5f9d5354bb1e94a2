// The move of the service's records out of the graph: once they are on disk, the nodes go, in
// batches (auto-commit: CALL … IN TRANSACTIONS).
MATCH (n)
WHERE n:ApiKey OR n:AuditEvent OR n:SavedQuery OR n:SavedQueryVersion OR n:QueryRun
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
