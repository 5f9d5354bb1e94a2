// name: tied-bidders
// title: Bidders on one project that are not independent
// title_zh: 串通投标：同一项目投标人之间存在关联
// description: >
//   Pairs of companies bidding on the same project that share an officer, a phone, an address or a
//   bank account, whose bids were prepared by the same person or paid their deposit from the same
//   account; and projects whose valid bids are near-identical (coefficient of variation below
//   maxCv) or at least three of them lie within maxSpread of each other. One row per project with
//   the firms, their officers and the ties found.
// schemes: [BID_RIGGING]
// graph: true
// parameters:
//   maxCv: { type: number, default: 0.01, min: 0, max: 1, description: "coefficient of variation of the valid bids below which they count as near-identical" }
//   maxSpread: { type: number, default: 0.005, min: 0, max: 1, description: "three or more bids within this share of each other count as near-identical" }
//   maxSharers: { type: integer, default: 10, min: 2, max: 1000, description: "shared identifiers with more owners than this are ignored" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (project:Project)<-[b1:BID]-(c1:Company)
CALL (project, c1, b1) {
  MATCH (project)<-[b2:BID]-(c2:Company)
  WHERE elementId(c1) < elementId(c2)
  CALL (c1, c2, b1, b2) {
    MATCH (c1)<-[r1:ROLE_IN]-(o:Person)-[r2:ROLE_IN]->(c2)
    RETURN 'shared officer ' + o.id AS tie, [r1, r2] AS links
    UNION
    MATCH (c1)-[h1:HAS]->(x)<-[h2:HAS]-(c2)
    WHERE COUNT { (x)<-[:HAS]-() } <= $maxSharers
    RETURN 'shared ' + toLower(head([l IN labels(x) WHERE l <> 'Entity'])) AS tie, [h1, h2] AS links
    UNION
    // The same address written differently (spacing) is still the same address.
    MATCH (c1)-[h1:HAS]->(a1:Address), (c2)-[h2:HAS]->(a2:Address)
    WHERE a1 <> a2 AND replace(a1.value, ' ', '') = replace(a2.value, ' ', '')
    RETURN 'shared address' AS tie, [h1, h2] AS links
    UNION
    MATCH (c1)<-[r1:ROLE_IN]-(:Person)-[h1:HAS]->(x)<-[h2:HAS]-(c2)
    WHERE (x:Phone OR x:Account) AND COUNT { (x)<-[:HAS]-() } <= $maxSharers
    RETURN 'officer of one holds the other\'s ' + toLower(head([l IN labels(x) WHERE l <> 'Entity'])) AS tie, [r1, h1, h2] AS links
    UNION
    MATCH (c2)<-[r1:ROLE_IN]-(:Person)-[h1:HAS]->(x)<-[h2:HAS]-(c1)
    WHERE (x:Phone OR x:Account) AND COUNT { (x)<-[:HAS]-() } <= $maxSharers
    RETURN 'officer of one holds the other\'s ' + toLower(head([l IN labels(x) WHERE l <> 'Entity'])) AS tie, [r1, h1, h2] AS links
    UNION
    WITH b1, b2 WHERE b1.preparer IS NOT NULL AND b1.preparer = b2.preparer
    RETURN 'same preparer ' + b1.preparer AS tie, [b1, b2] AS links
    UNION
    WITH b1, b2 WHERE b1.depositAccount IS NOT NULL AND b1.depositAccount = b2.depositAccount
    RETURN 'same deposit account' AS tie, [b1, b2] AS links
  }
  RETURN c2, tie, links
}
WITH project, collect(DISTINCT c1.id) + collect(DISTINCT c2.id) AS firms, collect(DISTINCT tie) AS ties, collect(links) AS linkLists
WITH project, ties, linkLists, reduce(acc = [], f IN firms | CASE WHEN f IN acc THEN acc ELSE acc + f END) AS firms
WITH project, firms, ties, reduce(acc = [], l IN linkLists | acc + l) AS links
RETURN project.id AS projectId, project.name AS project, firms AS companyIds,
       COLLECT { MATCH (o:Person)-[:ROLE_IN]->(c:Company) WHERE c.id IN firms RETURN DISTINCT o.id } AS officerIds, ties, links
UNION
MATCH (project:Project)<-[b:BID]-(c:Company)
WHERE NOT coalesce(b.disqualified, false) AND b.amount > 0
WITH project, collect(b) AS bids, avg(b.amount) AS mean, stDevP(b.amount) AS sd
WHERE size(bids) >= 2
// All valid bids near-identical, or a cluster of at least three within maxSpread of each other.
WITH project, bids, mean, sd,
     [x IN bids WHERE size([y IN bids WHERE x.amount <= y.amount <= x.amount * (1 + $maxSpread)]) >= 3 |
        [y IN bids WHERE x.amount <= y.amount <= x.amount * (1 + $maxSpread)]] AS clusters
WITH project, CASE WHEN sd / mean < $maxCv THEN bids ELSE head(clusters) END AS close, sd / mean AS cv
WHERE close IS NOT NULL
RETURN project.id AS projectId, project.name AS project, [b IN close | startNode(b).id] AS companyIds,
       COLLECT { UNWIND close AS b MATCH (o:Person)-[:ROLE_IN]->(c) WHERE c = startNode(b) RETURN DISTINCT o.id } AS officerIds,
       ['near-identical bids (' + toString(size(close)) + ' bids, cv of all ' + toString(round(cv, 4)) + ')'] AS ties, close AS links
ORDER BY projectId
LIMIT $limit
