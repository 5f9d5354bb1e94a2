// The weighted ties of one source entity `a` (a Person or a Company), spliced into a
// `CALL (a) { … }` by the projection readers (cypher/communities/project-page.cypher and the
// GDS projections). Every underlying tie is returned once, as (b, w); the reader sums parallel
// ties between the same two entities. A kind whose weight is 0 is skipped.
//   $weights: {KIN, ROLE_IN, SHARED_IDENTIFIER, APPROVED, AWARDED_TO, TRANSFER}
//   $identifierCap: identifiers (Phone, Address, Account) with more owners tie nobody
// HOLDS_POST is not a tie: cadres meet through what they approve, not through the region.
WITH a WHERE $weights.KIN > 0 AND a:Person
MATCH (a)-[:KIN]->(b:Person)
WHERE b <> a
RETURN b, $weights.KIN AS w
UNION ALL
WITH a WHERE $weights.ROLE_IN > 0 AND a:Person
MATCH (a)-[:ROLE_IN]->(b:Company)
RETURN b, $weights.ROLE_IN AS w
UNION ALL
// Two owners of one phone, address or account: each pair once, from its smaller id.
WITH a WHERE $weights.SHARED_IDENTIFIER > 0
MATCH (a)-[:HAS]->(x)
WHERE (x:Phone OR x:Address OR x:Account) AND COUNT { (x)<-[:HAS]-() } <= $identifierCap
MATCH (x)<-[:HAS]-(b)
WHERE b.id > a.id AND (b:Person OR b:Company)
RETURN b, $weights.SHARED_IDENTIFIER AS w
UNION ALL
// The cadre who approved a grant, and its beneficiary.
WITH a WHERE $weights.APPROVED > 0 AND a:Person
MATCH (a)-[:APPROVED]->(:Grant)-[:PAID_TO]->(b:Person)
WHERE b <> a
RETURN b, $weights.APPROVED AS w
UNION ALL
// The cadre who approved a project, and the company it was awarded to.
WITH a WHERE $weights.AWARDED_TO > 0 AND a:Person
MATCH (a)-[:APPROVED]->(:Project)-[:AWARDED_TO]->(b:Company)
RETURN b, $weights.AWARDED_TO AS w
UNION ALL
// Money between the owners of two accounts: heavier for larger amounts (1 + log10 of yuan).
WITH a WHERE $weights.TRANSFER > 0
MATCH (a)-[:HAS]->(:Account)-[t:TRANSFER]->(:Account)<-[:HAS]-(b)
WHERE b <> a AND (b:Person OR b:Company)
RETURN b, $weights.TRANSFER * (1.0 + log10(1.0 + coalesce(t.amount, 0.0))) AS w
