// The community of every projected node, as two parallel lists of entity ids and community numbers.
CALL gds.graph.nodeProperty.stream($graphName, 'community')
YIELD nodeId, propertyValue
RETURN collect(gds.util.asNode(nodeId).id) AS ids, collect(propertyValue) AS communities
