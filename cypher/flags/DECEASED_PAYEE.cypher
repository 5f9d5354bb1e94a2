// id: DECEASED_PAYEE
// title: Grant paid after the beneficiary's death
// title_zh: 虚报冒领
// typology: DECEASED_PAYEE
// description: >
//   A grant paid to a person after their recorded death date. A payment within a short grace
//   period (a last instalment processed late) counts with lower confidence. Subjects: the cadre
//   who approved the grant and whoever owns the account it was paid into when that is someone else
//   (a relative or the cadre collecting the money); the signer is a minor subject when the money
//   went into someone else's account. The dead beneficiary is a party (whose name was used), not a
//   subject. Repeated payments in one dead person's name are one pattern.
// weight: 0.75
// parameters:
//   graceDays: { type: integer, default: 31, min: 0, max: 365, description: "days after death during which a payment is only half suspicious" }
MATCH (p:Person)<-[paid:PAID_TO]-(g:Grant)
WHERE p.deathDate IS NOT NULL AND g.paidDate > p.deathDate
OPTIONAL MATCH (cadre:Person)-[appr:APPROVED]->(g)
WITH p, g, paid, cadre, appr, duration.inDays(p.deathDate, g.paidDate).days AS daysAfter,
     COLLECT { MATCH (g)-[into:PAID_INTO]->(:Account)<-[has:HAS]-(holder:Person) WHERE holder <> p RETURN [into, has] } AS held
WITH p, g, paid, cadre, appr, daysAfter, [h IN held | endNode(h[0])] AS accounts, [h IN held | startNode(h[1])] AS holders,
     reduce(r = [], h IN held | r + h) AS heldRels
RETURN g.id AS key,
       [x IN [cadre] + holders WHERE x IS NOT NULL] AS subjects,
       // The signer answers less when the money went into someone else's account.
       [{node: p, part: 'dead_payee'}] AS parties,
       CASE WHEN cadre IS NOT NULL AND size(holders) > 0 AND NOT cadre IN holders THEN [cadre] ELSE [] END AS minor,
       p.id AS group,
       {daysAfter: daysAfter} AS facts,
       [p, g, cadre] + accounts + holders AS nodes,
       [paid, appr] + heldRels AS rels,
       g.paidAmount AS amount,
       CASE WHEN daysAfter <= $graceDays THEN 0.5 ELSE 1.0 END AS confidence,
       p.name + ' was paid ' + toString(g.paidAmount) + ' yuan (' + g.id + ') ' + toString(daysAfter) + ' days after death' AS summary
