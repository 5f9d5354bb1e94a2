// Records a community run before any id is written, with the highest id it may issue, so an id
// is never issued twice even if the run stops half-way.
MERGE (r:CommunityRun {id: $runId})
SET r.status = 'writing',
    r.startedAt = datetime(),
    r.maxIssued = toInteger($maxIssued),
    r.modularity = $modularity,
    r += $stats
