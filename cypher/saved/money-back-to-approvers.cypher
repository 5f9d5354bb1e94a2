// name: money-back-to-approvers
// title: Money flowing back from contractors and beneficiaries to the approving cadre
// title_zh: 承包商、受益人向审批干部回流资金
// description: >
//   Bank transfers, within windowDays after the award or payment, from a winning company, one of
//   its officers, or a grant beneficiary to an account held by the cadre who approved the project
//   or grant, or by a relative of that cadre (one KIN tie). One row per payer and recipient pair
//   with the transfers and the total.
// schemes: [KICKBACK]
// graph: true
// parameters:
//   windowDays: { type: integer, default: 730, min: 1, max: 3650, description: "days after the award or payment in which a transfer counts" }
//   minAmount: { type: number, default: 0, min: 0, description: "smallest transfer (yuan) that counts" }
//   roles: { type: list, items: string, default: [legal_rep, shareholder, director, supervisor, manager], description: "company roles that make a person an officer" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
CALL () {
  // From a winning company or its officers, after the award.
  MATCH (cadre:Person)-[ap:APPROVED]->(source:Project)-[aw:AWARDED_TO]->(company:Company)
  CALL (company) {
    MATCH (company)-[h:HAS]->(from:Account)
    RETURN company AS payer, from, [h] AS via
    UNION
    MATCH (officer:Person)-[ro:ROLE_IN]->(company) WHERE ro.role IN $roles
    MATCH (officer)-[h:HAS]->(from:Account)
    RETURN officer AS payer, from, [ro, h] AS via
  }
  RETURN cadre, ap, source, aw.date AS since, company, payer, from, via + [aw] AS via
  UNION
  // From a beneficiary, after the payment.
  MATCH (cadre:Person)-[ap:APPROVED]->(source:Grant)-[pt:PAID_TO]->(payer:Person)
  WHERE payer <> cadre
  MATCH (payer)-[h:HAS]->(from:Account)
  RETURN cadre, ap, source, source.paidDate AS since, null AS company, payer, from, [pt, h] AS via
}
MATCH (from)-[t:TRANSFER]->(to:Account)
WHERE t.date >= since AND t.date <= since + duration({days: $windowDays}) AND t.amount >= $minAmount
MATCH (recipient:Person)-[hr:HAS]->(to)
WHERE recipient <> payer
WITH cadre, ap, source, company, payer, via, t, recipient, hr,
     CASE WHEN recipient = cadre THEN 'cadre' END AS relation
OPTIONAL MATCH (recipient)-[k:KIN]-(cadre)
WITH cadre, ap, source, company, payer, via, t, recipient, hr, coalesce(relation, k.relation) AS relation, k
WHERE relation IS NOT NULL AND NOT EXISTS { (payer)-[:KIN]-(recipient) }
WITH cadre, payer, recipient, relation,
     collect(DISTINCT source.id) AS sources, collect(DISTINCT company.id) AS companyIds, collect(DISTINCT t) AS transfers,
     collect(DISTINCT ap) + collect(DISTINCT hr) + collect(DISTINCT k) AS links1, collect(via) AS vias
RETURN cadre.id AS cadreId, cadre.name AS cadre, recipient.id AS recipientId, recipient.name AS recipient, relation,
       payer.id AS payerId, payer.name AS payer, head([l IN labels(payer) WHERE NOT l IN ['Entity', 'Cadre']]) AS payerType,
       companyIds, sources AS sourceIds, size(transfers) AS transfers, [t IN transfers | t.id] AS transferIds,
       reduce(s = 0.0, t IN transfers | s + t.amount) AS amount,
       links1 + transfers + reduce(acc = [], v IN vias | acc + v) AS links
ORDER BY amount DESC, cadreId, payerId
LIMIT $limit
