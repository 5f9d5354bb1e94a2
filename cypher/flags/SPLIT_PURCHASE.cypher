// id: SPLIT_PURCHASE
// title: Purchase split under the tender threshold
// title_zh: 化整为零规避招标
// typology: SPLIT_PURCHASE
// description: >
//   Several awards (at least minPieces) to one company in one region within windowDays, each below
//   the tender threshold and none of them tendered (open or invited tender), together above the
//   threshold: one job cut into lots so that none has to be tendered. Overlapping windows of one
//   company and region merge into one hit. Full confidence when every piece was handed out without
//   competition (direct award, single source); lower when some went through competitive
//   negotiation. Subjects: the company, every cadre who signed two or more of the pieces, and the firm's legal
//   representative at the first piece (a minor subject). Not
//   flagged: awards spread over more than the window, too few pieces, pieces in different regions,
//   pieces that were tendered, or a total that stays below the threshold.
// weight: 0.6
// parameters:
//   tenderThreshold: { type: number, default: 400000, min: 0, learned: tenderThreshold, description: "award amount (yuan) from which a purchase must be tendered: each piece is below it, the pieces together above it; learned from the county (the amount above which it stops awarding directly) unless set" }
//   windowDays: { type: integer, default: 180, min: 1, max: 1095, description: "days from the first piece within which the pieces fall" }
//   minPieces: { type: integer, default: 3, min: 2, max: 50, description: "fewest awards in the window" }
//   negotiatedConfidence: { type: number, default: 0.7, min: 0, max: 1, description: "confidence when some pieces went through competitive negotiation rather than a direct award" }

// Every award below the threshold that was not tendered, by company and region, in date order.
MATCH (p:Project)-[aw:AWARDED_TO]->(c:Company)
WHERE p.method IS NULL OR NOT p.method IN ['open_tender', 'invited_tender']
WITH p, aw, c, coalesce(aw.amount, p.awardAmount) AS amount, coalesce(aw.date, p.awardDate) AS day
WHERE amount < $tenderThreshold AND day IS NOT NULL
MATCH (p)-[inr:IN]->(r:Region)
WITH c, r, p, aw, inr, amount, day
ORDER BY day, p.id
WITH c, r, collect({p: p, aw: aw, inr: inr, amount: amount, day: day}) AS awards
WHERE size(awards) >= $minPieces
// For each piece i: the index of the last piece within the window that opens at i.
WITH c, r, awards,
     [i IN range(0, size(awards) - 1) |
       size([a IN awards WHERE a.day <= awards[i].day + duration({days: $windowDays})]) - 1] AS ends
// Windows with enough pieces whose total exceeds the threshold, as [first, last] index pairs.
WITH c, r, awards,
     [i IN range(0, size(awards) - 1)
       WHERE ends[i] - i + 1 >= $minPieces
         AND reduce(s = 0.0, a IN awards[i..ends[i] + 1] | s + a.amount) > $tenderThreshold
       | [i, ends[i]]] AS windows
WHERE size(windows) > 0
// Overlapping windows merge (ends never decrease as i grows).
WITH c, r, awards,
     reduce(acc = [], w IN windows |
       CASE WHEN size(acc) > 0 AND w[0] <= acc[-1][1]
            THEN acc[0..-1] + [[acc[-1][0], w[1]]]
            ELSE acc + [w] END) AS runs
UNWIND runs AS run
WITH c, r, awards[run[0]..run[1] + 1] AS pieces
WITH c, r, pieces,
     round(reduce(s = 0.0, a IN pieces | s + a.amount), 2) AS total,
     size([a IN pieces WHERE a.p.method IN ['direct_award', 'single_source']]) AS uncompeted
// Cadres who signed two or more of the pieces.
CALL (pieces) {
  UNWIND pieces AS a
  WITH a.p AS proj
  MATCH (cadre:Person)-[appr:APPROVED]->(proj)
  WITH cadre, collect(appr) AS approvals
  WHERE size(approvals) >= 2
  WITH cadre, approvals ORDER BY cadre.id
  RETURN collect(cadre) AS cadres, reduce(x = [], l IN collect(approvals) | x + l) AS approvals
}
// The firm's legal representative when the first piece was awarded: a minor subject (often a front).
WITH c, r, pieces, total, uncompeted, cadres, approvals,
     COLLECT { MATCH (c)<-[rr:ROLE_IN {role: 'legal_rep'}]-(rep:Person)
               WHERE NOT rep IN cadres AND coalesce(rr.from <= pieces[0].day, true) AND coalesce(rr.to >= pieces[0].day, true)
               RETURN rep ORDER BY rep.id } AS reps
RETURN c.id + ':' + r.id + ':' + toString(pieces[0].day) AS key,
       [c] + cadres + reps AS subjects,
       [] AS parties,
       reps AS minor,
       c.id + ':' + r.id AS group,
       {threshold: $tenderThreshold, pieces: size(pieces)} AS facts,
       [c, r] + [a IN pieces | a.p] + cadres AS nodes,
       [a IN pieces | a.aw] + [a IN pieces | a.inr] + approvals AS rels,
       total AS amount,
       CASE WHEN uncompeted = size(pieces) THEN 1.0 ELSE $negotiatedConfidence END AS confidence,
       c.name + ' (' + c.id + ') received ' + toString(size(pieces)) + ' awards in ' + r.name + ' (' + r.id + ') between '
         + toString(pieces[0].day) + ' and ' + toString(pieces[-1].day) + ', each below the tender threshold of '
         + toString(toInteger($tenderThreshold)) + ' yuan, together ' + toString(toInteger(round(total))) + ' yuan ('
         + reduce(s = '', a IN pieces | s + CASE WHEN s = '' THEN '' ELSE ', ' END + a.p.id) + ')'
         + CASE WHEN size(cadres) > 0
             THEN ', signed by ' + reduce(s = '', x IN cadres | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x.name + ' (' + x.id + ')')
             ELSE '' END AS summary
