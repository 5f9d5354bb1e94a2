// One page of the projection: the next $pageSize persons and companies after $after, in id
// order, with the ties they start. The ties are those of cypher/communities/ties.cypher (same
// kinds, weights and identifier cap; keep the two in step), but read one kind at a time, each
// in its own subquery and, where a tie has a direction, from its start only: every relationship
// is expanded once over all pages, and no UNION runs per entity (on county-42 this costs about a
// third of ties.cypher's per-entity UNION). Parallel ties are not summed here: the reader sums
// them (TieCollector). The page comes in records of up to $chunk entities and $chunk ties, in
// order of `j` (the chunk's offset), mostly numbers, to keep the driver's work small:
//   keys, nodes: the page's entity ids and their internal node ids;
//   at, others, weights: one tie each, from page entity `at` (index in the page) to the entity
//   with internal id `others` (resolved by the reader from the pages; ties to anything but
//   persons and companies are dropped there).
// Ids travel as floats (exact below 2^53), which the driver decodes without building Integer
// objects; records stay small because the JavaScript driver decodes a record spanning several
// Bolt chunks (64 KiB) about five times slower per value.
//   $weights: {KIN, ROLE_IN, SHARED_IDENTIFIER, APPROVED, AWARDED_TO, TRANSFER}
//   $identifierCap: identifiers (Phone, Address, Account) with more owners tie nobody
MATCH (a:Entity)
WHERE a.id > $after AND (a:Person OR a:Company)
WITH a
ORDER BY a.id
LIMIT $pageSize
WITH collect(a) AS page
// Kinship (declared or not) and roles in companies, from the relationship's start.
CALL (page) {
  UNWIND range(0, size(page) - 1) AS i
  WITH i, page[i] AS a
  WHERE $weights.KIN > 0 OR $weights.ROLE_IN > 0
  MATCH (a)-[r:KIN|ROLE_IN]->(b)
  RETURN collect(toFloat(i)) AS kinAt, collect(toFloat(id(b))) AS kinOthers,
    collect(CASE type(r) WHEN 'KIN' THEN $weights.KIN ELSE $weights.ROLE_IN END) AS kinWeights
}
// The cadre who approved a grant and its beneficiary (APPROVED), or a project and the company
// it was awarded to (AWARDED_TO), from the cadre.
CALL (page) {
  UNWIND range(0, size(page) - 1) AS i
  WITH i, page[i] AS a
  WHERE $weights.APPROVED > 0 OR $weights.AWARDED_TO > 0
  MATCH (a)-[:APPROVED]->()-[r:PAID_TO|AWARDED_TO]->(b)
  RETURN collect(toFloat(i)) AS approvedAt, collect(toFloat(id(b))) AS approvedOthers,
    collect(CASE type(r) WHEN 'PAID_TO' THEN $weights.APPROVED ELSE $weights.AWARDED_TO END) AS approvedWeights
}
// Two owners of one phone, address or account: from the owner with the smaller internal id.
CALL (page) {
  UNWIND range(0, size(page) - 1) AS i
  WITH i, page[i] AS a
  WHERE $weights.SHARED_IDENTIFIER > 0
  MATCH (a)-[:HAS]->(x)
  WHERE COUNT { (x)<-[:HAS]-() } <= $identifierCap
  MATCH (x)<-[:HAS]-(b)
  WHERE id(b) > id(a)
  RETURN collect(toFloat(i)) AS sharedAt, collect(toFloat(id(b))) AS sharedOthers,
    collect($weights.SHARED_IDENTIFIER) AS sharedWeights
}
// Money from an account of `a` to an account of `b`, from the sender: heavier for larger
// amounts, per transfer this weight × (1 + log10(1 + yuan)).
CALL (page) {
  UNWIND range(0, size(page) - 1) AS i
  WITH i, page[i] AS a
  WHERE $weights.TRANSFER > 0
  MATCH (a)-[:HAS]->()-[t:TRANSFER]->()<-[:HAS]-(b)
  WHERE b <> a
  RETURN collect(toFloat(i)) AS transferAt, collect(toFloat(id(b))) AS transferOthers,
    collect($weights.TRANSFER * (1.0 + log10(1.0 + coalesce(t.amount, 0.0)))) AS transferWeights
}
WITH page,
  kinAt + approvedAt + sharedAt + transferAt AS at,
  kinOthers + approvedOthers + sharedOthers + transferOthers AS others,
  kinWeights + approvedWeights + sharedWeights + transferWeights AS weights
UNWIND range(0, CASE WHEN size(at) > size(page) THEN size(at) ELSE size(page) END - 1, $chunk) AS j
RETURN j, [a IN page[j..j + $chunk] | a.id] AS keys, [a IN page[j..j + $chunk] | toFloat(id(a))] AS nodes,
  at[j..j + $chunk] AS at, others[j..j + $chunk] AS others, weights[j..j + $chunk] AS weights
