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
WHERE $fromYear <= g.year <= $toYear AND b <> cadre AND NOT EXISTS { (b)-[:KIN]-(cadre) }
CALL (cadre) {
  RETURN cadre AS owner, 'self' AS relation
  UNION
  MATCH (cadre)-[k:KIN]-(owner:Person)
  RETURN owner, k.relation AS relation
}
WITH cadre, ap, g, pt, b, owner, relation
WHERE owner <> b AND NOT EXISTS { (b)-[:KIN]-(owner) }
  AND NOT EXISTS { (b)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(owner) }
MATCH (owner)-[h1:HAS]->(identifier)<-[h2:HAS]-(b)
WHERE (identifier:Phone OR identifier:Address OR identifier:Account)
  AND COUNT { (identifier)<-[:HAS]-() } <= $maxSharers
WITH cadre, b, owner, relation, identifier, h1, h2, collect(DISTINCT g) AS grants, collect(DISTINCT ap) AS aps, collect(DISTINCT pt) AS pts
RETURN cadre.id AS cadreId, cadre.name AS cadre, owner.id AS ownerId, owner.name AS owner, relation,
       head([l IN labels(identifier) WHERE l <> 'Entity']) AS identifierKind, coalesce(identifier.value, identifier.id) AS identifier,
       b.id AS beneficiaryId, b.name AS beneficiary, [g IN grants | g.id] AS grantIds,
       reduce(total = 0.0, g IN grants | total + coalesce(g.paidAmount, 0.0)) AS paidAmount,
       [h1, h2] + aps + pts AS links
ORDER BY paidAmount DESC, cadreId, beneficiaryId
LIMIT $limit
