// id: BID_RIGGING
// title: Colluding bidders
// title_zh: 串通投标
// typology: BID_RIGGING
// description: >
//   Bidders on one project that are not independent (the cases the tendering regulations deem
//   collusion, 招标投标法实施条例 art. 34 and 40): they share an officer (a person holding a role
//   in both at bid time), a phone, an address or a bank account, or one firm's phone or account
//   belongs to the other's officer; their bids were prepared by the same person or their deposits
//   paid from the same account; two valid bids are identical; or all valid bids are near-identical
//   (coefficient of variation below maxCv). One hit per project, its confidence that of the
//   strongest sign, its money the award. A second form finds the cover bidder: a firm with many
//   valid bids and no win, above all when the projects it lost went again and again to the same
//   winners. Not flagged: independent bidders with a normal spread of prices, an officer who left
//   one firm before the bid, officers who merely share a home address, firms that bid often and win
//   now and then. Subjects: the companies, the persons who controlled them when they bid (legal
//   representative, shareholders holding at least minControlShare; they answer for the collusion
//   with their firms) and the persons through whom bidders are tied (a shared officer, the officer
//   whose phone or account the other firm used). The other bidders are parties (competitors). One
//   set of tied firms across tenders is one pattern, and so is one cover bidder (the facts count its
//   losses in tenders whose bids look independent: a firm that simply bids too high). Each sign has a
//   kind (tie: a shared officer or a deposit paid by another bidder; identifier; deposit account;
//   preparer; price); the facts give the strongest sign of each kind, how many firms hold the shared
//   identifier, how many bidders here share the preparer or deposit account, and the bids' spread
//   and township, so the scores stage can weigh an agent's address or a bidding agency serving a
//   dozen firms, or close prices in a township where bids are always close, against the county.
// weight: 0.7
// parameters:
//   maxCv: { type: number, default: 0.01, min: 0, max: 1, description: "coefficient of variation of the valid bid amounts below which the bids count as near-identical" }
//   minCvBids: { type: integer, default: 2, min: 2, max: 20, description: "fewest valid bids for the near-identical test" }
//   coverMinBids: { type: integer, default: 4, min: 2, max: 100, description: "fewest valid bids, none of them won, that make a cover bidder" }
//   coverRepeatWins: { type: integer, default: 2, min: 2, max: 100, description: "projects a winner must take from the cover bidder to count as the firm it covers for" }
//   minControlShare: { type: number, default: 0.25, min: 0, max: 1, description: "smallest share that makes a shareholder of a flagged firm a subject (a legal representative always is)" }
//   independentBids: { type: integer, default: 3, min: 2, max: 50, description: "fewest valid bids of a lost tender that looks independent (the cover bidder's loss is then no sign)" }
//   independentCv: { type: number, default: 0.02, min: 0, max: 1, learned: independentCv, description: "smallest coefficient of variation of such a tender's valid bids; learned from the county's bid spread unless set" }

// Form 1: one hit per project whose bidders are tied or whose bids are identical or near-identical.
// Ties between companies are found once per tied pair (they are rare), then joined to the projects both
// bid on; signs within one project's bids are read from the bids themselves.
CALL () {
  // An officer of both at bid time.
  MATCH (c1:Company)<-[r1:ROLE_IN]-(o:Person)-[r2:ROLE_IN]->(c2:Company)
  WHERE elementId(c1) < elementId(c2)
  WITH c1, c2, o, collect(DISTINCT r1) AS roles1, collect(DISTINCT r2) AS roles2
  MATCH (c1)-[b1:BID]->(p:Project)<-[b2:BID]-(c2)
  WITH p, c1, c2, o, roles1, roles2, coalesce(b1.date, b2.date, p.deadlineDate, p.awardDate) AS day
  WITH p, c1, c2, o,
       [r IN roles1 WHERE day IS NULL OR (coalesce(r.from <= day, true) AND coalesce(r.to >= day, true))] AS roles1,
       [r IN roles2 WHERE day IS NULL OR (coalesce(r.from <= day, true) AND coalesce(r.to >= day, true))] AS roles2
  WHERE size(roles1) > 0 AND size(roles2) > 0
  // How many firms the officer serves in all, and how many of this tender's bidders: a bookkeeper or
  // registration agent on the books of a dozen firms ties any two of them weakly.
  RETURN p, {companies: [c1, c2], kind: 'shared officer ' + o.name + ' (' + o.id + ')', confidence: 0.9, cat: 'officer',
             value: o.id, firms: COUNT { MATCH (o)-[:ROLE_IN]->(x:Company) RETURN DISTINCT x },
             shared: COUNT { MATCH (o)-[:ROLE_IN]->(x:Company)-[:BID]->(p) RETURN DISTINCT x },
             nodes: [o], rels: roles1 + roles2} AS sign
  UNION ALL
  // The same phone, address or bank account.
  MATCH (c1:Company)-[h1:HAS]->(x)<-[h2:HAS]-(c2:Company)
  WHERE elementId(c1) < elementId(c2)
  MATCH (c1)-[:BID]->(p:Project)<-[:BID]-(c2)
  RETURN p, {companies: [c1, c2],
             kind: CASE WHEN x:Phone THEN 'shared phone ' + x.value
                        WHEN x:Address THEN 'shared address ' + x.value
                        ELSE 'shared bank account ' + x.id END,
             confidence: CASE WHEN x:Address THEN 0.7 WHEN x:Phone THEN 0.8 ELSE 0.9 END, cat: 'identifier',
             idKind: CASE WHEN x:Phone THEN 'phone' WHEN x:Address THEN 'address' ELSE 'account' END,
             degree: COUNT { (x)<-[:HAS]-(:Company) }, shared: 2,
             nodes: [x], rels: [h1, h2]} AS sign
  UNION ALL
  // One firm's phone or account belongs to an officer of the other.
  MATCH (ca:Company)-[h1:HAS]->(x)
  WHERE x:Phone OR x:Account
  MATCH (x)<-[h2:HAS]-(o:Person)-[r:ROLE_IN]->(cb:Company)
  WHERE cb <> ca AND NOT EXISTS { (cb)-[:HAS]->(x) } AND NOT EXISTS { (o)-[:ROLE_IN]->(ca) }
  WITH ca, cb, x, o, h1, h2, collect(r)[0] AS r
  MATCH (ca)-[:BID]->(p:Project)<-[:BID]-(cb)
  RETURN p, {companies: [ca, cb],
             kind: CASE WHEN x:Phone THEN 'phone ' + x.value ELSE 'bank account ' + x.id END + ' of ' + ca.name
                   + ' (' + ca.id + ') belongs to ' + o.name + ' (' + o.id + ') of ' + cb.name + ' (' + cb.id + ')',
             confidence: 0.7, cat: 'identifier', idKind: CASE WHEN x:Phone THEN 'phone' ELSE 'account' END, degree: COUNT { (x)<-[:HAS]-(y) WHERE y:Person OR y:Company }, shared: 2,
             nodes: [x, o], rels: [h1, h2, r]} AS sign
  UNION ALL
  // A deposit paid from an account of another bidder or of its officer.
  MATCH (cA:Company)-[bA:BID]->(p:Project)
  WHERE bA.depositAccount IS NOT NULL
  MATCH (x:Entity {id: bA.depositAccount})<-[h:HAS]-(owner)
  WHERE owner <> cA AND NOT EXISTS { (owner)-[:ROLE_IN]->(cA) }
  MATCH (cB:Company)-[bB:BID]->(p)
  WHERE cB <> cA AND NOT coalesce(bB.depositAccount = bA.depositAccount, false)
    AND (owner = cB OR EXISTS { (owner)-[:ROLE_IN]->(cB) })
  RETURN p, {companies: [cA, cB],
             kind: 'deposit of ' + cA.name + ' (' + cA.id + ') paid from account ' + x.id + ' of ' + owner.name + ' (' + owner.id + ')',
             confidence: 0.95, cat: 'tie', nodes: [x, owner], rels: [bA, h]} AS sign
  UNION ALL
  // Within one project's bids: one deposit account, one preparer, identical or near-identical amounts.
  MATCH (p:Project)
  WHERE COUNT { (p)<-[:BID]-(:Company) } >= 2
  WITH p, COLLECT { MATCH (p)<-[b:BID]-(c:Company) RETURN b ORDER BY c.id } AS bids
  WITH p, bids, [b IN bids WHERE NOT coalesce(b.disqualified, false)] AS valid
  WITH p, bids, valid, [b IN valid WHERE b.amount IS NOT NULL | toFloat(b.amount)] AS amounts
  WITH p, bids, valid, amounts,
       CASE WHEN size(amounts) > 0 THEN reduce(s = 0.0, x IN amounts | s + x) / size(amounts) END AS mean
  WITH p, bids, valid,
       CASE WHEN size(amounts) >= 2 AND mean > 0
            THEN sqrt(reduce(s = 0.0, x IN amounts | s + (x - mean) ^ 2) / size(amounts)) / mean END AS cv,
       [b IN valid WHERE b.amount IS NOT NULL AND size([x IN valid WHERE x.amount = b.amount]) > 1] AS identical,
       [i IN range(0, size(bids) - 2) | [j IN range(i + 1, size(bids) - 1) | [bids[i], bids[j]]]] AS pairs
  WITH p, bids, valid, cv, identical, reduce(all = [], l IN pairs | all + l) AS pairs
  WITH p,
       [pair IN pairs WHERE pair[0].depositAccount IS NOT NULL AND pair[0].depositAccount = pair[1].depositAccount
        | {companies: [startNode(pair[0]), startNode(pair[1])],
           kind: 'deposits paid from the same account ' + pair[0].depositAccount, confidence: 0.95, cat: 'deposit',
           value: pair[0].depositAccount, shared: size([b IN bids WHERE b.depositAccount = pair[0].depositAccount]),
           nodes: [], rels: pair}]
       + [pair IN pairs WHERE pair[0].preparer IS NOT NULL AND pair[0].preparer = pair[1].preparer
          | {companies: [startNode(pair[0]), startNode(pair[1])],
             kind: 'bids prepared by the same person ' + pair[0].preparer, confidence: 0.95, cat: 'preparer',
             value: pair[0].preparer, shared: size([b IN bids WHERE b.preparer = pair[0].preparer]),
             nodes: [], rels: pair}]
       + CASE WHEN size(identical) > 0
           THEN [{companies: [b IN identical | startNode(b)], kind: 'identical bid amounts', confidence: 0.9, cat: 'price',
                  nodes: [], rels: identical}]
           ELSE [] END
       + CASE WHEN size(valid) >= $minCvBids AND coalesce(cv < $maxCv, false)
           THEN [{companies: [b IN valid | startNode(b)],
                  kind: 'near-identical bids (coefficient of variation ' + toString(round(cv, 4)) + ')',
                  confidence: CASE WHEN size(valid) >= 3 THEN 0.85 ELSE 0.6 END, cat: 'price', nodes: [], rels: valid}]
           ELSE [] END AS signs
  UNWIND signs AS sign
  RETURN p, sign
}
WITH p, collect(sign) AS signs
OPTIONAL MATCH (p)-[aw:AWARDED_TO]->(w:Company)
WITH p, signs, aw, w, coalesce(aw.amount, p.awardAmount, 0.0) AS amount,
     COLLECT { MATCH (p)<-[b:BID]-(:Company) RETURN b } AS bids
WITH p, signs, aw, w, amount, bids, coalesce(p.deadlineDate, p.awardDate, aw.date) AS day,
     [b IN bids WHERE NOT coalesce(b.disqualified, false) AND b.amount IS NOT NULL | toFloat(b.amount)] AS amounts,
     COLLECT { UNWIND signs AS s UNWIND s.companies AS x WITH DISTINCT x ORDER BY x.id RETURN x } AS companies
// Who controlled the tied firms when they bid.
WITH p, signs, aw, w, amount, bids, companies, amounts,
     COLLECT { UNWIND companies AS x
               MATCH (:Person)-[r:ROLE_IN]->(x)
               WHERE (r.role = 'legal_rep' OR (r.role = 'shareholder' AND coalesce(r.share, 1.0) >= $minControlShare))
                 AND (day IS NULL OR (coalesce(r.from <= day, true) AND coalesce(r.to >= day, true)))
               RETURN r } AS control
WITH p, signs, aw, w, amount, companies, amounts,
     [b IN bids WHERE NOT startNode(b) IN companies | {node: startNode(b), part: 'competitor'}] AS parties,
     COLLECT { UNWIND [r IN control | startNode(r)] + reduce(n = [], s IN signs | n + s.nodes) AS x
               WITH x WHERE x:Person RETURN DISTINCT x } AS persons,
     COLLECT { UNWIND [p] + [b IN bids | startNode(b)] + [r IN control | startNode(r)] + reduce(n = [], s IN signs | n + s.nodes) AS x
               WITH x WHERE x IS NOT NULL RETURN DISTINCT x } AS nodes,
     COLLECT { UNWIND bids + [aw] + control + reduce(r = [], s IN signs | r + s.rels) AS x
               WITH x WHERE x IS NOT NULL RETURN DISTINCT x } AS rels,
     COLLECT { UNWIND signs AS s WITH s ORDER BY s.confidence DESC, s.kind RETURN DISTINCT s.kind } AS kinds,
     head(COLLECT { UNWIND signs AS s WITH s WHERE s.cat = 'identifier' RETURN s ORDER BY s.degree, s.confidence DESC }) AS idSign,
     head(COLLECT { UNWIND signs AS s WITH s WHERE s.cat = 'deposit' RETURN s ORDER BY s.shared DESC, s.value }) AS depositSign,
     head(COLLECT { UNWIND signs AS s WITH s WHERE s.cat = 'preparer' RETURN s ORDER BY s.shared DESC, s.value }) AS preparerSign,
     head(COLLECT { UNWIND signs AS s WITH s WHERE s.cat = 'officer' RETURN s ORDER BY s.firms, s.shared DESC, s.value }) AS officerSign,
     reduce(m = 0.0, s IN signs | CASE WHEN s.cat = 'price' AND s.confidence > m THEN s.confidence ELSE m END) AS signPrice,
     reduce(m = 0.0, s IN signs | CASE WHEN s.cat = 'tie' AND s.confidence > m THEN s.confidence ELSE m END) AS signTie,
     reduce(s = 0.0, x IN amounts | s + x) / CASE size(amounts) WHEN 0 THEN 1 ELSE size(amounts) END AS mean
RETURN 'project:' + p.id AS key,
       companies + persons AS subjects,
       parties,
       [] AS minor,
       reduce(t = '', x IN companies | t + CASE WHEN t = '' THEN '' ELSE '+' END + x.id) AS group,
       {signTie: signTie, signPrice: signPrice,
        signId: coalesce(idSign.confidence, 0.0), idDegree: idSign.degree, idKind: idSign.idKind, idShared: idSign.shared,
        signDeposit: coalesce(depositSign.confidence, 0.0), depositAccount: depositSign.value, depositShared: depositSign.shared,
        signPreparer: coalesce(preparerSign.confidence, 0.0), preparer: preparerSign.value, preparerShared: preparerSign.shared,
        signOfficer: coalesce(officerSign.confidence, 0.0), officer: officerSign.value, officerShared: officerSign.shared, officerFirms: officerSign.firms,
        bids: size(amounts),
        cv: CASE WHEN size(amounts) >= 2 AND mean > 0 THEN sqrt(reduce(s = 0.0, x IN amounts | s + (x - mean) ^ 2) / size(amounts)) / mean END,
        township: head([(p)-[:IN]->(:Region)-[:PART_OF*0..1]->(t:Region) WHERE t.level = 'township' | t.id])} AS facts,
       nodes,
       rels,
       amount,
       reduce(m = 0.0, s IN signs | CASE WHEN s.confidence > m THEN s.confidence ELSE m END) AS confidence,
       'Bidders on ' + p.name + ' (' + p.id + ') are not independent: '
         + reduce(t = '', x IN companies | t + CASE WHEN t = '' THEN '' ELSE ', ' END + x.name + ' (' + x.id + ')')
         + '; ' + reduce(t = '', k IN kinds | t + CASE WHEN t = '' THEN '' ELSE '; ' END + k)
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
// Losses in tenders whose bids look independent: enough valid bids, normally spread, the winner lowest.
CALL (lost) {
  UNWIND lost AS l
  WITH l.p AS lp, l.w AS lw
  WITH lp, lw, [b IN COLLECT { MATCH (lp)<-[x:BID]-(:Company) WHERE NOT coalesce(x.disqualified, false) AND x.amount IS NOT NULL RETURN x } | toFloat(b.amount)] AS amounts,
       head(COLLECT { MATCH (lp)<-[x:BID]-(lw) WHERE x.amount IS NOT NULL RETURN toFloat(x.amount) }) AS won
  WITH amounts, won, reduce(s = 0.0, x IN amounts | s + x) / CASE size(amounts) WHEN 0 THEN 1 ELSE size(amounts) END AS mean
  WITH amounts, won, CASE WHEN mean > 0 THEN sqrt(reduce(s = 0.0, x IN amounts | s + (x - mean) ^ 2) / size(amounts)) / mean ELSE 0.0 END AS cv
  RETURN count(CASE WHEN size(amounts) >= $independentBids AND cv >= $independentCv AND won IS NOT NULL AND all(x IN amounts WHERE won <= x) THEN 1 END) AS independent
}
WITH c, nBids, lost, covered, independent, round(reduce(s = 0.0, l IN lost | s + coalesce(l.aw.amount, 0.0)), 2) AS amount,
     reduce(d = null, l IN lost | CASE WHEN d IS NULL OR l.b.date < d THEN l.b.date ELSE d END) AS first,
     reduce(d = null, l IN lost | CASE WHEN d IS NULL OR l.b.date > d THEN l.b.date ELSE d END) AS last
// Who controlled the cover bidder and the firms it covered for while it bid.
WITH c, nBids, lost, covered, amount, independent,
     COLLECT { UNWIND [c] + covered AS x
               MATCH (:Person)-[r:ROLE_IN]->(x)
               WHERE (r.role = 'legal_rep' OR (r.role = 'shareholder' AND coalesce(r.share, 1.0) >= $minControlShare))
                 AND coalesce(r.from <= last, true) AND coalesce(r.to >= first, true)
               RETURN r } AS control
RETURN 'cover:' + c.id AS key,
       [c] + covered + [r IN control | startNode(r)] AS subjects,
       [] AS parties,
       [] AS minor,
       'cover:' + c.id AS group,
       {form: 'cover', lost: nBids, covered: size(covered), independentLosses: independent} AS facts,
       [c] + [l IN lost | l.p] + COLLECT { UNWIND lost AS l WITH DISTINCT l.w AS w WHERE w IS NOT NULL RETURN w }
         + [r IN control | startNode(r)] AS nodes,
       [l IN lost | l.b] + [l IN lost WHERE l.aw IS NOT NULL | l.aw] + control AS rels,
       amount,
       CASE WHEN size(covered) > 0 THEN 0.85 ELSE 0.6 END AS confidence,
       c.name + ' (' + c.id + ') placed ' + toString(nBids) + ' valid bids and never won'
         + CASE WHEN size(covered) > 0
             THEN '; the projects it lost went repeatedly to '
                  + reduce(t = '', x IN covered | t + CASE WHEN t = '' THEN '' ELSE ', ' END + x.name + ' (' + x.id + ')')
             ELSE '' END
         + '; awards at stake ' + toString(toInteger(round(amount))) + ' yuan' AS summary
