// The active alerts the given entities answer for (as subjects), each once, with all its subjects.
MATCH (a:Alert {active: true})-[:ON]->(e:Entity)
WHERE e.id IN $ids
WITH DISTINCT a
RETURN a.id AS id, COLLECT { MATCH (a)-[:ON]->(s:Entity) RETURN s.id } AS subjects
ORDER BY id
