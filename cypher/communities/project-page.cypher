// One page of the projection: the next $pageSize persons and companies after $after, in id
// order, with the ties they start. The ties are those of cypher/communities/ties.cypher (same
// kinds, weights and identifier cap; keep them and CommunityTies.java in step), but read one kind at a time, each
// in its own subquery and, where a tie has a direction, from its start only: every relationship
// is expanded once over all pages, and no UNION runs per entity (on county-42 this costs about a
// third of ties.cypher's per-entity UNION). Parallel ties are not summed here: the reader sums
// them (TieCollector). The page comes in records of up to $chunk entities and $chunk ties, in
// order of `j` (the chunk's offset), mostly numbers, to keep the driver's work small:
//   keys, nodes: the page's entity ids and their internal node ids;
//   at, others: one tie each, from page entity `at` (index in the page) to the entity with
//   internal id `others` (resolved by the reader from the pages; ties to anything but persons
//   and companies are dropped there), kind by kind: `counts` holds how many ties of each kind,
//   in the order KIN, ROLE_IN, APPROVED, AWARDED_TO, SHARED_IDENTIFIER, TRANSFER;
//   weights: the weight of each TRANSFER tie (the other kinds weigh $weights of their kind, which
//   the reader applies, sparing a number per tie).
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
  WITH i, b, type(r) = 'KIN' AS kin
  RETURN collect(CASE WHEN kin THEN toFloat(i) END) AS kinAt, collect(CASE WHEN kin THEN toFloat(id(b)) END) AS kinOthers,
    collect(CASE WHEN NOT kin THEN toFloat(i) END) AS roleAt, collect(CASE WHEN NOT kin THEN toFloat(id(b)) END) AS roleOthers
}
// The cadre who approved a grant and its beneficiary (APPROVED), or a project and the company
// it was awarded to (AWARDED_TO), from the cadre.
CALL (page) {
  UNWIND range(0, size(page) - 1) AS i
  WITH i, page[i] AS a
  WHERE $weights.APPROVED > 0 OR $weights.AWARDED_TO > 0
  MATCH (a)-[:APPROVED]->()-[r:PAID_TO|AWARDED_TO]->(b)
  WITH i, b, type(r) = 'PAID_TO' AS grant
  RETURN collect(CASE WHEN grant THEN toFloat(i) END) AS grantAt, collect(CASE WHEN grant THEN toFloat(id(b)) END) AS grantOthers,
    collect(CASE WHEN NOT grant THEN toFloat(i) END) AS awardAt, collect(CASE WHEN NOT grant THEN toFloat(id(b)) END) AS awardOthers
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
  RETURN collect(toFloat(i)) AS sharedAt, collect(toFloat(id(b))) AS sharedOthers
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
WITH page, transferWeights AS weights,
  [size(kinAt), size(roleAt), size(grantAt), size(awardAt), size(sharedAt), size(transferAt)] AS counts,
  kinAt + roleAt + grantAt + awardAt + sharedAt + transferAt AS at,
  kinOthers + roleOthers + grantOthers + awardOthers + sharedOthers + transferOthers AS others
UNWIND range(0, CASE WHEN size(at) > size(page) THEN size(at) ELSE size(page) END - 1, $chunk) AS j
RETURN j, counts, [a IN page[j..j + $chunk] | a.id] AS keys, [a IN page[j..j + $chunk] | toFloat(id(a))] AS nodes,
  at[j..j + $chunk] AS at, others[j..j + $chunk] AS others, weights[j..j + $chunk] AS weights
