// Each community's share of the modularity, with whichever modularity procedure this GDS has
// (gds.modularity.stream, or its beta/alpha name), spliced in below from a fixed list (never from user input).
CALL {{PROCEDURE}}($graphName, {communityProperty: 'community', relationshipWeightProperty: 'weight'})
YIELD communityId, modularity
RETURN collect(communityId) AS communities, collect(modularity) AS modularities
