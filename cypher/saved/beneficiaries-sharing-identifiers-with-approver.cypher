// name: beneficiaries-sharing-identifiers-with-approver
// title: Beneficiaries who share a phone, address or account with the cadre who approved them
// title_zh: 受益人与审批干部共用电话、地址或账户
// description: >
//   Grants approved by a cadre to a beneficiary who holds the same phone, address or bank account as
//   the cadre or a relative of the cadre (one KIN tie), although the beneficiary is not kin of the
//   cadre or of that relative and does not live in their household. Identifiers with many owners are
//   skipped. One row per cadre and beneficiary, with the grants and the money.
// schemes: [HIDDEN_TIE]
// graph: true
// parameters:
//   maxSharers: { type: integer, default: 10, min: 2, max: 1000, description: "identifiers with more owners than this are ignored" }
//   fromYear: { type: integer, default: 2016, min: 1990, max: 2100, description: "first grant year" }
//   toYear: { type: integer, default: 2021, min: 1990, max: 2100, description: "last grant year" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (cadre:Person)-[ap:APPROVED]->(g:Grant)-[pt:PAID_TO]->(b:Person)
WHERE $fromYear <= g.year <= $toYear AND b <> cadre
WITH cadre, b, collect(DISTINCT g) AS grants, collect(DISTINCT ap) AS aps, collect(DISTINCT pt) AS pts
WHERE NOT EXISTS { (b)-[:KIN]-(cadre) }
// From the beneficiary's side: a few identifiers, each with at most maxSharers holders (walking
// every relative of every approving cadre instead is far slower at county scale).
MATCH (b)-[h2:HAS]->(identifier)<-[h1:HAS]-(owner:Person)
WHERE (identifier:Phone OR identifier:Address OR identifier:Account) AND owner <> b
CALL (cadre, owner) {
  UNWIND CASE WHEN owner = cadre THEN ['self'] ELSE [] END AS relation
  RETURN relation
  UNION
  MATCH (cadre)-[k:KIN]-(owner)
  RETURN k.relation AS relation
}
WITH cadre, b, owner, relation, identifier, h1, h2, grants, aps, pts
WHERE COUNT { (identifier)<-[:HAS]-() } <= $maxSharers
  AND NOT EXISTS { (b)-[:KIN]-(owner) }
  AND NOT EXISTS { (b)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(owner) }
RETURN cadre.id AS cadreId, cadre.name AS cadre, owner.id AS ownerId, owner.name AS owner, relation,
       head([l IN labels(identifier) WHERE l <> 'Entity']) AS identifierKind, coalesce(identifier.value, identifier.id) AS identifier,
       b.id AS beneficiaryId, b.name AS beneficiary, [g IN grants | g.id] AS grantIds,
       reduce(total = 0.0, g IN grants | total + coalesce(g.paidAmount, 0.0)) AS paidAmount,
       [h1, h2] + aps + pts AS links
ORDER BY paidAmount DESC, cadreId, beneficiaryId, ownerId, identifier
LIMIT $limit
