// Finds graph nodes by their API ids (entity id, `phone:<value>`, `address:<value>`).
UNWIND $refs AS ref
CALL (ref) {
  MATCH (n:Entity {id: ref.id}) RETURN n
  UNION
  MATCH (n:Phone {value: ref.phone}) RETURN n
  UNION
  MATCH (n:Address {value: ref.address}) RETURN n
}
RETURN ref.key AS key, elementId(n) AS elementId
