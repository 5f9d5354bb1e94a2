// Removes communityId from entities no longer in a community (of size ≥ 2): $ids = [entity id, …].
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.communityId IS NOT NULL
REMOVE n.communityId
RETURN count(n) AS cleared
