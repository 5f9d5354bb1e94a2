// name: payments-into-others-accounts
// title: Grants paid into an account the beneficiary does not hold
// title_zh: 补贴资金打入他人账户
// description: >
//   Grants paid into a bank account that the beneficiary does not hold, with who does: the cadre
//   who signed the grant, a relative of that cadre, another cadre, or someone else. One row per
//   account holder, signing cadre and account, with the grants, beneficiaries and money; the
//   signer's own and kin accounts first.
// schemes: [DIVERTED_PAYMENT]
// graph: true
// parameters:
//   fromYear: { type: integer, default: 2016, min: 1990, max: 2100, description: "first grant year" }
//   toYear: { type: integer, default: 2021, min: 1990, max: 2100, description: "last grant year" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (g:Grant)-[pi:PAID_INTO]->(account:Account)
WHERE $fromYear <= g.year <= $toYear
MATCH (g)-[pt:PAID_TO]->(b:Person)
WHERE NOT EXISTS { (b)-[:HAS]->(account) }
OPTIONAL MATCH (approver:Person)-[ap:APPROVED]->(g)
OPTIONAL MATCH (holder)-[ha:HAS]->(account)
WITH g, pi, account, pt, b, approver, ap, holder, ha,
     CASE WHEN holder IS NULL THEN 'unknown'
          WHEN holder = approver THEN 'approver'
          WHEN EXISTS { (holder)-[:KIN]-(approver) } THEN 'approver_kin'
          WHEN holder:Cadre THEN 'other_cadre'
          WHEN EXISTS { (holder)-[:KIN]-(b) } THEN 'beneficiary_kin'
          ELSE 'other' END AS holderKind
WITH holder, holderKind, approver, account,
     collect(DISTINCT g) AS grants, collect(DISTINCT b.id) AS beneficiaryIds,
     collect(DISTINCT pi) + collect(DISTINCT pt) + collect(DISTINCT ap) + collect(DISTINCT ha) AS links
RETURN holderKind, holder.id AS holderId, holder.name AS holder, approver.id AS approvedBy, approver.name AS approver,
       account.id AS account, size(grants) AS grants, [g IN grants | g.id] AS grantIds, beneficiaryIds,
       reduce(total = 0.0, g IN grants | total + coalesce(g.paidAmount, 0.0)) AS paidAmount, links
ORDER BY CASE holderKind WHEN 'approver' THEN 0 WHEN 'approver_kin' THEN 1 WHEN 'other_cadre' THEN 2 WHEN 'other' THEN 3 WHEN 'unknown' THEN 4 ELSE 5 END,
         paidAmount DESC, account
LIMIT $limit
