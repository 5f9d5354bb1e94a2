// id: HIDDEN_TIE
// title: Cadre shares a phone, address or bank account with a counterpart
// title_zh: 隐性关联
// typology: concealed_link
// description: >
//   A cadre, or a relative of the cadre, shares a phone, an address or a bank account with a company
//   that won a project the cadre approved (or that lay in the cadre's village or township while the
//   cadre was in post), with an officer of such a company, or with a beneficiary of a grant the cadre
//   approved, although no kinship, shared household or company role of theirs explains the tie.
//   Identifiers shared by many owners (apartment blocks, switchboards) are ignored; a shared address
//   counts less than a shared phone or account. One hit per cadre and counterpart.
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
MATCH (c:Person)
WHERE c:Cadre OR EXISTS { (c)-[:APPROVED]->() }
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
  MATCH (c)-[k1:KIN]-(x:Person)-[k2:KIN]-(o:Person)
  WHERE o <> c AND 'spouse' IN $kinRelations
    AND ((k1.relation = 'spouse' AND k2.relation IN $inLawRelations) OR (k2.relation = 'spouse' AND k1.relation IN $inLawRelations))
    AND NOT EXISTS { MATCH (c)-[k:KIN]-(o) WHERE k.relation IN $kinRelations }
  WITH c, o, x, k1, k2,
       {parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'} AS inverse
  RETURN o, [x] AS via, [k1, k2] AS kin,
         (CASE WHEN startNode(k1) = c THEN k1.relation ELSE coalesce(inverse[k1.relation], k1.relation) END) + '\'s ' +
         (CASE WHEN startNode(k2) = x THEN k2.relation ELSE coalesce(inverse[k2.relation], k2.relation) END) AS relation,
         $inLawFactor * CASE WHEN k1.declared AND k2.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
}
MATCH (o)-[h1:HAS]->(id)
WHERE (id:Phone OR id:Address OR id:Account)
  AND COUNT { (id)<-[:HAS]-(y) WHERE y:Person OR y:Company } <= $maxSharers
WITH c, collect({o: o, via: via, kin: kin, relation: relation, kinConf: kinConf, id: id, h1: h1}) AS owned
WITH c, owned, [x IN owned | x.id] AS ids
// The cadre's counterparts: winners of projects the cadre approved, or that lay in the cadre's village
// or township while the cadre was in post, with their officers; and beneficiaries the cadre approved.
CALL (c) {
  CALL (c) {
    MATCH (c)-[a:APPROVED]->(p:Project)-[aw:AWARDED_TO]->(co:Company)
    RETURN p, co, aw, [a] AS links, [] AS extra, 'approved' AS form, 1.0 AS formConf
    UNION ALL
    MATCH (c)-[hp:HOLDS_POST]->(pr:Region)
    CALL (pr) {
      MATCH (p:Project)-[pi:IN]->(pr)
      RETURN p, [pi] AS placeRels, [] AS placeNodes
      UNION ALL
      MATCH (p:Project)-[pi:IN]->(r:Region)-[po:PART_OF]->(pr)
      RETURN p, [pi, po] AS placeRels, [r] AS placeNodes
    }
    MATCH (p)-[aw:AWARDED_TO]->(co:Company)
    WHERE NOT EXISTS { (c)-[:APPROVED]->(p) }
      AND hp.from <= coalesce(aw.date, p.awardDate) AND (hp.to IS NULL OR hp.to >= coalesce(aw.date, p.awardDate))
    RETURN p, co, aw, [hp] + placeRels AS links, [pr] + placeNodes AS extra, 'in_post' AS form, $inPostFactor AS formConf
  }
  CALL (co) {
    RETURN co AS t, null AS officer, [] AS roleRels
    UNION ALL
    MATCH (t:Person)-[ro:ROLE_IN]->(co)
    WHERE ro.role IN $companyRoles
    RETURN t, t AS officer, [ro] AS roleRels
  }
  RETURN t, co, officer, p AS object, coalesce(aw.amount, p.awardAmount) AS amount, roleRels + [aw] + links AS links, [p] + extra AS extra, form, formConf
  UNION ALL
  MATCH (c)-[a:APPROVED]->(g:Grant)-[pt:PAID_TO]->(t:Person)
  RETURN t, null AS co, t AS officer, g AS object, g.paidAmount AS amount, [pt, a] AS links, [g] AS extra, 'approved' AS form, 1.0 AS formConf
}
// ... that hold one of the family's identifiers.
MATCH (t)-[h2:HAS]->(id)
WHERE id IN ids AND t <> c
UNWIND [x IN owned WHERE x.id = id AND x.o <> t] AS own
WITH c, own.o AS o, own.via AS via, own.kin AS kin, own.relation AS relation, own.kinConf AS kinConf, own.h1 AS h1, id, h2, t,
     co, officer, object, amount, links, extra, form, formConf,
     CASE WHEN id:Address THEN $addressFactor ELSE 1.0 END AS idConf,
     CASE WHEN id:Phone THEN 'phone' WHEN id:Address THEN 'address' ELSE 'bank account' END AS idKind
// Ties that are on record explain the shared identifier: kinship with the cadre or the owner, one
// household, or the owner's own role in the firm.
WHERE NOT EXISTS { (t)-[:KIN]-(z) WHERE z = c OR z = o }
  AND NOT EXISTS { (t)-[:KIN]-(:Person)-[:KIN {relation: 'spouse'}]-(z) WHERE z = c OR z = o }
  AND NOT EXISTS { (t)-[:KIN {relation: 'spouse'}]-(:Person)-[:KIN]-(z) WHERE z = c OR z = o }
  AND NOT EXISTS { (t)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(z) WHERE z = c OR z = o }
  AND NOT EXISTS { (t)<-[:ROLE_IN]-(z) WHERE z = c OR z = o }
  AND (co IS NULL OR NOT EXISTS { (co)<-[:ROLE_IN]-(z) WHERE z = c OR z = o })
WITH c, coalesce(co, officer) AS party, co, officer, o, via, kin, relation, id, idKind, h1, h2, t, object, amount, links, extra, form,
     kinConf * idConf * formConf AS confidence
ORDER BY confidence DESC, o.id, t.id
// One owner per identifier and counterpart: the cadre before a relative, the closest relative first.
WITH c, party, id, collect({o: o, via: via, kin: kin, relation: relation, id: id, idKind: idKind, h1: h1, h2: h2, t: t, co: co, officer: officer, links: links, extra: extra, form: form, confidence: confidence}) AS perId,
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
         CASE WHEN size(objects) = 1 THEN head(objects).object.id ELSE toString(size(objects)) + ' awards or grants' END +
         ' (' + CASE WHEN amount % 1 = 0 THEN toString(toInteger(amount)) ELSE toString(round(amount, 2)) END + ' yuan) ' +
         CASE WHEN h.form = 'approved' THEN 'approved by the cadre' ELSE 'in the cadre\'s region while in post' END AS summary
