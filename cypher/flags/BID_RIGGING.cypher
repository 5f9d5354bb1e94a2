// id: BID_RIGGING
// title: Colluding bidders
// title_zh: 串通投标
// typology: bid_rigging
// description: >
//   Bidders on one project that are not independent (the cases the tendering regulations deem
//   collusion, 招标投标法实施条例 art. 34 and 40): they share an officer (a person holding a role
//   in both at bid time), a phone, an address or a bank account, or one firm's phone or account
//   belongs to the other's officer; their bids were prepared by the same person or their deposits
//   paid from the same account; or the valid bids are identical or near-identical (coefficient of
//   variation below maxCv). One hit per project, its confidence that of the strongest sign, its money
//   the award. A second form finds the cover bidder: a firm with many valid bids and no win, above
//   all when the projects it lost went again and again to the same winners. Not flagged: independent
//   bidders with a normal spread of prices, an officer who left one firm before the bid, officers who
//   merely share a home address, firms that bid often and win now and then.
//   Subjects: the companies.
// weight: 0.7
// parameters:
//   maxCv: { type: number, default: 0.01, min: 0, max: 1, description: "coefficient of variation of the valid bid amounts below which the bids count as near-identical" }
//   minCvBids: { type: integer, default: 2, min: 2, max: 20, description: "fewest valid bids for the near-identical test" }
//   coverMinBids: { type: integer, default: 4, min: 2, max: 100, description: "fewest valid bids, none of them won, that make a cover bidder" }
//   coverRepeatWins: { type: integer, default: 2, min: 2, max: 100, description: "projects a winner must take from the cover bidder to count as the firm it covers for" }

// Form 1: one hit per project whose bidders are tied or whose valid bids are near-identical.
MATCH (p:Project)
WHERE COUNT { (p)<-[:BID]-(:Company) } >= 2
WITH p, COLLECT { MATCH (p)<-[b:BID]-(c:Company) RETURN b ORDER BY c.id } AS bids
WITH p, bids, [b IN bids WHERE NOT coalesce(b.disqualified, false)] AS valid
WITH p, bids, valid, [b IN valid WHERE b.amount IS NOT NULL | toFloat(b.amount)] AS amounts
WITH p, bids, valid, amounts,
     CASE WHEN size(amounts) > 0 THEN reduce(s = 0.0, x IN amounts | s + x) / size(amounts) END AS mean
WITH p, bids, valid, amounts,
     CASE WHEN size(amounts) >= 2 AND mean > 0
          THEN sqrt(reduce(s = 0.0, x IN amounts | s + (x - mean) ^ 2) / size(amounts)) / mean END AS cv,
     size([i IN range(0, size(amounts) - 1) WHERE amounts[i] IN amounts[i + 1..]]) > 0 AS identical
WITH p, bids, valid, cv, identical,
     size(amounts) >= $minCvBids AND (identical OR coalesce(cv < $maxCv, false)) AS close
// Ties between every pair of bidders (disqualified ones included: a knocked-out cover still tells).
CALL (p, bids) {
  UNWIND range(0, size(bids) - 2) AS i
  UNWIND range(i + 1, size(bids) - 1) AS j
  WITH p, bids[i] AS b1, bids[j] AS b2
  WITH b1, b2, startNode(b1) AS c1, startNode(b2) AS c2, coalesce(b1.date, b2.date, p.deadlineDate, p.awardDate) AS day
  CALL (b1, b2, c1, c2, day) {
    // An officer of both at bid time.
    MATCH (c1)<-[r1:ROLE_IN]-(o:Person)-[r2:ROLE_IN]->(c2)
    WHERE day IS NULL OR (coalesce(r1.to >= day, true) AND coalesce(r2.to >= day, true)
                          AND coalesce(r1.from <= day, true) AND coalesce(r2.from <= day, true))
    WITH o, collect(DISTINCT r1) + collect(DISTINCT r2) AS rels
    RETURN {kind: 'shared officer ' + o.name + ' (' + o.id + ')', confidence: 0.9, nodes: [o], rels: rels} AS tie
    UNION ALL
    // The same phone, address or bank account.
    MATCH (c1)-[h1:HAS]->(x)<-[h2:HAS]-(c2)
    RETURN {kind: CASE WHEN x:Phone THEN 'shared phone ' + x.value
                       WHEN x:Address THEN 'shared address ' + x.value
                       ELSE 'shared bank account ' + x.id END,
            confidence: CASE WHEN x:Address THEN 0.7 WHEN x:Phone THEN 0.8 ELSE 0.9 END,
            nodes: [x], rels: [h1, h2]} AS tie
    UNION ALL
    // One firm's phone or account belongs to an officer of the other.
    UNWIND [[c1, c2], [c2, c1]] AS pair
    WITH pair[0] AS ca, pair[1] AS cb
    MATCH (ca)-[h1:HAS]->(x)
    WHERE (x:Phone OR x:Account) AND NOT EXISTS { (cb)-[:HAS]->(x) }
    WITH ca, cb, h1, x
    MATCH (x)<-[h2:HAS]-(o:Person)
    WITH ca, cb, h1, x, h2, o
    MATCH (o)-[r:ROLE_IN]->(cb)
    WHERE NOT EXISTS { (o)-[:ROLE_IN]->(ca) }
    WITH ca, cb, x, o, h1, h2, collect(r)[0] AS r
    RETURN {kind: CASE WHEN x:Phone THEN 'phone ' + x.value ELSE 'bank account ' + x.id END + ' of ' + ca.name
                  + ' (' + ca.id + ') belongs to ' + o.name + ' (' + o.id + ') of ' + cb.name + ' (' + cb.id + ')',
            confidence: 0.7, nodes: [x, o], rels: [h1, h2, r]} AS tie
    UNION ALL
    // Deposits paid from one account.
    WITH b1, b2 WHERE b1.depositAccount IS NOT NULL AND b1.depositAccount = b2.depositAccount
    RETURN {kind: 'deposits paid from the same account ' + b1.depositAccount, confidence: 0.95,
            nodes: COLLECT { MATCH (x:Entity {id: b1.depositAccount}) RETURN x }, rels: [b1, b2]} AS tie
    UNION ALL
    // One firm's deposit paid from an account of the other firm or of its officer.
    UNWIND [[b1, b2], [b2, b1]] AS pair
    WITH pair[0] AS bA, pair[1] AS bB
    WITH bA, startNode(bA) AS cA, startNode(bB) AS cB
    WHERE bA.depositAccount IS NOT NULL AND NOT coalesce(bA.depositAccount = bB.depositAccount, false)
    MATCH (x:Entity {id: bA.depositAccount})<-[h:HAS]-(owner)
    WHERE owner = cB OR EXISTS { (owner)-[:ROLE_IN]->(cB) }
    RETURN {kind: 'deposit of ' + cA.name + ' (' + cA.id + ') paid from account ' + x.id + ' of ' + owner.name + ' (' + owner.id + ')',
            confidence: 0.95, nodes: [x, owner], rels: [bA, h]} AS tie
    UNION ALL
    // Bids prepared by one person.
    WITH b1, b2 WHERE b1.preparer IS NOT NULL AND b1.preparer = b2.preparer
    RETURN {kind: 'bids prepared by the same person ' + b1.preparer, confidence: 0.95,
            nodes: COLLECT { MATCH (x:Entity {id: b1.preparer}) RETURN x }, rels: [b1, b2]} AS tie
  }
  RETURN collect({companies: [c1, c2], tie: tie}) AS ties
}
WITH p, bids, valid, cv, identical, close, ties
WHERE size(ties) > 0 OR close
OPTIONAL MATCH (p)-[aw:AWARDED_TO]->(w:Company)
WITH p, bids, aw, w,
     CASE WHEN close THEN [{companies: [b IN valid | startNode(b)],
                            tie: {kind: CASE WHEN identical THEN 'identical bid amounts'
                                             ELSE 'near-identical bids (coefficient of variation ' + toString(round(cv, 4)) + ')' END,
                                  confidence: CASE WHEN identical THEN 0.9 WHEN size(valid) >= 3 THEN 0.85 ELSE 0.6 END,
                                  nodes: [], rels: valid}}]
          ELSE [] END + ties AS signs
WITH p, bids, aw, w, signs, coalesce(aw.amount, p.awardAmount, 0.0) AS amount,
     COLLECT { UNWIND signs AS s UNWIND s.companies AS x WITH DISTINCT x ORDER BY x.id RETURN x } AS companies
RETURN 'project:' + p.id AS key,
       companies AS subjects,
       [p] + [b IN bids | startNode(b)] + reduce(n = [], s IN signs | n + s.tie.nodes) AS nodes,
       bids + [aw] + reduce(r = [], s IN signs | r + s.tie.rels) AS rels,
       amount,
       reduce(m = 0.0, s IN signs | CASE WHEN s.tie.confidence > m THEN s.tie.confidence ELSE m END) AS confidence,
       'Bidders on ' + p.name + ' (' + p.id + ') are not independent: '
         + reduce(t = '', x IN companies | t + CASE WHEN t = '' THEN '' ELSE ', ' END + x.name + ' (' + x.id + ')')
         + '; ' + reduce(t = '', s IN signs | t + CASE WHEN t = '' THEN '' ELSE '; ' END + s.tie.kind)
         + CASE WHEN w IS NULL THEN '' ELSE '; won by ' + w.name + ' (' + w.id + ') for ' + toString(toInteger(round(amount))) + ' yuan' END AS summary

UNION ALL

// Form 2: the cover bidder, many valid bids and never a win.
MATCH (c:Company)-[b:BID]->(:Project)
WHERE NOT coalesce(b.disqualified, false)
WITH c, count(b) AS nBids
WHERE nBids >= $coverMinBids AND NOT EXISTS { (:Project)-[:AWARDED_TO]->(c) }
MATCH (c)-[b:BID]->(p:Project)
WHERE NOT coalesce(b.disqualified, false)
OPTIONAL MATCH (p)-[aw:AWARDED_TO]->(w:Company)
WITH c, nBids, collect({b: b, p: p, aw: aw, w: w}) AS lost
CALL (lost) {
  UNWIND lost AS l
  WITH l.w AS w, l WHERE w IS NOT NULL
  WITH w, count(*) AS n
  WHERE n >= $coverRepeatWins
  WITH w ORDER BY w.id
  RETURN collect(w) AS covered
}
WITH c, nBids, lost, covered, round(reduce(s = 0.0, l IN lost | s + coalesce(l.aw.amount, 0.0)), 2) AS amount
RETURN 'cover:' + c.id AS key,
       [c] + covered AS subjects,
       [c] + [l IN lost | l.p] + [l IN lost WHERE l.w IS NOT NULL | l.w] AS nodes,
       [l IN lost | l.b] + [l IN lost WHERE l.aw IS NOT NULL | l.aw] AS rels,
       amount,
       CASE WHEN size(covered) > 0 THEN 0.85 ELSE 0.6 END AS confidence,
       c.name + ' (' + c.id + ') placed ' + toString(nBids) + ' valid bids and never won'
         + CASE WHEN size(covered) > 0
             THEN '; the projects it lost went repeatedly to '
                  + reduce(t = '', x IN covered | t + CASE WHEN t = '' THEN '' ELSE ', ' END + x.name + ' (' + x.id + ')')
             ELSE '' END
         + '; awards at stake ' + toString(toInteger(round(amount))) + ' yuan' AS summary
