// Runs execute inside the service process: one still marked running at start-up was interrupted.
MATCH (r:AnalysisRun {status: 'running'})
SET r.status = 'failed', r.error = 'interrupted (the service stopped during the run)', r.finishedAt = toString(datetime())
RETURN count(r) AS recovered
