// name: payments-after-death
// title: Grants paid after the beneficiary's death
// title_zh: 死亡人员仍领取补贴
// description: >
//   Grants paid to a person more than graceDays after their recorded death date, with the cadre who
//   signed the grant and the owner of the account the money went into (the deceased, a relative,
//   or the signing cadre).
// schemes: [DECEASED_PAYEE]
// graph: true
// parameters:
//   graceDays: { type: integer, default: 0, min: 0, max: 365, description: "days after death in which a payment is not listed (a last instalment processed late)" }
//   fromYear: { type: integer, default: 2016, min: 1990, max: 2100, description: "first grant year" }
//   toYear: { type: integer, default: 2021, min: 1990, max: 2100, description: "last grant year" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (g:Grant)-[pt:PAID_TO]->(p:Person)
WHERE p.deathDate IS NOT NULL AND $fromYear <= g.year <= $toYear
  AND g.paidDate > p.deathDate + duration({days: $graceDays})
MATCH (g)-[:UNDER]->(program:Program)
OPTIONAL MATCH (g)-[:IN]->(region:Region)
OPTIONAL MATCH (approver:Person)-[ap:APPROVED]->(g)
OPTIONAL MATCH (g)-[pi:PAID_INTO]->(account:Account)
OPTIONAL MATCH (holder)-[ha:HAS]->(account)
WITH g, pt, p, program, region, approver, ap, pi, account, collect(holder) AS holders, collect(ha) AS has
RETURN p.id AS personId, p.name AS person, p.deathDate AS deathDate, g.id AS grantId, program.name AS program,
       g.paidDate AS paidDate, duration.inDays(p.deathDate, g.paidDate).days AS daysAfterDeath, g.paidAmount AS paidAmount,
       region.name AS region, approver.id AS approvedBy, approver.name AS approver,
       account.id AS account, [h IN holders | h.id] AS accountHolders,
       CASE WHEN approver IN holders THEN 'approver'
            WHEN p IN holders THEN 'deceased'
            WHEN size(holders) = 0 THEN 'unknown'
            ELSE 'other' END AS paidInto,
       [x IN [pt, ap, pi] + has WHERE x IS NOT NULL] AS links
ORDER BY paidInto = 'approver' DESC, daysAfterDeath DESC, grantId
LIMIT $limit
