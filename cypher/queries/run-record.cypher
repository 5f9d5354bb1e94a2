// Records one run of a saved query for the audit trail: who, which query and version, the
// parameters (JSON text), rows returned, milliseconds and outcome.
CREATE (r:QueryRun)
SET r = $run, r.at = datetime($run.at)
