// The relationships among a set of nodes (by element id) over the allowed types, found from
// their start nodes only, so each is read once and super-nodes' incoming ties are never scanned.
UNWIND $ids AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]->(b)
WHERE elementId(b) IN $ids AND ($types IS NULL OR type(r) IN $types)
WITH a, r, b LIMIT $limit
RETURN {
  id: elementId(r),
  type: type(r),
  source: CASE WHEN a:Entity THEN a.id WHEN a:Phone THEN 'phone:' + a.value ELSE 'address:' + a.value END,
  target: CASE WHEN b:Entity THEN b.id WHEN b:Phone THEN 'phone:' + b.value ELSE 'address:' + b.value END,
  label: coalesce(r.relation, r.role, toLower(type(r))),
  properties: properties(r)
} AS edge
