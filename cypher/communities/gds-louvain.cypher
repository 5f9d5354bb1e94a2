// Louvain on the projected in-memory graph; the community of each node is kept in the
// projection (mutate) and streamed back by cypher/communities/gds-stream.cypher.
CALL gds.louvain.mutate($graphName, $configuration)
YIELD modularity, communityCount, ranLevels
RETURN modularity, communityCount, ranLevels
