// An alert's evidence, spliced in at {{EVIDENCE}} (cypher/api/alert-get.cypher,
// cypher/api/risk-entity.cypher): for the alert `a`, its evidence element ids resolved to
// `nodes` ({id, type, name}) and `relationships` ({id, type, source, target, label}), ids as the
// API names them (entity id, `phone:<token>`, `address:<value>`, `community:<n>` for a ring's community); elements deleted since are left out.
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
