// id: SINGLE_BID
// title: Award without competition
// title_zh: 未经竞争确定中标人
// typology: SINGLE_BID
// description: >
//   A project put out under a competitive procedure (open tender, invited tender, competitive
//   negotiation) that was awarded with at most one valid bid: the winner was the only bidder, or its
//   rivals were all disqualified (most suspicious when the winner itself was disqualified or never
//   bid). Or a project handed out by a non-competitive procedure (single source, direct award) for
//   more than the tender threshold, twice the threshold being the stronger signal. A tender that
//   drew two or more valid bids, a failed tender that was never awarded, and a small direct award
//   are not flagged. Subjects: the winning company and the cadre who approved the project; the
//   disqualified rivals are parties. One firm's awards signed by one cadre are one pattern.
// weight: 0.45
// parameters:
//   tenderThreshold: { type: number, default: 400000, min: 0, learned: tenderThreshold, description: "award amount (yuan) above which a project must be competed; learned from the county (the amount above which it stops awarding directly) unless set" }
//   soleBidderConfidence: { type: number, default: 0.8, min: 0, max: 1, description: "confidence when the winner was the only bidder" }
//   disqualifiedConfidence: { type: number, default: 0.9, min: 0, max: 1, description: "confidence when every rival bid was disqualified" }

// A competitive procedure awarded with at most one valid bid.
MATCH (p:Project)-[aw:AWARDED_TO]->(c:Company)
WHERE p.method IN ['open_tender', 'invited_tender', 'competitive_negotiation']
WITH p, aw, c,
     COLLECT { MATCH (p)<-[b:BID]-(:Company) RETURN b } AS bids
WITH p, aw, c, bids, [b IN bids WHERE NOT coalesce(b.disqualified, false)] AS valid
WHERE size(bids) >= 1 AND size(valid) <= 1
WITH p, aw, c, bids, valid,
     size(valid) = 1 AND startNode(valid[0]) = c AS winnerValid
OPTIONAL MATCH (cadre:Person)-[appr:APPROVED]->(p)
WITH p, aw, c, bids, valid, winnerValid,
     collect(cadre) AS cadres, collect(appr) AS approvals,
     coalesce(aw.amount, p.awardAmount, 0.0) AS amount
RETURN 'tender:' + p.id AS key,
       [c] + cadres AS subjects,
       [b IN bids WHERE startNode(b) <> c | {node: startNode(b), part: 'disqualified_bidder'}] AS parties,
       [] AS minor,
       c.id + ':' + coalesce(head(cadres).id, '') AS group,
       {form: 'tender', bids: size(bids), validBids: size(valid)} AS facts,
       [p, c] + [b IN bids WHERE startNode(b) <> c | startNode(b)] + cadres AS nodes,
       [aw] + bids + approvals AS rels,
       amount,
       CASE
         WHEN NOT winnerValid THEN 1.0
         WHEN size(bids) > 1 THEN $disqualifiedConfidence
         ELSE $soleBidderConfidence
       END AS confidence,
       c.name + ' (' + c.id + ') won ' + p.name + ' (' + p.id + ', ' + p.method + ') for ' + toString(toInteger(round(amount))) + ' yuan '
         + CASE
             WHEN NOT winnerValid AND size(valid) = 0 THEN 'although all ' + toString(size(bids)) + ' bids were disqualified'
             WHEN NOT winnerValid THEN 'without a valid bid of its own'
             WHEN size(bids) = 1 THEN 'as the only bidder'
             ELSE 'after all ' + toString(size(bids) - 1) + ' rival bids were disqualified'
           END
         + CASE WHEN size(cadres) > 0 THEN ', approved by ' + cadres[0].name + ' (' + cadres[0].id + ')' ELSE '' END AS summary
UNION ALL
// A non-competitive procedure above the tender threshold.
MATCH (p:Project)-[aw:AWARDED_TO]->(c:Company)
WHERE p.method IN ['single_source', 'direct_award']
WITH p, aw, c, coalesce(aw.amount, p.awardAmount, 0.0) AS amount
WHERE amount > $tenderThreshold
OPTIONAL MATCH (cadre:Person)-[appr:APPROVED]->(p)
WITH p, aw, c, amount, collect(cadre) AS cadres, collect(appr) AS approvals
RETURN 'direct:' + p.id AS key,
       [c] + cadres AS subjects,
       [] AS parties,
       [] AS minor,
       c.id + ':' + coalesce(head(cadres).id, '') AS group,
       {form: 'direct', threshold: $tenderThreshold} AS facts,
       [p, c] + cadres AS nodes,
       [aw] + approvals AS rels,
       amount,
       CASE WHEN amount > 2 * $tenderThreshold THEN 1.0 ELSE 0.7 END AS confidence,
       c.name + ' (' + c.id + ') was handed ' + p.name + ' (' + p.id + ') by ' + p.method + ' for ' + toString(toInteger(round(amount)))
         + ' yuan, above the tender threshold of ' + toString(toInteger($tenderThreshold)) + ' yuan'
         + CASE WHEN size(cadres) > 0 THEN ', approved by ' + cadres[0].name + ' (' + cadres[0].id + ')' ELSE '' END AS summary
