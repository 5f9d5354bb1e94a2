// What the demo already holds: the newest successful import of a source, and whether a
// successful analysis run started after it.
OPTIONAL MATCH (i:Import {source: $source, status: 'succeeded'})
WITH i ORDER BY i.finishedAt DESC LIMIT 1
OPTIONAL MATCH (r:AnalysisRun {status: 'succeeded'})
WHERE i IS NOT NULL AND r.startedAt >= datetime(toString(i.finishedAt))
RETURN i IS NOT NULL AS imported, count(r) > 0 AS analysed
