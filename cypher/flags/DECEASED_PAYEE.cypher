// id: DECEASED_PAYEE
// title: Grant paid after the beneficiary's death
// title_zh: 虚报冒领
// typology: false_claim
// description: >
//   A grant paid to a person after their recorded death date. A payment within a short grace
//   period (a last instalment processed late) counts with lower confidence.
// weight: 0.75
// parameters:
//   graceDays: { type: integer, default: 31, min: 0, max: 365, description: "days after death during which a payment is only half suspicious" }
MATCH (p:Person)<-[paid:PAID_TO]-(g:Grant)
WHERE p.deathDate IS NOT NULL AND g.paidDate > p.deathDate
OPTIONAL MATCH (cadre:Person)-[appr:APPROVED]->(g)
WITH p, g, paid, cadre, appr, duration.inDays(p.deathDate, g.paidDate).days AS daysAfter
RETURN g.id AS key,
       [x IN [p, cadre] WHERE x IS NOT NULL] AS subjects,
       [p, g, cadre] AS nodes,
       [paid, appr] AS rels,
       g.paidAmount AS amount,
       CASE WHEN daysAfter <= $graceDays THEN 0.5 ELSE 1.0 END AS confidence,
       p.name + ' was paid ' + toString(g.paidAmount) + ' yuan (' + g.id + ') ' + toString(daysAfter) + ' days after death' AS summary
