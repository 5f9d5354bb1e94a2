// GDS projection with gds.graph.project.cypher (GDS 2.x, deprecated from 2.4 in favour of the
// Cypher aggregation): nodes are persons and companies, relationships the ties of
// cypher/communities/ties.cypher, spliced into $relationshipQuery by the engine.
// The legacy projection is directed, so every tie is projected both ways.
CALL gds.graph.project.cypher(
  $graphName,
  'MATCH (n:Entity) WHERE n:Person OR n:Company RETURN id(n) AS id',
  $relationshipQuery,
  {parameters: $parameters, validateRelationships: false}
)
YIELD nodeCount, relationshipCount
RETURN nodeCount, relationshipCount
