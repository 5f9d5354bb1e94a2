// Appends a batch of audit events; `params` arrives as JSON text, `at` as an ISO instant.
UNWIND $events AS e
CREATE (x:AuditEvent)
SET x = e, x.at = datetime(e.at)
