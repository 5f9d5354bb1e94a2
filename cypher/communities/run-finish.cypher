// Marks a community run done, with its statistics (modularity, counts, seconds by stage).
MATCH (r:CommunityRun {id: $runId})
SET r.status = 'done',
    r.finishedAt = datetime(),
    r += $stats
RETURN r.id AS id
