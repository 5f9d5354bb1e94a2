// id: KIN_CONTRACT
// title: Project awarded to a firm of the cadre or the cadre's relative
// title_zh: 违规发包
// typology: KIN_CONTRACT
// description: >
//   A project approved by a cadre, or in the village (or township) where the cadre held a post on the
//   award date, is awarded to a company in which the cadre or a relative held a role (legal
//   representative, shareholder, director, supervisor, manager) on that date. Kinship is one KIN
//   relationship in either direction, or an in-law reached through a spouse at lower confidence; a
//   declared relation lowers the confidence. The firm's legal representative is named too (the
//   front man when the family holds the stake through shares), as a minor subject. Each project is reported once, under
//   its most suspicious reading, with every cadre implicated in the same way. One cadre's projects
//   awarded to one firm are one pattern.
// weight: 0.8
// parameters:
//   kinRelations: { type: list, default: [spouse, parent, child, sibling, grandparent, grandchild, uncle_aunt, nephew_niece, cousin, in_law], description: "KIN relations that count as kinship" }
//   inLawRelations: { type: list, default: [parent, child, sibling], description: "relations that make in-laws through a spouse: the spouse's parents, children and siblings, and the spouses of one's own" }
//   inLawFactor: { type: number, default: 0.8, min: 0, max: 1, description: "confidence factor for in-laws reached through a spouse" }
//   declaredFactor: { type: number, default: 0.4, min: 0, max: 1, description: "confidence factor when the kinship was declared to the supervisor" }
//   inPostFactor: { type: number, default: 0.7, min: 0, max: 1, description: "confidence factor when the cadre was in post in the project's region but did not approve it" }
//   companyRoles: { type: list, default: [legal_rep, shareholder, director, supervisor, manager], description: "company roles that make a firm the holder's own" }
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
MATCH (b)-[ro:ROLE_IN]->(co:Company)<-[aw:AWARDED_TO]-(p:Project)
WITH c, b, via, kin, relation, kinConf, ro, co, aw, p, coalesce(aw.date, p.awardDate) AS awarded
WHERE ro.role IN $companyRoles
  AND (awarded IS NULL OR ((ro.from IS NULL OR ro.from <= awarded) AND (ro.to IS NULL OR ro.to >= awarded)))
CALL (c, p, awarded) {
  // Approved by the cadre.
  MATCH (c)-[a:APPROVED]->(p)
  RETURN 0 AS rank, 'approved' AS form, [a] AS links, [] AS places, 1.0 AS formConf
  UNION ALL
  // In the village or township where the cadre held a post on the award date, approved by someone else.
  MATCH (p)-[pi:IN]->(r:Region)
  MATCH (c)-[hp:HOLDS_POST]->(pr:Region)
  WHERE NOT EXISTS { (c)-[:APPROVED]->(p) }
    AND hp.from <= awarded AND (hp.to IS NULL OR hp.to >= awarded)
    AND (pr = r OR EXISTS { (r)-[:PART_OF]->(pr) })
  OPTIONAL MATCH (r)-[po:PART_OF]->(pr)
  RETURN 1 AS rank, 'in_post' AS form,
         CASE WHEN pr = r THEN [hp, pi] ELSE [hp, pi, po] END AS links, CASE WHEN pr = r THEN [pr] ELSE [pr, r] END AS places,
         $inPostFactor AS formConf
}
WITH p, c, b, via, kin, relation, ro, co, aw, rank, form, links, places, kinConf * formConf AS confidence
ORDER BY confidence DESC, rank, c.id, b.id
WITH p, collect({c: c, b: b, via: via, kin: kin, relation: relation, ro: ro, co: co, aw: aw, form: form, links: links, places: places, confidence: confidence}) AS cands
// The best reading of the award; every other cadre implicated in the same way joins it.
WITH p, cands[0] AS h, [x IN cands WHERE x.form = cands[0].form] AS same
WITH p, h, same, h.c AS c, h.b AS b, h.co AS co, coalesce(h.aw.amount, p.awardAmount) AS amount, head(h.places) AS place,
     reduce(acc = [], x IN same | CASE WHEN x.c IN acc THEN acc ELSE acc + x.c END) AS cadres,
     reduce(acc = [], x IN same | CASE WHEN x.b IN acc OR x.b = x.c THEN acc ELSE acc + x.b END) AS holders
// The firm's legal representative fronts it, whoever of the family holds the stake.
WITH p, h, same, c, b, co, amount, place, cadres, holders,
     [(co)<-[lr:ROLE_IN {role: 'legal_rep'}]-(rep:Person) WHERE NOT rep IN cadres AND NOT rep IN holders | {rep: rep, lr: lr}] AS reps
WITH p, h, same, c, b, co, amount, place, cadres, [x IN reps | x.rep] AS reps, [x IN reps | x.lr] AS repRels,
     cadres + [x IN holders WHERE NOT x IN cadres] + reduce(acc = [], x IN same | CASE WHEN x.co IN acc THEN acc ELSE acc + x.co END) AS subjects
WITH p, h, c, b, co, amount, place, cadres, subjects + [r IN reps WHERE NOT r IN subjects] AS subjects, [r IN reps WHERE NOT r IN subjects] AS reps,
     CASE WHEN amount IS NULL THEN 'an undisclosed amount' WHEN amount % 1 = 0 THEN toString(toInteger(amount)) + ' yuan' ELSE toString(round(amount, 2)) + ' yuan' END AS money,
     reduce(acc = [], n IN reduce(all = [], x IN same | all + [x.c] + x.via + [x.b, x.co, p] + x.places) + reps | CASE WHEN n IN acc THEN acc ELSE acc + n END) AS nodes,
     reduce(acc = [], r IN reduce(all = [], x IN same | all + x.kin + [x.ro, x.aw] + x.links) + repRels | CASE WHEN r IN acc THEN acc ELSE acc + r END) AS rels
RETURN h.form + ':' + p.id AS key,
       subjects,
       [] AS parties,
       reps AS minor,
       c.id + ':' + co.id AS group,
       {form: h.form, self: b = c, declared: any(r IN h.kin WHERE coalesce(r.declared, false))} AS facts,
       nodes,
       rels,
       amount,
       h.confidence AS confidence,
       'Project ' + p.id + ' (' + coalesce(p.name, '?') + ', ' + money + ') was awarded to ' + co.name + ' (' + co.id + '), where ' +
         CASE WHEN b = c THEN c.name + ' (' + c.id + ') is ' ELSE h.relation + ' ' + b.name + ' (' + b.id + ') of ' + c.name + ' (' + c.id + ') is ' END +
         h.ro.role +
         CASE h.form
           WHEN 'approved' THEN '; ' + c.name + ' approved the project'
           ELSE '; ' + c.name + ' held a post in ' + coalesce(place.name, '?') + ' (' + coalesce(place.id, '?') + ') at the award' +
                CASE size(cadres) WHEN 1 THEN '' ELSE ' (with ' + toString(size(cadres) - 1) + ' more related cadre(s) in post)' END
         END AS summary
