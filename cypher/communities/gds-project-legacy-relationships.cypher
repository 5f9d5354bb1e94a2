// The relationship query handed to gds.graph.project.cypher: each pair once with its ties
// summed, projected both ways (the legacy projection is directed).
MATCH (a:Entity)
WHERE a:Person OR a:Company
CALL (a) {
  {{TIES}}
}
WITH a, b, sum(w) AS w
WHERE w > 0
UNWIND [[id(a), id(b)], [id(b), id(a)]] AS pair
RETURN pair[0] AS source, pair[1] AS target, w AS weight
