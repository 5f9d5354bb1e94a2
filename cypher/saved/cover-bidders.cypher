// name: cover-bidders
// title: "Cover bidders: firms that bid often and never win"
// title_zh: 陪标企业
// description: >
//   Companies with at least minBids valid bids and no award at all, with the firms that won the
//   projects they bid on, most frequent first: a firm that keeps losing to the same winners is
//   likely bidding to make a rigged tender look competitive. With the officers of the cover and of
//   the winners.
// schemes: [BID_RIGGING]
// parameters:
//   minBids: { type: integer, default: 4, min: 1, max: 100, description: "fewest valid bids" }
//   limit: { type: integer, default: 200, min: 1, max: 5000, description: "most rows returned" }
MATCH (cover:Company)-[b:BID]->(:Project)
WHERE NOT coalesce(b.disqualified, false) AND NOT EXISTS { (:Project)-[:AWARDED_TO]->(cover) }
WITH cover, count(b) AS validBids
WHERE validBids >= $minBids
CALL (cover) {
  MATCH (cover)-[b:BID]->(p:Project)-[:AWARDED_TO]->(w:Company)
  WHERE NOT coalesce(b.disqualified, false)
  WITH w, collect(p.id) AS projects
  RETURN collect({winner: w.id, name: w.name, projects: projects}) AS lostTo, max(size(projects)) AS topRepeat
}
RETURN cover.id AS companyId, cover.name AS company, validBids, topRepeat AS mostLossesToOneWinner,
       [x IN lostTo | x.winner] AS winnerIds, lostTo,
       COLLECT { MATCH (cover)-[:BID]->(p:Project) RETURN p.id ORDER BY p.id } AS projectIds,
       COLLECT { MATCH (o:Person)-[:ROLE_IN]->(cover) RETURN DISTINCT o.id } AS officerIds,
       COLLECT { UNWIND lostTo AS x MATCH (o:Person)-[:ROLE_IN]->(:Entity:Company {id: x.winner}) RETURN DISTINCT o.id } AS winnerOfficerIds
ORDER BY mostLossesToOneWinner DESC, validBids DESC, companyId
LIMIT $limit
