// The county baselines of the last analysis run.
MATCH (b:Baseline {id: 'county'})
RETURN b.figures AS figures, b.runId AS runId
