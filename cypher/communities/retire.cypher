// Deletes the Community nodes that this run did not produce (dissolved or renumbered away).
MATCH (k:Community)
WHERE k.runId IS NULL OR k.runId <> $runId
DETACH DELETE k
RETURN count(*) AS retired
