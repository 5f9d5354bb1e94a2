// One page of the projection: the next $pageSize persons and companies after $after, in id
// order, with their ties (cypher/communities/ties.cypher, spliced in below) returned as three
// parallel lists in a single row, so a page costs one record rather than one per tie.
MATCH (a:Entity)
WHERE a.id > $after AND (a:Person OR a:Company)
WITH a
ORDER BY a.id
LIMIT $pageSize
WITH collect(a) AS page
CALL (page) {
  UNWIND page AS a
  CALL (a) {
    {{TIES}}
  }
  RETURN collect(a.id) AS sources, collect(b.id) AS targets, collect(w) AS weights
}
RETURN size(page) AS entities, sources, targets, weights
