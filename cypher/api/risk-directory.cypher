// Every person and company with its type and name, as three parallel lists: the API's in-memory
// risk view answers one without a score or an alert (0, no hits) from them without Neo4j.
// (Regions are not here: one without a score may still list its inhabitants' alerts.)
MATCH (n:Entity)
WHERE n:Person OR n:Company
RETURN collect(n.id) AS ids,
       collect(CASE WHEN n:Person THEN 0 ELSE 1 END) AS types,
       collect(coalesce(n.name, n.id)) AS names
