// id: HIDDEN_TIE
// title: Cadre shares a phone, address or bank account with a counterpart
// title_zh: 隐性关联
// typology: HIDDEN_TIE
// description: >
//   A cadre, or a relative of the cadre, shares a phone, an address or a bank account with a company
//   that won a project the cadre approved (or that lay in the cadre's village or township while the
//   cadre was in post), with an officer of such a company, or with a beneficiary of a grant the cadre
//   approved, although no kinship, shared household or company role of theirs explains the tie.
//   Identifiers shared by many owners (apartment blocks, switchboards) are ignored; a shared address
//   counts less than a shared phone or account. One hit per cadre and counterpart. Subjects: the
//   cadre, the counterpart (with a firm's legal representative, a minor subject unless he holds the
//   identifier himself: often a front) and the relative whose identifier it
//   is — not a relative who merely shares an identifier the cadre holds himself (a family phone).
//   One cadre's ties through one identifier are one pattern; the identifier's number of holders is
//   a fact the scores stage weighs against the county's identifiers (an agent's address held by a
//   dozen firms is weak evidence of a tie between any two of them).
// weight: 0.6
// parameters:
//   kinRelations: { type: list, default: [spouse, parent, child, sibling, grandparent, grandchild, uncle_aunt, nephew_niece, cousin, in_law], description: "KIN relations that count as kinship" }
//   inLawRelations: { type: list, default: [parent, child, sibling], description: "relations that make in-laws through a spouse: the spouse's parents, children and siblings, and the spouses of one's own" }
//   inLawFactor: { type: number, default: 0.8, min: 0, max: 1, description: "confidence factor when the identifier belongs to an in-law reached through a spouse" }
//   declaredFactor: { type: number, default: 0.4, min: 0, max: 1, description: "confidence factor when the identifier belongs to a relative declared to the supervisor" }
//   inPostFactor: { type: number, default: 0.7, min: 0, max: 1, description: "confidence factor when the project lay in the cadre's region but the cadre did not approve it" }
//   addressFactor: { type: number, default: 0.7, min: 0, max: 1, description: "confidence factor for a shared address (phones and accounts count fully)" }
//   maxSharers: { type: integer, default: 10, min: 2, max: 1000, description: "identifiers held by more persons and companies than this are ignored" }
//   companyRoles: { type: list, default: [legal_rep, shareholder, director, supervisor, manager], description: "company roles that make a person an officer of the firm" }
CALL () {
  // Cadres and approvers: the Cadre label and the APPROVED relationships, not a scan of all persons.
  MATCH (c:Cadre:Person) RETURN c
  UNION
  MATCH (c:Person)-[:APPROVED]->() RETURN c
}
// The cadre, and everyone who is kin to the cadre: the owners whose identifiers count.
CALL (c) {
  RETURN c AS o, [] AS via, [] AS kin, 'self' AS relation, 1.0 AS kinConf
  UNION ALL
  MATCH (c)-[k:KIN]-(o:Person)
  WHERE k.relation IN $kinRelations
  RETURN o, [] AS via, [k] AS kin,
         CASE WHEN startNode(k) = c THEN k.relation
              ELSE coalesce({parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'}[k.relation], k.relation) END AS relation,
         CASE WHEN k.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
  UNION ALL
  MATCH (c)-[kd:KIN]-(d:Person)
  WHERE kd.relation IN $kinRelations
  WITH c, collect(d) AS direct
  MATCH (c)-[k1:KIN]-(x:Person)-[k2:KIN]-(o:Person)
  WHERE NOT o IN direct AND o <> c AND 'spouse' IN $kinRelations
    AND ((k1.relation = 'spouse' AND k2.relation IN $inLawRelations) OR (k2.relation = 'spouse' AND k1.relation IN $inLawRelations))
  WITH c, o, x, k1, k2,
       {parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'} AS inverse
  RETURN o, [x] AS via, [k1, k2] AS kin,
         (CASE WHEN startNode(k1) = c THEN k1.relation ELSE coalesce(inverse[k1.relation], k1.relation) END) + '\'s ' +
         (CASE WHEN startNode(k2) = x THEN k2.relation ELSE coalesce(inverse[k2.relation], k2.relation) END) AS relation,
         $inLawFactor * CASE WHEN k1.declared AND k2.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
}
WITH c, collect({o: o, via: via, kin: kin, relation: relation, kinConf: kinConf}) AS fam
WITH c, fam, [x IN fam | x.o] AS family
UNWIND fam AS f
WITH c, family, f.o AS o, f.via AS via, f.kin AS kin, f.relation AS relation, f.kinConf AS kinConf
MATCH (o)-[h1:HAS]->(id)
WHERE id:Phone OR id:Address OR id:Account
WITH c, family, o, via, kin, relation, kinConf, id, h1,
     [(id)<-[h:HAS]-(y) WHERE y:Person OR y:Company | {t: y, h2: h}] AS owners
WHERE size(owners) <= $maxSharers
UNWIND owners AS owner
WITH c, family, o, via, kin, relation, kinConf, id, h1, owner.t AS t, owner.h2 AS h2, size(owners) AS degree
WHERE NOT t IN family
// Ties on record explain the shared identifier: kinship with the cadre or the owner, one household,
// or the owner's own role in the firm. (A subquery, so that these checks only run on the few rows
// left by the cheap filter above.)
CALL (c, o, t) {
  WITH c, o, t
  WHERE NOT EXISTS { (t)-[:KIN]-(o) } AND NOT EXISTS { (t)-[:KIN]-(c) }
    AND NOT EXISTS { (t)-[:KIN]-(:Person)-[:KIN {relation: 'spouse'}]-(z) WHERE z = c OR z = o }
    AND NOT EXISTS { (t)-[:KIN {relation: 'spouse'}]-(:Person)-[:KIN]-(z) WHERE z = c OR z = o }
    AND NOT EXISTS { (t)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(z) WHERE z = c OR z = o }
    AND NOT (t:Company AND (EXISTS { (c)-[:ROLE_IN]->(t) } OR EXISTS { (o)-[:ROLE_IN]->(t) }))
  RETURN true AS unexplained
}
WITH c, o, via, kin, relation, kinConf, id, h1, h2, t, degree,
     CASE WHEN id:Address THEN $addressFactor ELSE 1.0 END AS idConf,
     CASE WHEN id:Phone THEN 'phone' WHEN id:Address THEN 'address' ELSE 'bank account' END AS idKind
CALL (c, t) {
  // The counterpart is a firm that won a project the cadre approved.
  MATCH (t:Company)<-[aw:AWARDED_TO]-(p:Project)<-[a:APPROVED]-(c)
  RETURN t AS co, null AS officer, p AS object, coalesce(aw.amount, p.awardAmount) AS amount, [aw, a] AS links, [p] AS extra, 'approved' AS form, 1.0 AS formConf
  UNION ALL
  // ... or a firm that won a project in the cadre's village or township while the cadre was in post.
  MATCH (t:Company)<-[aw:AWARDED_TO]-(p:Project)-[pi:IN]->(r:Region)
  WHERE NOT EXISTS { (c)-[:APPROVED]->(p) }
  MATCH (c)-[hp:HOLDS_POST]->(pr:Region)
  WHERE hp.from <= coalesce(aw.date, p.awardDate) AND (hp.to IS NULL OR hp.to >= coalesce(aw.date, p.awardDate))
    AND (pr = r OR EXISTS { (r)-[:PART_OF]->(pr) })
  RETURN t AS co, null AS officer, p AS object, coalesce(aw.amount, p.awardAmount) AS amount, [aw, pi, hp] AS links, [p, r, pr] AS extra, 'in_post' AS form, $inPostFactor AS formConf
  UNION ALL
  // The counterpart is an officer of a firm that won a project the cadre approved, or in the
  // cadre's region while in post.
  MATCH (t:Person)-[ro:ROLE_IN]->(co:Company)<-[aw:AWARDED_TO]-(p:Project)
  WHERE ro.role IN $companyRoles
  CALL (c, p, aw) {
    MATCH (c)-[a:APPROVED]->(p)
    RETURN [a] AS how, [] AS where, 'approved' AS form, 1.0 AS formConf
    UNION ALL
    MATCH (p)-[pi:IN]->(r:Region)
    WHERE NOT EXISTS { (c)-[:APPROVED]->(p) }
    MATCH (c)-[hp:HOLDS_POST]->(pr:Region)
    WHERE hp.from <= coalesce(aw.date, p.awardDate) AND (hp.to IS NULL OR hp.to >= coalesce(aw.date, p.awardDate))
      AND (pr = r OR EXISTS { (r)-[:PART_OF]->(pr) })
    RETURN [pi, hp] AS how, [r, pr] AS where, 'in_post' AS form, $inPostFactor AS formConf
  }
  RETURN co, t AS officer, p AS object, coalesce(aw.amount, p.awardAmount) AS amount, [ro, aw] + how AS links, [co, p] + where AS extra, form, formConf
  UNION ALL
  // The counterpart is a beneficiary of a grant the cadre approved.
  // From the beneficiary's grants (fewer than the cadre's approvals, and in the order of the evidence).
  MATCH (t:Person)<-[pt:PAID_TO]-(g:Grant)
  CALL (c, g) { MATCH (g)<-[a:APPROVED]-(c) RETURN a }
  RETURN null AS co, t AS officer, g AS object, g.paidAmount AS amount, [pt, a] AS links, [g] AS extra, 'approved' AS form, 1.0 AS formConf
}
WITH c, coalesce(co, officer) AS party, co, officer, o, via, kin, relation, id, idKind, degree, h1, h2, t, object, amount, links, extra, form,
     kinConf * idConf * formConf AS confidence
ORDER BY confidence DESC, CASE WHEN o = c THEN 0 ELSE 1 END, o.id, t.id
// One owner per identifier and counterpart: the cadre before a relative, the closest relative first.
WITH c, party, id, collect({o: o, via: via, kin: kin, relation: relation, id: id, idKind: idKind, degree: degree, h1: h1, h2: h2, t: t, co: co, officer: officer, links: links, extra: extra, form: form, confidence: confidence}) AS perId,
     collect(DISTINCT {object: object, amount: amount}) AS objects
WITH c, party, [x IN perId WHERE x.o = perId[0].o] AS ties, objects
ORDER BY ties[0].confidence DESC
WITH c, party, reduce(all = [], x IN collect(ties) | all + x) AS ties, reduce(all = [], x IN collect(objects) | all + x) AS objects
WITH c, party, ties, ties[0] AS h, reduce(acc = [], x IN objects | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS objects
WITH c, party, ties, h, objects,
     reduce(s = 0.0, x IN objects | s + coalesce(x.amount, 0.0)) AS amount,
     // The firm's legal representative fronts it, whoever shares the identifier.
     CASE WHEN party:Company THEN [(party)<-[lr:ROLE_IN {role: 'legal_rep'}]-(rep:Person) WHERE rep <> c | {rep: rep, lr: lr}] ELSE [] END AS reps
WITH c, party, h, amount, objects, [x IN reps | x.rep] AS reps, [x IN reps | x.lr] AS repRels,
     reduce(acc = [], n IN reduce(all = [], x IN ties | all + x.via + [x.o, x.id, x.t, x.co, x.officer] + x.extra) | CASE WHEN n IS NULL OR n IN acc OR n = c THEN acc ELSE acc + n END) AS nodes,
     reduce(acc = [], r IN reduce(all = [], x IN ties | all + x.kin + [x.h1, x.h2] + x.links) | CASE WHEN r IS NULL OR r IN acc THEN acc ELSE acc + r END) AS rels,
     reduce(acc = [], n IN reduce(all = [], x IN ties | all + [x.o, x.officer, x.co]) | CASE WHEN n IS NULL OR n IN acc OR n = c THEN acc ELSE acc + n END) AS others
RETURN CASE WHEN party:Company THEN 'company:' ELSE 'beneficiary:' END + c.id + ':' + party.id AS key,
       [c] + others + [r IN reps WHERE NOT r IN others] AS subjects,
       [] AS parties,
       // A legal representative who holds none of the identifiers fronts the firm: a minor subject.
       [r IN reps WHERE NOT r IN others] AS minor,
       c.id + ':' + coalesce(h.id.value, h.id.id) AS group,
       {idKind: h.idKind, idDegree: h.degree, form: h.form, declared: any(r IN h.kin WHERE coalesce(r.declared, false))} AS facts,
       [c] + nodes + [r IN reps WHERE NOT r IN nodes] AS nodes,
       rels + [r IN repRels WHERE NOT r IN rels] AS rels,
       amount,
       h.confidence AS confidence,
       CASE WHEN h.o = c THEN c.name + ' (' + c.id + ')' ELSE h.relation + ' ' + h.o.name + ' (' + h.o.id + ') of cadre ' + c.name + ' (' + c.id + ')' END +
         ' shares ' + h.idKind + ' ' + coalesce(h.id.value, h.id.id) + ' with ' +
         CASE
           WHEN h.officer IS NULL THEN 'company ' + h.co.name + ' (' + h.co.id + '), which won '
           WHEN h.co IS NULL THEN 'beneficiary ' + h.officer.name + ' (' + h.officer.id + '), who received '
           ELSE h.officer.name + ' (' + h.officer.id + ') of company ' + h.co.name + ' (' + h.co.id + '), which won '
         END +
         CASE WHEN size(objects) = 1 THEN head(objects).object.id ELSE toString(size(objects)) + CASE WHEN h.co IS NULL THEN ' grants' ELSE ' projects' END END +
         ' (' + CASE WHEN amount % 1 = 0 THEN toString(toInteger(amount)) ELSE toString(round(amount, 2)) END + ' yuan) ' +
         CASE WHEN h.form = 'approved' THEN 'approved by the cadre' ELSE 'in the cadre\'s region while in post' END AS summary
