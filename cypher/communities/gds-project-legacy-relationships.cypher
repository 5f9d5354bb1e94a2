// The relationship query handed to gds.graph.project.cypher: every tie, both ways.
MATCH (a:Entity)
WHERE a:Person OR a:Company
CALL (a) {
  {{TIES}}
}
WITH a, b, w
WHERE w > 0
UNWIND [[id(a), id(b)], [id(b), id(a)]] AS pair
RETURN pair[0] AS source, pair[1] AS target, w AS weight
