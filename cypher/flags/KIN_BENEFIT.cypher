// id: KIN_BENEFIT
// title: Grant to a cadre's relative or to the cadre
// title_zh: 优亲厚友
// typology: KIN_BENEFIT
// description: >
//   A grant approved by a person to themselves or to their kin, or a grant paid to kin of a cadre who
//   held a post in the grant's village (or its township) on the payment date, signed by someone else.
//   Kinship is one KIN relationship in either direction, or an in-law reached through a spouse (the
//   spouse's parents, children and siblings, or the spouses of one's own) at lower confidence; a
//   relation filed with the supervisor (declared) lowers the confidence. Programs that are not
//   means-tested count less in the in-post form. Each grant is reported once, under its most
//   suspicious reading, with every cadre implicated in the same way. One cadre's grants to one
//   relative (across programs and years) are one pattern. The hit's facts (program, village, year,
//   cadre, form, declared) let the scores stage weigh it against the program's coverage in the
//   village and the cadre's number of relatives there.
// weight: 0.7
// parameters:
//   kinRelations: { type: list, default: [spouse, parent, child, sibling, grandparent, grandchild, uncle_aunt, nephew_niece, cousin, in_law], description: "KIN relations that count as kinship" }
//   inLawRelations: { type: list, default: [parent, child, sibling], description: "relations that make in-laws through a spouse: the spouse's parents, children and siblings, and the spouses of one's own" }
//   inLawFactor: { type: number, default: 0.8, min: 0, max: 1, description: "confidence factor for in-laws reached through a spouse" }
//   declaredFactor: { type: number, default: 0.4, min: 0, max: 1, description: "confidence factor when the kinship was declared to the supervisor" }
//   inPostFactor: { type: number, default: 0.7, min: 0, max: 1, description: "confidence factor when the cadre was in post in the grant's region but did not sign the grant" }
//   universalFactor: { type: number, default: 0.5, min: 0, max: 1, description: "further factor, in the in-post form, for programs that are not means-tested (entitlements anyone may get)" }
MATCH (c:Person)
WHERE c:Cadre OR EXISTS { (c)-[:APPROVED]->() }
// The cadre, and everyone who is kin to the cadre.
CALL (c) {
  RETURN c AS b, [] AS via, [] AS kin, 'self' AS relation, 1.0 AS kinConf
  UNION ALL
  MATCH (c)-[k:KIN]-(b:Person)
  WHERE k.relation IN $kinRelations
  RETURN b, [] AS via, [k] AS kin,
         CASE WHEN startNode(k) = c THEN k.relation
              ELSE coalesce({parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'}[k.relation], k.relation) END AS relation,
         CASE WHEN k.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
  UNION ALL
  MATCH (c)-[kd:KIN]-(d:Person)
  WHERE kd.relation IN $kinRelations
  WITH c, collect(d) AS direct
  MATCH (c)-[k1:KIN]-(x:Person)-[k2:KIN]-(b:Person)
  WHERE NOT b IN direct AND b <> c AND 'spouse' IN $kinRelations
    AND ((k1.relation = 'spouse' AND k2.relation IN $inLawRelations) OR (k2.relation = 'spouse' AND k1.relation IN $inLawRelations))
  WITH c, b, x, k1, k2,
       {parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'} AS inverse
  RETURN b, [x] AS via, [k1, k2] AS kin,
         (CASE WHEN startNode(k1) = c THEN k1.relation ELSE coalesce(inverse[k1.relation], k1.relation) END) + '\'s ' +
         (CASE WHEN startNode(k2) = x THEN k2.relation ELSE coalesce(inverse[k2.relation], k2.relation) END) AS relation,
         $inLawFactor * CASE WHEN k1.declared AND k2.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
}
MATCH (b)<-[pt:PAID_TO]-(g:Grant)
CALL (c, b, g) {
  // Signed by the cadre.
  MATCH (c)-[a:APPROVED]->(g)
  RETURN 0 AS rank, 'approved' AS form, [a] AS links, [] AS places, 1.0 AS formConf
  UNION ALL
  // Paid to the cadre's kin while the cadre held a post in the grant's village or its township.
  MATCH (g)-[gi:IN]->(r:Region)
  MATCH (c)-[hp:HOLDS_POST]->(pr:Region)
  WHERE b <> c AND NOT EXISTS { (c)-[:APPROVED]->(g) }
    AND hp.from <= g.paidDate AND (hp.to IS NULL OR hp.to >= g.paidDate)
    AND (pr = r OR EXISTS { (r)-[:PART_OF]->(pr) })
  OPTIONAL MATCH (r)-[po:PART_OF]->(pr)
  RETURN 1 AS rank, 'in_post' AS form,
         CASE WHEN pr = r THEN [hp, gi] ELSE [hp, gi, po] END AS links, CASE WHEN pr = r THEN [pr] ELSE [pr, r] END AS places,
         $inPostFactor * CASE WHEN EXISTS { (g)-[:UNDER]->(:Program {meansTested: true}) } THEN 1.0 ELSE $universalFactor END AS formConf
}
WITH g, c, b, via, kin, relation, pt, rank, form, links, places, kinConf * formConf AS confidence
ORDER BY confidence DESC, rank, c.id
WITH g, collect({c: c, b: b, via: via, kin: kin, relation: relation, pt: pt, form: form, links: links, places: places, confidence: confidence}) AS cands
// The best reading of the grant; every other cadre implicated in the same way joins it.
WITH g, cands[0] AS h, [x IN cands WHERE x.form = cands[0].form] AS same
WITH g, h, same, h.c AS c, h.b AS b, g.paidAmount AS amount,
     head([(g)-[:UNDER]->(pg:Program) | pg]) AS pg, head([(g)-[:IN]->(r:Region) | r.id]) AS region,
     head(h.places) AS place,
     reduce(acc = [], x IN same | CASE WHEN x.c IN acc THEN acc ELSE acc + x.c END) AS cadres
WITH g, h, same, c, b, amount, place, cadres, pg, region,
     coalesce(pg.name + ', ', '') +
       CASE WHEN amount % 1 = 0 THEN toString(toInteger(amount)) ELSE toString(round(amount, 2)) END + ' yuan, paid ' + toString(g.paidDate) AS what,
     reduce(acc = [], n IN reduce(all = [], x IN same | all + [x.c] + x.via + [x.b, g] + x.places) | CASE WHEN n IN acc THEN acc ELSE acc + n END) AS nodes,
     reduce(acc = [], r IN reduce(all = [], x IN same | all + x.kin + x.links + [x.pt]) | CASE WHEN r IN acc THEN acc ELSE acc + r END) AS rels
RETURN h.form + ':' + g.id AS key,
       CASE WHEN b IN cadres THEN cadres ELSE cadres + b END AS subjects,
       [] AS parties,
       [] AS minor,
       c.id + ':' + b.id AS group,
       {program: pg.id, meansTested: coalesce(pg.meansTested, false), region: region, year: g.year, cadre: c.id,
        beneficiary: b.id, form: h.form, self: b = c, declared: any(r IN h.kin WHERE coalesce(r.declared, false))} AS facts,
       nodes,
       rels,
       amount,
       h.confidence AS confidence,
       CASE
         WHEN b = c THEN c.name + ' (' + c.id + ') approved grant ' + g.id + ' (' + what + ') to themselves'
         WHEN h.form = 'approved' THEN c.name + ' (' + c.id + ') approved grant ' + g.id + ' (' + what + ') to their ' + h.relation + ' ' + b.name + ' (' + b.id + ')'
         ELSE b.name + ' (' + b.id + '), ' + h.relation + ' of ' + c.name + ' (' + c.id + ') who held a post in ' + coalesce(place.name, '?') + ' (' + coalesce(place.id, '?') + ') at the time' +
              CASE size(cadres) WHEN 1 THEN '' WHEN 2 THEN ' (and of one more cadre in post)' ELSE ' (and of ' + toString(size(cadres) - 1) + ' more cadres in post)' END +
              ', received grant ' + g.id + ' (' + what + ')'
       END AS summary
