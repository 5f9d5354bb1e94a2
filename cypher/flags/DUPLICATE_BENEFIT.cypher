// id: DUPLICATE_BENEFIT
// title: Benefit drawn twice, or set up through a household move
// title_zh: 重复领取
// typology: DUPLICATE_BENEFIT
// description: >
//   Two forms. YEAR: one person (or two person records with one identity number) paid under one
//   program more than once in a year, in one village or, worse, in two; programs whose grants may
//   recur within a year (medical relief) only count when paid in two regions, and a program that
//   usually pays several times a year (learned from the county) only beyond its usual number. MOVE: a cadre's
//   relative moves into another household, or heads a household split off from theirs, shortly
//   before a means-tested grant, while the cadre approved the grant or held a post in its village,
//   township or a neighbouring village of that township. Kinship is one KIN relationship in either
//   direction, or an in-law reached through a spouse at lower confidence; a declared relation lowers
//   the confidence. YEAR hits once per identity, program and year, for the money paid beyond the
//   first payment; MOVE once per relative and household, for the means-tested grants drawn since.
//   One identity's repeats under one program (across years), and one relative's moves, are one
//   pattern each.
// weight: 0.6
// parameters:
//   repeatableFields: { type: list, default: [medical], description: "program fields whose grants may legitimately recur within a year (checked only across regions)" }
//   usualPayments: { type: list, items: map, default: [], learned: usualPayments, description: "programs that pay their beneficiaries more than once a year, as {program, payments}: only more payments than that count (learned from the county: what 98% of a program's beneficiary-years stay within)" }
//   sameRegionConfidence: { type: number, default: 0.9, min: 0, max: 1, description: "confidence of a repeat payment within one region" }
//   moveWindowDays: { type: integer, default: 180, min: 1, max: 1095, description: "days between a household move or split and a grant that make the move suspicious" }
//   kinRelations: { type: list, default: [spouse, parent, child, sibling, grandparent, grandchild, uncle_aunt, nephew_niece, cousin, in_law], description: "KIN relations that count as kinship" }
//   inLawRelations: { type: list, default: [parent, child, sibling], description: "relations that make in-laws through a spouse: the spouse's parents, children and siblings, and the spouses of one's own" }
//   inLawFactor: { type: number, default: 0.8, min: 0, max: 1, description: "confidence factor for in-laws reached through a spouse" }
//   declaredFactor: { type: number, default: 0.4, min: 0, max: 1, description: "confidence factor when the kinship was declared to the supervisor" }
//   inPostFactor: { type: number, default: 0.8, min: 0, max: 1, description: "confidence factor when the cadre did not approve the grant but held a post in its village or township" }
//   townshipFactor: { type: number, default: 0.6, min: 0, max: 1, description: "confidence factor when the cadre held a post in another village of the grant's township" }
MATCH (g:Grant)-[un:UNDER]->(pg:Program)
MATCH (g)-[pt:PAID_TO]->(b:Person)
WITH pg, g.year AS year, CASE WHEN b.idNumber IS NULL OR b.idNumber = '' THEN b.id ELSE b.idNumber END AS identity,
     collect({g: g, un: un, pt: pt, b: b}) AS paid
WHERE size(paid) >= 2
UNWIND paid AS x
WITH pg, year, identity, x.g AS g, x.un AS un, x.pt AS pt, x.b AS b
WITH pg, year, identity, g, un, pt, b,
     head(COLLECT { MATCH (g)-[gi:IN]->(r:Region) RETURN {gi: gi, r: r} }) AS place,
     head(COLLECT { MATCH (a:Person)-[ap:APPROVED]->(g) RETURN {a: a, ap: ap} }) AS approval
WITH pg, year, identity, g, un, pt, b, place.gi AS gi, place.r AS r, approval.a AS a, approval.ap AS ap
ORDER BY g.paidDate, g.id
WITH pg, year, identity, collect({g: g, un: un, pt: pt, b: b, gi: gi, r: r, a: a, ap: ap}) AS paid
WITH pg, year, paid,
     reduce(acc = [], x IN paid | CASE WHEN x.r IS NULL OR x.r IN acc THEN acc ELSE acc + x.r END) AS regions,
     reduce(acc = [], x IN paid | CASE WHEN x.b IN acc THEN acc ELSE acc + x.b END) AS persons,
     reduce(acc = [], x IN paid | CASE WHEN x.a IS NULL OR x.a IN acc THEN acc ELSE acc + x.a END) AS approvers
WHERE size(regions) >= 2
   OR (NOT coalesce(pg.field, '') IN $repeatableFields AND size(paid) > coalesce(head([x IN $usualPayments WHERE x.program = pg.id | x.payments]), 1))
WITH pg, year, paid, regions, persons, approvers,
     reduce(s = 0.0, x IN tail(paid) | s + coalesce(x.g.paidAmount, 0.0)) AS amount,
     head(paid).b AS b
RETURN 'YEAR:' + reduce(m = b.id, p IN persons | CASE WHEN p.id < m THEN p.id ELSE m END) + ':' + pg.id + ':' + toString(year) AS key,
       persons + [x IN approvers WHERE NOT x IN persons] AS subjects,
       [] AS parties,
       [] AS minor,
       'YEAR:' + reduce(m = b.id, p IN persons | CASE WHEN p.id < m THEN p.id ELSE m END) + ':' + pg.id AS group,
       {regions: size(regions), records: size(persons)} AS facts,
       persons + [x IN paid | x.g] + [pg] + regions + [x IN approvers WHERE NOT x IN persons] AS nodes,
       reduce(all = [], x IN paid | all + [y IN [x.pt, x.un, x.gi, x.ap] WHERE y IS NOT NULL]) AS rels,
       amount,
       CASE WHEN size(regions) >= 2 OR size(persons) >= 2 THEN 1.0 ELSE $sameRegionConfidence END AS confidence,
       b.name + ' (' + reduce(s = '', p IN persons | s + CASE WHEN s = '' THEN '' ELSE ', ' END + p.id) + ') was paid ' + toString(size(paid)) +
         ' times under ' + coalesce(pg.name, pg.id) + ' in ' + toString(year) +
         ' (' + reduce(s = '', x IN paid | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x.g.id) + ')' +
         CASE WHEN size(persons) >= 2 THEN ', under ' + toString(size(persons)) + ' person records with one identity number' ELSE '' END +
         CASE WHEN size(regions) >= 2 THEN ', in ' + toString(size(regions)) + ' regions (' + reduce(s = '', x IN regions | s + CASE WHEN s = '' THEN '' ELSE ', ' END + coalesce(x.name, x.id)) + ')' ELSE '' END +
         '; ' + CASE WHEN amount % 1 = 0 THEN toString(toInteger(amount)) ELSE toString(round(amount, 2)) END + ' yuan beyond the first payment' AS summary

UNION ALL

// MOVE: a relative of a cadre moves, or splits off a household, shortly before a means-tested grant.
// Only people who drew a means-tested grant can hit: their moves, not every move in the county.
MATCH (:Program {meansTested: true})<-[:UNDER]-(:Grant)-[:PAID_TO]->(k:Person)
WITH DISTINCT k
CALL (k) {
  MATCH (k)-[m:MOVED_TO]->(h:Household)
  WHERE m.date IS NOT NULL
  RETURN h, m.date AS moved, 'moved into household' AS how, [m] AS moveRels, [h] AS moveNodes
  UNION ALL
  MATCH (k)-[mo:MEMBER_OF|HEAD_OF]->(h:Household)-[sf:SPLIT_FROM]->(old:Household)
  WHERE h.createdDate IS NOT NULL
  WITH h, sf, old, collect(mo)[0] AS mo
  RETURN h, h.createdDate AS moved, 'split off household' AS how, [mo, sf] AS moveRels, [h, old] AS moveNodes
}
MATCH (k)<-[pt:PAID_TO]-(g:Grant)-[:UNDER]->(:Program {meansTested: true})
WHERE g.paidDate > moved AND g.paidDate <= moved + duration({days: $moveWindowDays})
WITH k, h, moved, how, moveRels, moveNodes, g, pt
ORDER BY g.paidDate
WITH k, h, moved, how, moveRels, moveNodes, collect({g: g, pt: pt})[0] AS first
// One hit per relative and household: the earliest move or split into it that preceded a grant.
ORDER BY moved
WITH k, h, collect({moved: moved, how: how, moveRels: moveRels, moveNodes: moveNodes, first: first})[0] AS e
WITH k, h, e.moved AS moved, e.how AS how, e.moveRels AS moveRels, e.moveNodes AS moveNodes, e.first.g AS g, e.first.pt AS pt
// The cadres this relative is kin to.
CALL (k) {
  MATCH (k)-[kr:KIN]-(c:Cadre)
  WHERE kr.relation IN $kinRelations
  RETURN c, [] AS via, [kr] AS kin,
         CASE WHEN startNode(kr) = c THEN kr.relation
              ELSE coalesce({parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'}[kr.relation], kr.relation) END AS relation,
         CASE WHEN kr.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
  UNION ALL
  MATCH (k)-[kd:KIN]-(d:Person)
  WHERE kd.relation IN $kinRelations
  WITH k, collect(d) AS direct
  MATCH (k)-[k2:KIN]-(x:Person)-[k1:KIN]-(c:Cadre)
  WHERE NOT c IN direct AND c <> k AND 'spouse' IN $kinRelations
    AND ((k1.relation = 'spouse' AND k2.relation IN $inLawRelations) OR (k2.relation = 'spouse' AND k1.relation IN $inLawRelations))
  WITH k, c, x, k1, k2,
       {parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'} AS inverse
  RETURN c, [x] AS via, [k1, k2] AS kin,
         (CASE WHEN startNode(k1) = c THEN k1.relation ELSE coalesce(inverse[k1.relation], k1.relation) END) + '\'s ' +
         (CASE WHEN startNode(k2) = x THEN k2.relation ELSE coalesce(inverse[k2.relation], k2.relation) END) AS relation,
         $inLawFactor * CASE WHEN k1.declared AND k2.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
}
CALL (c, g) {
  MATCH (c)-[a:APPROVED]->(g)
  RETURN 0 AS rank, 'approved it' AS role, [a] AS links, [] AS places, 1.0 AS roleConf
  UNION ALL
  MATCH (g)-[:IN]->(r:Region)
  MATCH (c)-[hp:HOLDS_POST]->(pr:Region)
  WHERE NOT EXISTS { (c)-[:APPROVED]->(g) }
    AND hp.from <= g.paidDate AND (hp.to IS NULL OR hp.to >= g.paidDate)
    AND (pr = r OR EXISTS { (r)-[:PART_OF]->(pr) } OR EXISTS { (r)-[:PART_OF]->(:Region)<-[:PART_OF]-(pr) })
  RETURN CASE WHEN pr = r OR EXISTS { (r)-[:PART_OF]->(pr) } THEN 1 ELSE 2 END AS rank,
         'held a post in ' + coalesce(pr.name, pr.id) AS role, [hp] AS links, [pr] AS places,
         CASE WHEN pr = r OR EXISTS { (r)-[:PART_OF]->(pr) } THEN $inPostFactor ELSE $townshipFactor END AS roleConf
}
WITH k, h, moved, how, moveRels, moveNodes, g, pt, c, via, kin, relation, rank, role, links, places, kinConf * roleConf AS confidence
ORDER BY confidence DESC, rank, c.id
WITH k, h, moved, how, moveRels, moveNodes, g, pt,
     collect({c: c, via: via, kin: kin, relation: relation, role: role, links: links, places: places, confidence: confidence})[0] AS best
// Every means-tested grant the relative drew from the move on.
WITH k, h, moved, how, moveRels, moveNodes, g, pt, best,
     COLLECT { MATCH (k)<-[p2:PAID_TO]-(g2:Grant)-[:UNDER]->(:Program {meansTested: true}) WHERE g2.paidDate > moved RETURN {g: g2, pt: p2} } AS grants
WITH k, h, moved, how, moveRels, moveNodes, g, best, grants, best.c AS c,
     reduce(s = 0.0, x IN grants | s + coalesce(x.g.paidAmount, 0.0)) AS amount
RETURN 'MOVE:' + k.id + ':' + h.id AS key,
       [c, k] AS subjects,
       [] AS parties,
       [] AS minor,
       'MOVE:' + k.id AS group,
       {declared: any(r IN best.kin WHERE coalesce(r.declared, false)), form: CASE WHEN best.role = 'approved it' THEN 'approved' ELSE 'in_post' END} AS facts,
       [c] + best.via + [k] + moveNodes + [x IN grants | x.g] + best.places AS nodes,
       best.kin + moveRels + [x IN grants | x.pt] + best.links AS rels,
       amount,
       best.confidence AS confidence,
       k.name + ' (' + k.id + '), ' + best.relation + ' of cadre ' + c.name + ' (' + c.id + '), ' + how + ' ' + h.id + ' on ' + toString(moved) +
         ' and was granted ' + g.id + ' on ' + toString(g.paidDate) + ' (' + toString(size(grants)) + ' means-tested grant(s) since, ' +
         CASE WHEN amount % 1 = 0 THEN toString(toInteger(amount)) ELSE toString(round(amount, 2)) END + ' yuan); the cadre ' + best.role AS summary
