// Sets communityId on one batch of members: $groups = [{id, members: [entity id, …]}].
UNWIND $groups AS g
UNWIND g.members AS member
MATCH (n:Entity {id: member})
SET n.communityId = toInteger(g.id)
RETURN count(n) AS assigned
