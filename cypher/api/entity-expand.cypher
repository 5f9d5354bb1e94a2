// One ring of a neighbourhood: for each frontier node, its neighbours (entities, phones,
// addresses; never alerts) over the allowed types, riskiest first, at most $cap of them, and
// how many there are in all, so that the caller can say "N more". $offset skips that many ties in
// the same order: the service passes it only for the root's ring (paging through "N more").
UNWIND $frontier AS fid
MATCH (n) WHERE elementId(n) = fid
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE (m:Entity OR m:Phone OR m:Address) AND ($types IS NULL OR type(r) IN $types)
  WITH r, m ORDER BY coalesce(m.riskScore, -1.0) DESC, elementId(m), elementId(r) SKIP $offset LIMIT $cap
  RETURN collect({
    elementId: elementId(m),
    node: m {
      id: CASE WHEN m:Entity THEN m.id WHEN m:Phone THEN 'phone:' + m.value ELSE 'address:' + m.value END,
      type: toLower(head([l IN labels(m) WHERE NOT l IN ['Entity', 'Cadre']])),
      name: coalesce(m.name, m.value, m.id),
      cadre: m:Cadre, riskScore: m.riskScore, riskGrade: m.riskGrade, communityId: m.communityId, year: m.year
    }
  }) AS neighbours
}
RETURN fid AS from,
       neighbours,
       COUNT { MATCH (n)-[r]-(m) WHERE (m:Entity OR m:Phone OR m:Address) AND ($types IS NULL OR type(r) IN $types) } AS total
