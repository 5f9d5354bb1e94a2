// Stores the county baselines of an analysis run (one node, replaced at each run) for the
// explanations and the API: the figures as JSON, the learned thresholds as properties.
MERGE (b:Baseline {id: 'county'})
SET b.runId = $runId,
    b.computedAt = datetime(),
    b.figures = $figures,
    b.tenderThreshold = $tenderThreshold,
    b.independentCv = $independentCv
RETURN b.id AS id
