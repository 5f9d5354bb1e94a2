// The community of every projected node, as parallel lists of entity ids, internal node ids (as
// floats, for the write-back's node seeks) and community numbers.
CALL gds.graph.nodeProperty.stream($graphName, 'community')
YIELD nodeId, propertyValue
RETURN collect(gds.util.asNode(nodeId).id) AS ids, collect(toFloat(nodeId)) AS nodes, collect(propertyValue) AS communities
