// The evidence of every active alert resolved from element ids to the nodes and ties the explorer
// draws (the same shapes as cypher/api/risk-entity.cypher), for the stored explanations.
MATCH (a:Alert {active: true})
CALL (a) {
  UNWIND coalesce(a.evidenceNodes, []) AS eid
  MATCH (x) WHERE elementId(x) = eid
  RETURN collect({
    id: CASE WHEN x:Entity THEN x.id WHEN x:Phone THEN 'phone:' + x.value WHEN x:Community THEN 'community:' + toString(x.id) ELSE 'address:' + x.value END,
    type: toLower(head([l IN labels(x) WHERE NOT l IN ['Entity', 'Cadre']])),
    name: toString(coalesce(x.name, x.value, x.id))
  }) AS nodes
}
CALL (a) {
  UNWIND coalesce(a.evidenceRels, []) AS rid
  MATCH (s)-[rel]->(t) WHERE elementId(rel) = rid
  RETURN collect({
    id: elementId(rel),
    type: type(rel),
    source: CASE WHEN s:Entity THEN s.id WHEN s:Phone THEN 'phone:' + s.value ELSE 'address:' + s.value END,
    target: CASE WHEN t:Entity THEN t.id WHEN t:Phone THEN 'phone:' + t.value ELSE 'address:' + t.value END,
    label: coalesce(rel.relation, rel.role, toLower(type(rel)))
  }) AS relationships
}
RETURN a.id AS id, nodes, relationships
