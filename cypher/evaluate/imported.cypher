// The imports the database holds, and when the one from $source succeeded (null if none did), so
// `npm run evaluate -- --reuse` can skip re-importing a county the database already holds alone.
OPTIONAL MATCH (i:Import)
WITH count(i) AS imports,
     max(CASE WHEN i.source = $source AND i.status = 'succeeded' THEN toString(i.finishedAt) END) AS finishedAt
RETURN imports, finishedAt
