// GDS projection with the Cypher aggregation gds.graph.project (GDS 2.4+): persons and
// companies tied by cypher/communities/ties.cypher (spliced in below), each pair once with its
// ties summed, undirected.
MATCH (a:Entity)
WHERE a:Person OR a:Company
CALL (a) {
  {{TIES}}
}
WITH a, b, sum(w) AS w
WHERE w > 0 AND (b:Person OR b:Company)
WITH gds.graph.project(
  $graphName, a, b,
  {relationshipProperties: {weight: w}},
  {undirectedRelationshipTypes: ['*']}
) AS g
RETURN g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount
