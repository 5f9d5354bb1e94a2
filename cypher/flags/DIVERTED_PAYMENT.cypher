// id: DIVERTED_PAYMENT
// title: Grant paid into an account the beneficiary does not own
// title_zh: 截留
// typology: DIVERTED_PAYMENT
// description: >
//   A grant paid into a bank account that the beneficiary does not hold. Most suspicious when the
//   account belongs to the cadre who approved the grant or to a cadre in post in the grant's village
//   or township, or to kin of either; less when it belongs to someone unrelated (a go-between),
//   unless that account collects the grants of several beneficiaries. An account held by the
//   beneficiary's own family (kin or household: a parent collecting a child's allowance, a son
//   managing his mother's) explains the payment, even when that relative is a cadre: favouring one's
//   own family is KIN_BENEFIT's business. An account nobody is known to hold counts at low confidence
//   when the beneficiary has a known account of their own. A relation filed with the supervisor
//   lowers the confidence less than elsewhere: filing it does not explain other people's money in
//   the relative's account. One hit per grant. Subjects: the account's holder, the cadre it ties
//   to and the approver; the beneficiary whose grant went elsewhere is a party, and so is the signer
//   of a grant collected by one unrelated person (someone collecting for an old neighbour is
//   common; the signer answers only when the account pools several people's grants, and then as a
//   minor subject, as whenever the account is someone else's). Grants of one
//   beneficiary paid into one account are one pattern.
// weight: 0.8
// parameters:
//   kinRelations: { type: list, default: [spouse, parent, child, sibling, grandparent, grandchild, uncle_aunt, nephew_niece, cousin, in_law], description: "KIN relations that count as kinship" }
//   inLawRelations: { type: list, default: [parent, child, sibling], description: "relations that make in-laws through a spouse: the spouse's parents, children and siblings, and the spouses of one's own" }
//   inLawFactor: { type: number, default: 0.8, min: 0, max: 1, description: "confidence factor when the holder is an in-law of the cadre reached through a spouse" }
//   declaredFactor: { type: number, default: 0.7, min: 0, max: 1, description: "confidence factor when the holder's kinship with the cadre was declared to the supervisor" }
//   inPostFactor: { type: number, default: 0.8, min: 0, max: 1, description: "confidence factor when the cadre tied to the account was in post in the grant's region but did not approve it" }
//   otherHolderConfidence: { type: number, default: 0.5, min: 0, max: 1, description: "confidence when the holder is unrelated to any cadre and to the beneficiary" }
//   pooledConfidence: { type: number, default: 0.8, min: 0, max: 1, description: "confidence when such an unrelated holder's account receives the grants of several beneficiaries" }
//   poolMin: { type: integer, default: 2, min: 2, max: 100, description: "beneficiaries (not holding the account) whose grants make an account a pool" }
//   unknownHolderConfidence: { type: number, default: 0.3, min: 0, max: 1, description: "confidence when nobody is known to hold the account and the beneficiary holds another" }
MATCH (g:Grant)-[pi:PAID_INTO]->(acc:Account)
MATCH (g)-[pt:PAID_TO]->(b:Person)
WHERE NOT EXISTS { (b)-[:HAS]->(acc) }
// One approver and one region per grant (the importer writes one of each).
WITH g, pi, acc, pt, b,
     head(COLLECT { MATCH (a:Person)-[ap:APPROVED]->(g) RETURN {a: a, ap: ap} }) AS approval,
     head(COLLECT { MATCH (g)-[:IN]->(r:Region) RETURN r }) AS r
WITH g, pi, acc, pt, b, approval.a AS a, approval.ap AS ap, r
CALL (g, acc, b, a, r) {
  // Each holder of the account, with each cadre it is (or is kin of) who approved the grant or was in post.
  MATCH (o)-[oh:HAS]->(acc)
  WHERE o:Person OR o:Company
  CALL (o) {
    RETURN o AS y, [] AS via, [] AS kin, 'self' AS relation, 1.0 AS kinConf
    UNION ALL
    MATCH (o)-[k:KIN]-(y:Person)
    WHERE k.relation IN $kinRelations
    RETURN y, [] AS via, [k] AS kin,
           CASE WHEN startNode(k) = y THEN k.relation
                ELSE coalesce({parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'}[k.relation], k.relation) END AS relation,
           CASE WHEN k.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
    UNION ALL
    MATCH (o)-[kd:KIN]-(d:Person)
    WHERE kd.relation IN $kinRelations
    WITH o, collect(d) AS direct
    MATCH (o)-[k2:KIN]-(x:Person)-[k1:KIN]-(y:Person)
    WHERE NOT y IN direct AND y <> o AND 'spouse' IN $kinRelations
      AND ((k1.relation = 'spouse' AND k2.relation IN $inLawRelations) OR (k2.relation = 'spouse' AND k1.relation IN $inLawRelations))
    WITH o, y, x, k1, k2,
         {parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'} AS inverse
    RETURN y, [x] AS via, [k2, k1] AS kin,
           (CASE WHEN startNode(k1) = y THEN k1.relation ELSE coalesce(inverse[k1.relation], k1.relation) END) + '\'s ' +
           (CASE WHEN startNode(k2) = x THEN k2.relation ELSE coalesce(inverse[k2.relation], k2.relation) END) AS relation,
           $inLawFactor * CASE WHEN k1.declared AND k2.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
  }
  CALL (y, a, g, r) {
    WITH y, a WHERE y = a
    RETURN 0 AS rank, 'approver' AS role, [] AS links, [] AS places, 1.0 AS roleConf
    UNION ALL
    MATCH (y)-[hp:HOLDS_POST]->(pr:Region)
    WHERE (a IS NULL OR y <> a) AND hp.from <= g.paidDate AND (hp.to IS NULL OR hp.to >= g.paidDate)
      AND (pr = r OR EXISTS { (r)-[:PART_OF]->(pr) })
    RETURN 1 AS rank, 'in_post' AS role, [hp] AS links, [pr] AS places, $inPostFactor AS roleConf
  }
  RETURN o, oh, y, via, kin, relation, rank, role, links, places, kinConf * roleConf AS conf
  UNION ALL
  // Holders tied to no cadre.
  MATCH (o)-[oh:HAS]->(acc)
  WHERE o:Person OR o:Company
  WITH o, oh, size(COLLECT { MATCH (acc)<-[:PAID_INTO]-(:Grant)-[:PAID_TO]->(x:Person) WHERE NOT EXISTS { (x)-[:HAS]->(acc) } RETURN DISTINCT x }) >= $poolMin AS pooled
  RETURN o, oh, null AS y, [] AS via, [] AS kin, null AS relation, 2 AS rank, CASE WHEN pooled THEN 'pooled' ELSE 'other' END AS role, [] AS links, [] AS places,
         CASE WHEN pooled THEN $pooledConfidence ELSE $otherHolderConfidence END AS conf
  UNION ALL
  // Nobody is known to hold the account, though the beneficiary has one of their own.
  WITH acc, b WHERE NOT EXISTS { (acc)<-[:HAS]-() } AND EXISTS { (b)-[:HAS]->(:Account) }
  RETURN null AS o, null AS oh, null AS y, [] AS via, [] AS kin, null AS relation, 3 AS rank, 'unknown' AS role, [] AS links, [] AS places,
         $unknownHolderConfidence AS conf
}
// An account of the beneficiary's own family explains the payment: kin (directly or through a
// spouse) or the same household.
WITH * WHERE o IS NULL OR NOT (
       EXISTS { (o)-[:KIN]-(b) }
       OR EXISTS { (o)-[:KIN {relation: 'spouse'}]-(:Person)-[:KIN]-(b) }
       OR EXISTS { (o)-[:KIN]-(:Person)-[:KIN {relation: 'spouse'}]-(b) }
       OR EXISTS { (o)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(b) })
WITH g, pi, pt, acc, b, a, ap, r, o, oh, y, via, kin, relation, rank, role, links, places, conf AS confidence
// A tie to a cadre outranks an unrelated reading of the same holder.
ORDER BY rank < 2 DESC, confidence DESC, rank, o.id, y.id
WITH g, pi, pt, acc, b, a, ap, r,
     collect({o: o, oh: oh, y: y, via: via, kin: kin, relation: relation, role: role, links: links, places: places, confidence: confidence})[0] AS h
WITH g, pi, pt, acc, b, a, ap, r, h, h.o AS o, h.y AS y, g.paidAmount AS amount
WITH g, pi, pt, acc, b, a, ap, r, h, o, y, amount,
     CASE WHEN amount % 1 = 0 THEN toString(toInteger(amount)) ELSE toString(round(amount, 2)) END + ' yuan' AS money,
     CASE
       WHEN o IS NULL THEN 'an account (' + acc.id + ') nobody is known to hold'
       WHEN h.role IN ['other', 'pooled'] THEN 'the account ' + acc.id + ' of ' + o.name + ' (' + o.id + ')'
       WHEN y = o THEN 'the account ' + acc.id + ' of cadre ' + o.name + ' (' + o.id + ')' + CASE h.role WHEN 'approver' THEN ', who approved it' ELSE ', in post there' END
       ELSE 'the account ' + acc.id + ' of ' + o.name + ' (' + o.id + '), ' + h.relation + ' of cadre ' + y.name + ' (' + y.id + ')' +
            CASE h.role WHEN 'approver' THEN ' who approved it' ELSE ' in post there' END
     END AS into
RETURN g.id AS key,
       reduce(acc2 = [], n IN [o, y] + CASE WHEN h.role = 'other' THEN [] ELSE [a] END | CASE WHEN n IS NULL OR n IN acc2 THEN acc2 ELSE acc2 + n END) AS subjects,
       [{node: b, part: 'beneficiary_paid_elsewhere'}] + CASE WHEN h.role = 'other' AND a IS NOT NULL AND a <> o THEN [{node: a, part: 'signer'}] ELSE [] END AS parties,
       CASE WHEN a IS NOT NULL AND NOT a IN [o, y] THEN [a] ELSE [] END AS minor,
       acc.id + ':' + b.id AS group,
       {holder: h.role} AS facts,
       reduce(acc2 = [], n IN [b, g, acc, o] + h.via + [y, a] + h.places | CASE WHEN n IS NULL OR n IN acc2 THEN acc2 ELSE acc2 + n END) AS nodes,
       [x IN [pt, pi, h.oh] + h.kin + h.links + [ap] WHERE x IS NOT NULL] AS rels,
       amount,
       h.confidence AS confidence,
       'Grant ' + g.id + ' (' + money + ') to ' + b.name + ' (' + b.id + ') was paid into ' + into +
         CASE WHEN a IS NOT NULL AND NOT a IN [o, y] THEN '; approved by ' + a.name + ' (' + a.id + ')' ELSE '' END AS summary
