// id: KICKBACK
// title: Money back to the approving cadre after an award or a payment
// title_zh: 利益输送 / 吃拿卡要
// typology: KICKBACK
// description: >
//   Two forms. COMPANY: within a window after a project award, money goes from the winning company
//   or one of its officers to the cadre who approved the project or to the cadre's kin. BENEFICIARY:
//   within a window after a grant is paid, its beneficiary sends money to the cadre who approved it
//   or to the cadre's kin; a cadre paid by several such beneficiaries is a pattern and counts fully.
//   Money between relatives, or from a firm to its own officer, is explained (a remittance, wages) and
//   counts little. One hit per cadre and payer (company or beneficiary); the amount is the money
//   sent back. Subjects: the cadre, the receivers, the payers and the party; when a firm pays from
//   its own account, also the persons who controlled it then (legal representative, shareholders
//   holding at least minControlShare), who answer for the firm's bribe as minor subjects (the
//   registered owners may be nominees). Beneficiaries who pay a cadre paid by several of them were
//   made to pay (吃拿卡要): they and the accounts they paid from are parties (paid_the_cadre); a lone
//   beneficiary's payment may have bought the grant, and its payers are minor subjects.
// weight: 0.8
// parameters:
//   windowDays: { type: integer, default: 180, min: 1, max: 1095, description: "days after the award or payment within which money sent back counts" }
//   kinRelations: { type: list, default: [spouse, parent, child, sibling, grandparent, grandchild, uncle_aunt, nephew_niece, cousin, in_law], description: "KIN relations that count as kinship" }
//   inLawRelations: { type: list, default: [parent, child, sibling], description: "relations that make in-laws through a spouse: the spouse's parents, children and siblings, and the spouses of one's own" }
//   inLawFactor: { type: number, default: 0.8, min: 0, max: 1, description: "confidence factor when the receiver is an in-law reached through a spouse" }
//   declaredFactor: { type: number, default: 0.4, min: 0, max: 1, description: "confidence factor when the receiver's kinship with the cadre was declared to the supervisor" }
//   officerRoles: { type: list, default: [legal_rep, shareholder, director, supervisor, manager], description: "company roles whose holders pay on the firm's behalf" }
//   relatedPayerFactor: { type: number, default: 0.2, min: 0, max: 1, description: "confidence factor when the payer is the receiver's kin or the receiver works for the paying firm" }
//   patternMin: { type: integer, default: 2, min: 2, max: 1000, description: "beneficiaries paying one cadre that make a pattern" }
//   singleBeneficiaryConfidence: { type: number, default: 0.6, min: 0, max: 1, description: "confidence of a beneficiary's payment that is not part of a pattern" }
//   minControlShare: { type: number, default: 0.25, min: 0, max: 1, description: "smallest share that makes a shareholder of a paying firm a subject (a legal representative always is)" }
MATCH (c:Person)
WHERE EXISTS { (c)-[:APPROVED]->() }
// The cadre, and everyone who is kin to the cadre: the receivers whose accounts count.
CALL (c) {
  RETURN c AS rcv, [] AS via, [] AS kin, 'self' AS relation, 1.0 AS kinConf
  UNION ALL
  MATCH (c)-[k:KIN]-(rcv:Person)
  WHERE k.relation IN $kinRelations
  RETURN rcv, [] AS via, [k] AS kin,
         CASE WHEN startNode(k) = c THEN k.relation
              ELSE coalesce({parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'}[k.relation], k.relation) END AS relation,
         CASE WHEN k.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
  UNION ALL
  MATCH (c)-[kd:KIN]-(d:Person)
  WHERE kd.relation IN $kinRelations
  WITH c, collect(d) AS direct
  MATCH (c)-[k1:KIN]-(x:Person)-[k2:KIN]-(rcv:Person)
  WHERE NOT rcv IN direct AND rcv <> c AND 'spouse' IN $kinRelations
    AND ((k1.relation = 'spouse' AND k2.relation IN $inLawRelations) OR (k2.relation = 'spouse' AND k1.relation IN $inLawRelations))
  WITH c, rcv, x, k1, k2,
       {parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', uncle_aunt: 'nephew_niece', nephew_niece: 'uncle_aunt'} AS inverse
  RETURN rcv, [x] AS via, [k1, k2] AS kin,
         (CASE WHEN startNode(k1) = c THEN k1.relation ELSE coalesce(inverse[k1.relation], k1.relation) END) + '\'s ' +
         (CASE WHEN startNode(k2) = x THEN k2.relation ELSE coalesce(inverse[k2.relation], k2.relation) END) AS relation,
         $inLawFactor * CASE WHEN k1.declared AND k2.declared THEN $declaredFactor ELSE 1.0 END AS kinConf
}
// Money into their accounts ...
MATCH (rcv)-[rh:HAS]->(ra:Account)<-[t:TRANSFER]-(pa:Account)<-[ph:HAS]-(payer)
WHERE payer <> rcv
// ... from a firm (or its officer) after winning a project the cadre approved, or from a
// beneficiary after a grant the cadre approved, within the window.
CALL (c, payer, t) {
  MATCH (payer:Company)<-[aw:AWARDED_TO]-(p:Project)<-[ap:APPROVED]-(c)
  WHERE t.date >= coalesce(aw.date, p.awardDate) AND t.date <= coalesce(aw.date, p.awardDate) + duration({days: $windowDays})
  RETURN 'COMPANY' AS form, payer AS party, [ap, aw] AS links, [p, payer] AS objects
  UNION ALL
  MATCH (payer:Person)-[ro:ROLE_IN]->(co:Company)<-[aw:AWARDED_TO]-(p:Project)<-[ap:APPROVED]-(c)
  WHERE ro.role IN $officerRoles
    AND t.date >= coalesce(aw.date, p.awardDate) AND t.date <= coalesce(aw.date, p.awardDate) + duration({days: $windowDays})
  RETURN 'COMPANY' AS form, co AS party, [ap, aw, ro] AS links, [p, co] AS objects
  UNION ALL
  MATCH (payer:Person)<-[pt:PAID_TO]-(g:Grant)<-[ap:APPROVED]-(c)
  WHERE t.date >= g.paidDate AND t.date <= g.paidDate + duration({days: $windowDays})
  RETURN 'BENEFICIARY' AS form, payer AS party, [ap, pt] AS links, [g] AS objects
}
WITH form, c, party, payer, rcv, t, links + [ph, t, rh] AS rels, objects + [payer, pa, ra] AS nodes, via, kin, relation, kinConf,
     party:Company AND EXISTS { (rcv)-[:ROLE_IN]->(party) } AS employed
// Money within a family, or a firm paying its own people, is explained.
WITH form, c, party, payer, rcv, t, rels, nodes, via, kin, relation, kinConf,
     employed OR EXISTS { (payer)-[:KIN]-(rcv) } OR (payer <> c AND EXISTS { (payer)-[:KIN]-(c) }) AS related
ORDER BY kinConf DESC, t.date
WITH form, c, party,
     collect({payer: payer, rcv: rcv, t: t, rels: rels, nodes: nodes, via: via, kin: kin, relation: relation, kinConf: kinConf, related: related}) AS flows
WITH form, c, party, flows, head(flows) AS h,
     reduce(acc = [], x IN flows | CASE WHEN x.t IN acc THEN acc ELSE acc + x.t END) AS transfers
WITH form, c, party, flows, h, transfers,
     reduce(s = 0.0, x IN transfers | s + coalesce(x.amount, 0.0)) AS amount,
     all(x IN flows WHERE x.related) AS related
// Beneficiaries paying one cadre: a pattern.
WITH c, collect({form: form, party: party, flows: flows, h: h, transfers: transfers, amount: amount, related: related}) AS hits
WITH c, hits, size([x IN hits WHERE x.form = 'BENEFICIARY' AND NOT x.related]) AS payingBeneficiaries
UNWIND hits AS x
WITH c, x.form AS form, x.party AS party, x.flows AS flows, x.h AS h, x.transfers AS transfers, x.amount AS amount, x.related AS related, payingBeneficiaries
WITH c, form, party, flows, h, transfers, amount, related, payingBeneficiaries,
     h.kinConf *
       CASE WHEN form = 'BENEFICIARY' AND payingBeneficiaries < $patternMin THEN $singleBeneficiaryConfidence ELSE 1.0 END *
       CASE WHEN related THEN $relatedPayerFactor ELSE 1.0 END AS confidence,
     reduce(acc = [], r IN reduce(all = [], f IN flows | all + f.kin + f.rels) | CASE WHEN r IN acc THEN acc ELSE acc + r END) AS rels,
     reduce(acc = [c], n IN reduce(all = [], f IN flows | all + f.via + [f.rcv] + f.nodes) | CASE WHEN n IN acc THEN acc ELSE acc + n END) AS nodes,
     reduce(acc = [c], n IN [f IN flows | f.rcv] | CASE WHEN n IN acc THEN acc ELSE acc + n END) AS receivers,
     [party] + [f IN flows WHERE f.payer <> party | f.payer] AS payers,
     // Several beneficiaries paying the cadre who approved their grants were made to pay (吃拿卡要):
     // they are parties. A lone beneficiary's payment may have bought the grant: a minor subject.
     form = 'BENEFICIARY' AND payingBeneficiaries >= $patternMin AND NOT related AS extorted
WITH c, form, party, flows, h, transfers, amount, related, payingBeneficiaries, confidence, rels, nodes, extorted,
     reduce(acc = [], n IN payers | CASE WHEN n IN acc OR n IN receivers THEN acc ELSE acc + n END) AS payers, receivers
WITH c, form, party, flows, h, transfers, amount, related, payingBeneficiaries, confidence, rels, nodes, extorted,
     receivers + CASE WHEN extorted THEN [] ELSE payers END AS subjects,
     CASE WHEN extorted THEN [p IN payers | {node: p, part: 'paid_the_cadre'}] ELSE [] END AS parties,
     CASE WHEN form = 'BENEFICIARY' AND NOT extorted THEN payers ELSE [] END AS payerMinor
// Who controlled the firm when it paid from its own account.
WITH c, form, party, flows, h, transfers, amount, related, payingBeneficiaries, confidence, rels, nodes, subjects, parties, payerMinor,
     COLLECT { WITH party, h, form WHERE form = 'COMPANY' AND h.payer = party
               MATCH (:Person)-[r:ROLE_IN]->(party)
               WHERE (r.role = 'legal_rep' OR (r.role = 'shareholder' AND coalesce(r.share, 1.0) >= $minControlShare))
                 AND coalesce(r.from <= h.t.date, true) AND coalesce(r.to >= h.t.date, true)
               RETURN r } AS control
RETURN form + ':' + c.id + ':' + party.id AS key,
       subjects + [r IN control WHERE NOT startNode(r) IN subjects | startNode(r)] AS subjects,
       parties,
       payerMinor + [r IN control WHERE NOT startNode(r) IN subjects | startNode(r)] AS minor,
       form + ':' + c.id + ':' + party.id AS group,
       {form: form, related: related, declared: any(r IN h.kin WHERE coalesce(r.declared, false))} AS facts,
       nodes + [r IN control WHERE NOT startNode(r) IN nodes | startNode(r)] AS nodes,
       rels + control AS rels,
       amount,
       confidence,
       CASE form WHEN 'COMPANY' THEN party.name + ' (' + party.id + ')' + CASE WHEN h.payer = party THEN '' ELSE ' through ' + h.payer.name + ' (' + h.payer.id + ')' END
                 ELSE 'Beneficiary ' + party.name + ' (' + party.id + ')' END +
         ' sent ' + CASE WHEN amount % 1 = 0 THEN toString(toInteger(amount)) ELSE toString(round(amount, 2)) END + ' yuan in ' + toString(size(transfers)) + ' transfer(s) to ' +
         CASE WHEN h.rcv = c THEN c.name + ' (' + c.id + ')' ELSE h.relation + ' ' + h.rcv.name + ' (' + h.rcv.id + ') of ' + c.name + ' (' + c.id + ')' END +
         CASE form WHEN 'COMPANY' THEN ' after winning a project the cadre approved' ELSE ' after a grant the cadre approved' +
           CASE WHEN payingBeneficiaries >= $patternMin THEN ' (one of ' + toString(payingBeneficiaries) + ' beneficiaries paying the cadre)' ELSE '' END END +
         CASE WHEN related THEN '; payer and receiver are related' ELSE '' END AS summary
