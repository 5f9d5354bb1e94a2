// id: DOMINANT_WINNER
// title: One company takes most of a region's awards
// title_zh: 标王
// typology: DOMINANT_WINNER
// description: >
//   In one calendar year, one company wins more than minShare of the award value of a region (a
//   village, and the township or county above it, counting the projects of the regions below), the
//   region having awarded at least minProjects projects that year and the company having won at
//   least minWins of them. When the company dominates a village and also the township above it, only
//   the widest region is reported. Confidence rises with the share (from strongShare up) and when one
//   cadre signed minWins or more of the company's wins there that year; that cadre is a subject with
//   the company, and the firm's legal representative that year a minor one. Not flagged: one large award that outweighs a region's few small ones (fewer than
//   minWins wins), a region-year with too few projects, or a large but not dominant share.
//   One firm's dominance of one region (across years) is one pattern. The wins taken with the
//   lowest of several independent bids (at least independentBids valid bids spread by at least
//   independentCv) are a fact the scores stage reads: a busy firm that simply underbids its rivals
//   is not a captured market.
// weight: 0.5
// parameters:
//   minShare: { type: number, default: 0.6, min: 0, max: 1, description: "share of the region's award value in the year that the company exceeds" }
//   strongShare: { type: number, default: 0.8, min: 0, max: 1, description: "share from which the dominance counts as strong" }
//   minProjects: { type: integer, default: 3, min: 1, max: 1000, description: "fewest projects awarded in the region that year" }
//   minWins: { type: integer, default: 2, min: 1, max: 1000, description: "fewest of those projects the company must win" }
//   levels: { type: list, default: [village, township, county], description: "region levels at which shares are computed" }
//   independentBids: { type: integer, default: 3, min: 2, max: 50, description: "fewest valid bids of a win taken with the lowest of independent bids" }
//   independentCv: { type: number, default: 0.02, min: 0, max: 1, learned: independentCv, description: "smallest coefficient of variation of those bids (closer bids may be arranged); learned from the county's bid spread unless set" }

// Every award, counted in its region and in the regions above it (at most two steps up).
MATCH (p:Project)-[aw:AWARDED_TO]->(c:Company)
WITH p, aw, c, coalesce(aw.amount, p.awardAmount, 0.0) AS amount, coalesce(aw.date, p.awardDate) AS day
WHERE day IS NOT NULL
MATCH route = (p)-[:IN]->(:Region)-[:PART_OF*0..2]->(r:Region)
WHERE r.level IN $levels
WITH r, day.year AS year, collect({p: p, aw: aw, c: c, amount: amount, route: relationships(route)}) AS awards
WHERE size(awards) >= $minProjects
WITH r, year, awards, size(awards) AS nProjects, reduce(s = 0.0, a IN awards | s + a.amount) AS total
WHERE total > 0
UNWIND awards AS a
WITH r, year, nProjects, total, a.c AS c, collect(a) AS won
WITH r, year, nProjects, total, c, won, reduce(s = 0.0, a IN won | s + a.amount) AS value
WHERE size(won) >= $minWins AND value > $minShare * total
// Keep the widest region the company dominates that year.
WITH c, year, collect({r: r, nProjects: nProjects, total: total, won: won, value: value}) AS hits
UNWIND hits AS h
WITH c, year, h, h.r AS r, [x IN hits WHERE x.r <> h.r | x.r] AS others
WHERE NOT EXISTS { MATCH (r)-[:PART_OF*1..2]->(up) WHERE up IN others }
WITH c, year, r, h.nProjects AS nProjects, h.total AS total, h.won AS won, h.value AS value
// Cadres who signed minWins or more of those wins.
CALL (won) {
  UNWIND won AS a
  WITH a.p AS proj
  MATCH (cadre:Person)-[appr:APPROVED]->(proj)
  WITH cadre, collect(appr) AS approvals
  WHERE size(approvals) >= $minWins
  WITH cadre, approvals ORDER BY cadre.id
  RETURN collect(cadre) AS cadres, reduce(x = [], l IN collect(approvals) | x + l) AS approvals
}
// Wins taken with the lowest of several independent, normally spread valid bids.
CALL (won, c) {
  UNWIND won AS a
  WITH a.p AS proj, c
  WITH proj, c,
       COLLECT { MATCH (proj)<-[b:BID]-(:Company) WHERE NOT coalesce(b.disqualified, false) AND b.amount IS NOT NULL RETURN toFloat(b.amount) } AS amounts,
       head(COLLECT { MATCH (proj)<-[b:BID]-(c) WHERE NOT coalesce(b.disqualified, false) AND b.amount IS NOT NULL RETURN toFloat(b.amount) }) AS own
  WITH amounts, own, reduce(s = 0.0, x IN amounts | s + x) / CASE size(amounts) WHEN 0 THEN 1 ELSE size(amounts) END AS mean
  WITH amounts, own, CASE WHEN mean > 0 THEN sqrt(reduce(s = 0.0, x IN amounts | s + (x - mean) ^ 2) / size(amounts)) / mean ELSE 0.0 END AS cv
  RETURN count(CASE WHEN size(amounts) >= $independentBids AND own IS NOT NULL AND all(x IN amounts WHERE own <= x) AND cv >= $independentCv THEN 1 END) AS lowestWins
}
WITH c, year, r, nProjects, total, won, value, cadres, approvals, lowestWins, value / total AS share
WITH c, year, r, nProjects, total, won, value, cadres, approvals, share, lowestWins,
     COLLECT { UNWIND won AS a UNWIND a.route AS rel WITH DISTINCT rel RETURN rel } AS routes
// The firm's legal representative during the year: a minor subject (the owner, or a front for one).
WITH c, year, r, nProjects, total, won, value, cadres, approvals, share, lowestWins, routes,
     COLLECT { MATCH (c)<-[rr:ROLE_IN {role: 'legal_rep'}]-(rep:Person)
               WHERE NOT rep IN cadres AND coalesce(rr.from.year <= year, true) AND coalesce(rr.to.year >= year, true)
               RETURN DISTINCT rep ORDER BY rep.id } AS reps
RETURN c.id + ':' + r.id + ':' + toString(year) AS key,
       [c] + cadres + reps AS subjects,
       [] AS parties,
       reps AS minor,
       c.id + ':' + r.id AS group,
       {wins: size(won), lowestWins: lowestWins, share: share, signed: size(cadres) > 0} AS facts,
       [c, r] + [a IN won | a.p] + [rel IN routes | endNode(rel)] + cadres AS nodes,
       [a IN won | a.aw] + routes + approvals AS rels,
       round(value, 2) AS amount,
       CASE
         WHEN share >= $strongShare AND size(cadres) > 0 THEN 1.0
         WHEN share >= $strongShare OR size(cadres) > 0 THEN 0.8
         ELSE 0.6
       END AS confidence,
       c.name + ' (' + c.id + ') won ' + toString(size(won)) + ' of ' + toString(nProjects) + ' projects awarded in '
         + r.name + ' (' + r.id + ', ' + r.level + ') in ' + toString(year) + ': ' + toString(toInteger(round(value)))
         + ' of ' + toString(toInteger(round(total))) + ' yuan (' + toString(toInteger(round(100 * share))) + '%)'
         + CASE WHEN size(cadres) > 0
             THEN ', signed by ' + reduce(s = '', x IN cadres | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x.name + ' (' + x.id + ')')
             ELSE '' END AS summary
