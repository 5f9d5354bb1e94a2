// Sets communityId on one batch of members found by internal node id, as the projection read
// them (a node id seek costs a fraction of the entity_id index seek assign.cypher makes), each
// checked to still carry that entity id: $rows = [[node id, entity id, community id], …].
// The writer redoes a batch by entity id (assign.cypher) when fewer than all rows matched.
UNWIND $rows AS r
MATCH (n)
WHERE id(n) = toInteger(r[0])
WITH n, r
WHERE n.id = r[1]
SET n.communityId = toInteger(r[2])
RETURN count(n) AS assigned
