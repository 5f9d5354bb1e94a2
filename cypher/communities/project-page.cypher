// One page of the projection: the next $pageSize persons and companies after $after, in id
// order, with their ties (cypher/communities/ties.cypher, spliced in below), parallel ties
// summed: as ties.cypher gives each pair from one side only, every pair comes exactly once over
// all pages. One record per page, packed to keep the driver's decoding work small:
//   keys, nodes: the page's entity ids and their internal node ids;
//   lines: per page entity, chunks of at most 32 ties as "<index in page> <node>:<weight> …",
//   where <node> is the internal id of the other entity (resolved by the reader from the pages).
MATCH (a:Entity)
WHERE a.id > $after AND (a:Person OR a:Company)
WITH a
ORDER BY a.id
LIMIT $pageSize
WITH collect(a) AS page
CALL (page) {
  UNWIND range(0, size(page) - 1) AS i
  WITH i, page[i] AS a
  CALL (a) {
    {{TIES}}
  }
  WITH i, b, sum(w) AS w
  WHERE w > 0
  WITH i, collect(toString(id(b)) + ':' + toString(w)) AS ties
  UNWIND range(0, size(ties) - 1, 32) AS j
  RETURN collect(reduce(line = toString(i), tie IN ties[j..j + 32] | line + ' ' + tie)) AS lines
}
RETURN [a IN page | a.id] AS keys, [a IN page | id(a)] AS nodes, lines
