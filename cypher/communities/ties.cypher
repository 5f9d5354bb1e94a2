// The weighted ties of one source entity `a` (a Person or a Company), spliced into a
// `CALL (a) { … }` by the projection readers (cypher/communities/project-page.cypher and the
// GDS projections). Each tie is returned as (b, w) from one side only, the entity with the
// smaller internal id, so a reader that sums (a, b) gets every pair exactly once. Readers drop
// ties of weight 0 (a kind left out) and ties to anything but persons and companies.
//   $weights: {KIN, ROLE_IN, SHARED_IDENTIFIER, APPROVED, AWARDED_TO, TRANSFER}
//   $identifierCap: identifiers (Phone, Address, Account) with more owners tie nobody
// Kinds that share their first hop are read together, so each entity's relationships are scanned
// once per branch rather than once per kind. HOLDS_POST is not a tie: cadres meet through what
// they approve, not through their region. The paged reader (cypher/communities/project-page.cypher)
// reads the same ties kind by kind, about three times cheaper, and the local server's procedure
// (services/neo4j/src/main/java/county/CommunityTies.java) the same again from the store; keep the
// three in step (tests/integration/communities.test.ts checks that they give the same graph).
// Kinship (declared or not) and roles in companies, either way.
WITH a WHERE $weights.KIN > 0 OR $weights.ROLE_IN > 0
MATCH (a)-[r:KIN|ROLE_IN]-(b)
WHERE id(b) > id(a)
RETURN b, CASE type(r) WHEN 'KIN' THEN $weights.KIN ELSE $weights.ROLE_IN END AS w
UNION ALL
// The cadre who approved a grant and its beneficiary (APPROVED); who approved a project and the
// company it was awarded to (AWARDED_TO): from the cadre's side…
WITH a WHERE $weights.APPROVED > 0 OR $weights.AWARDED_TO > 0
MATCH (a)-[:APPROVED]->()-[r:PAID_TO|AWARDED_TO]->(b)
WHERE id(b) > id(a)
RETURN b, CASE type(r) WHEN 'PAID_TO' THEN $weights.APPROVED ELSE $weights.AWARDED_TO END AS w
UNION ALL
// … and from the beneficiary's or the winner's.
WITH a WHERE $weights.APPROVED > 0 OR $weights.AWARDED_TO > 0
MATCH (a)<-[r:PAID_TO|AWARDED_TO]-()<-[:APPROVED]-(b)
WHERE id(b) > id(a)
RETURN b, CASE type(r) WHEN 'PAID_TO' THEN $weights.APPROVED ELSE $weights.AWARDED_TO END AS w
UNION ALL
// Two owners of one phone, address or account.
WITH a WHERE $weights.SHARED_IDENTIFIER > 0
MATCH (a)-[:HAS]->(x)
WHERE COUNT { (x)<-[:HAS]-() } <= $identifierCap
MATCH (x)<-[:HAS]-(b)
WHERE id(b) > id(a)
RETURN b, $weights.SHARED_IDENTIFIER AS w
UNION ALL
// Money between accounts of `a` and of `b`, either way: heavier for larger amounts, per
// transfer this weight × (1 + log10(1 + yuan)).
WITH a WHERE $weights.TRANSFER > 0
MATCH (a)-[:HAS]->()-[t:TRANSFER]-()<-[:HAS]-(b)
WHERE id(b) > id(a)
RETURN b, $weights.TRANSFER * (1.0 + log10(1.0 + coalesce(t.amount, 0.0))) AS w
