// Records the start of an analysis run, unless another run is still going (then returns nothing).
OPTIONAL MATCH (other:AnalysisRun {status: 'running'})
WITH other WHERE other IS NULL
CREATE (r:AnalysisRun {id: $id, status: 'running', stage: 'starting', progress: 0.0, startedAt: datetime(), parameters: $parameters})
RETURN r.id AS id
