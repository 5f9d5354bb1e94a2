// name: skimmed-grants
// title: Grants paid below the approved amount, by signing cadre
// title_zh: 补贴资金被克扣（按审批人）
// description: >
//   Grants whose paid amount falls short of the approved amount by more than `tolerance` (a share)
//   and at least `minGap` yuan, grouped by the cadre who signed them, the village and the year:
//   how many, how much was withheld, which beneficiaries. A cadre withholding from many
//   beneficiaries at once is the classic 克扣 pattern.
// schemes: [SKIMMING]
// parameters:
//   tolerance: { type: number, default: 0.02, min: 0, max: 1, description: "shortfall, as a share of the approved amount, that is ignored" }
//   minGap: { type: number, default: 50, min: 0, description: "smallest shortfall in yuan that counts" }
//   minGrants: { type: integer, default: 1, min: 1, max: 1000, description: "fewest short grants per cadre, village and year" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (g:Grant)
WHERE g.approvedAmount IS NOT NULL AND g.paidAmount < g.approvedAmount * (1 - $tolerance)
  AND g.approvedAmount - g.paidAmount >= $minGap
MATCH (g)-[:PAID_TO]->(b:Person)
OPTIONAL MATCH (approver:Person)-[:APPROVED]->(g)
OPTIONAL MATCH (g)-[:IN]->(region:Region)
WITH approver, region, g.year AS year, collect(g) AS grants, collect(DISTINCT b.id) AS beneficiaryIds
WHERE size(grants) >= $minGrants
WITH approver, region, year, grants, beneficiaryIds,
     reduce(t = 0.0, g IN grants | t + g.approvedAmount) AS approved,
     reduce(t = 0.0, g IN grants | t + g.paidAmount) AS paid
RETURN approver.id AS approvedBy, approver.name AS approver, region.id AS regionId, region.name AS region, year,
       size(grants) AS grants, approved, paid, approved - paid AS withheld,
       round(1000.0 * (approved - paid) / approved) / 1000.0 AS withheldShare,
       beneficiaryIds, [g IN grants | g.id] AS grantIds
ORDER BY withheld DESC, approvedBy, year
LIMIT $limit
