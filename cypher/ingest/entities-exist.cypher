// Whether the database holds any entity yet (from the label counts; no scan): an import into one
// that holds none creates its nodes instead of merging them.
MATCH (n:Entity)
RETURN count(n) > 0 AS exist
