// name: cadre-kin-firm-rings
// title: Rings around a cadre, a relative's firm and its cover bidders
// title_zh: 干部—亲属企业—陪标企业利益团伙
// description: >
//   A cadre who approved projects won by a firm in which a relative (one KIN tie) holds a role,
//   with what surrounds it: rival bidders on those projects tied to the firm or the relative
//   (shared phone, address, account or officer) and firms that bid on several of them and never won,
//   money from the firm or its officers back to the
//   cadre or kin, and grants the cadre signed for kin or paid into kin's accounts. Listed when at least minSignals of the three
//   are present. The networks that community detection should also find.
// schemes: [COLLUSION_RING, KIN_CONTRACT, BID_RIGGING, KICKBACK]
// graph: true
// parameters:
//   minSignals: { type: integer, default: 1, min: 0, max: 3, description: "fewest of cover bidders, money back and kin grants present" }
//   roles: { type: list, items: string, default: [legal_rep, shareholder, director, supervisor, manager], description: "company roles that count" }
//   maxSharers: { type: integer, default: 10, min: 2, max: 1000, description: "identifiers with more owners than this are ignored" }
//   limit: { type: integer, default: 200, min: 1, max: 5000, description: "most rows returned" }
MATCH (cadre:Cadre)-[ap:APPROVED]->(project:Project)-[aw:AWARDED_TO]->(firm:Company)
MATCH (cadre)-[k:KIN]-(relative:Person)-[ro:ROLE_IN]->(firm)
WHERE ro.role IN $roles
WITH cadre, relative, firm, k, collect(DISTINCT ro) AS roles, collect(DISTINCT project) AS projects,
     collect(DISTINCT ap) + collect(DISTINCT aw) AS awardLinks
// Rival bidders tied to the firm or to the relative.
CALL (relative, firm, projects) {
  UNWIND projects AS project
  MATCH (cover:Company)-[b:BID]->(project)
  WHERE cover <> firm
    AND (EXISTS { MATCH (cover)-[:HAS]->(x)<-[:HAS]-(y) WHERE (y = firm OR y = relative) AND COUNT { (x)<-[:HAS]-() } <= $maxSharers }
         OR EXISTS { (cover)<-[:ROLE_IN]-(:Person)-[:ROLE_IN]->(firm) }
         OR EXISTS { (cover)<-[:ROLE_IN]-(:Person)-[:KIN]-(relative) })
  RETURN collect(DISTINCT cover) AS covers, collect(b) AS coverBids
}
// Firms that bid on two or more of these projects and won none of them.
CALL (firm, projects) {
  UNWIND projects AS project
  MATCH (other:Company)-[:BID]->(project)
  WHERE other <> firm AND NOT EXISTS { (project)-[:AWARDED_TO]->(other) }
  WITH other, count(DISTINCT project) AS n
  WHERE n >= 2
  RETURN collect(other) AS coBidders
}
// Money from the firm or its officers to the cadre or kin.
CALL (cadre, firm, projects) {
  MATCH (firm)<-[:ROLE_IN*0..1]-(payer)-[:HAS]->(:Account)-[t:TRANSFER]->(:Account)<-[:HAS]-(recipient:Person)
  WHERE (recipient = cadre OR EXISTS { (recipient)-[:KIN]-(cadre) })
    AND t.date >= reduce(d = null, p IN projects | CASE WHEN d IS NULL OR p.awardDate < d THEN p.awardDate ELSE d END)
  RETURN collect(DISTINCT t) AS transfers, collect(DISTINCT recipient.id) AS recipientIds
}
// Grants the cadre signed for kin, and grants the cadre signed that were paid into kin's accounts.
CALL (cadre) {
  MATCH (cadre)-[:APPROVED]->(g:Grant)-[:PAID_TO]->(b:Person)-[:KIN]-(cadre)
  RETURN collect(DISTINCT g) AS kinGrants
}
CALL (cadre) {
  MATCH (cadre)-[:APPROVED]->(g:Grant)-[:PAID_INTO]->(:Account)<-[:HAS]-(holder:Person)-[:KIN]-(cadre)
  WHERE NOT EXISTS { (g)-[:PAID_TO]->(holder) }
  RETURN collect(DISTINCT g) AS divertedGrants, collect(DISTINCT holder.id) AS divertedToIds
}
WITH cadre, relative, firm, k, roles, projects, awardLinks, covers, coverBids, coBidders, transfers, recipientIds,
     kinGrants, divertedGrants, divertedToIds,
     (CASE WHEN size(covers) > 0 THEN 1 ELSE 0 END) + (CASE WHEN size(transfers) > 0 THEN 1 ELSE 0 END)
       + (CASE WHEN size(kinGrants) + size(divertedGrants) > 0 THEN 1 ELSE 0 END) AS signals
WHERE signals >= $minSignals
RETURN cadre.id AS cadreId, cadre.name AS cadre, relative.id AS relativeId, relative.name AS relative, k.relation AS relation,
       firm.id AS companyId, firm.name AS company, [p IN projects | p.id] AS projectIds,
       reduce(s = 0.0, p IN projects | s + coalesce(p.awardAmount, 0.0)) AS awarded,
       [c IN covers | c.id] AS coverIds, [c IN coBidders | c.id] AS coBidderIds,
       COLLECT { UNWIND covers + coBidders + [firm] AS c MATCH (c)<-[r:ROLE_IN]-(o:Person) WHERE r.role IN $roles RETURN DISTINCT o.id } AS officerIds,
       size(transfers) AS transfers, [t IN transfers | t.id] AS transferIds, recipientIds,
       reduce(s = 0.0, t IN transfers | s + t.amount) AS moneyBack, [g IN kinGrants | g.id] AS kinGrantIds,
       COLLECT { UNWIND kinGrants AS g MATCH (g)-[:PAID_TO]->(b) RETURN DISTINCT b.id } AS kinBeneficiaryIds,
       [g IN divertedGrants | g.id] AS divertedGrantIds, divertedToIds,
       COLLECT { UNWIND divertedGrants AS g MATCH (g)-[:PAID_TO]->(b) RETURN DISTINCT b.id } AS divertedFromIds,
       signals, [k] + roles + awardLinks + coverBids + transfers AS links
ORDER BY signals DESC, awarded DESC, cadreId
LIMIT $limit
