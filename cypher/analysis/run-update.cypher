// Updates an analysis run's progress or outcome.
MATCH (r:AnalysisRun {id: $id})
SET r += $fields
RETURN r.id AS id
