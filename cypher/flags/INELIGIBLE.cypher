// id: INELIGIBLE
// title: Means-tested grant to someone who should not qualify
// title_zh: 吃低保
// typology: INELIGIBLE
// description: >
//   A grant under a means-tested program paid to a public employee, to a cadre in post on the payment
//   date, to an officer or shareholder of a company on that date, or to the owner of a vehicle or of
//   real estate registered by then. A lead to verify: each reason has its own confidence and several
//   reasons combine (noisy-OR). One hit per grant. Subject: the beneficiary; the firm they hold a
//   role in and the signer are parties. One beneficiary's grants under one program are one pattern.
// weight: 0.6
// parameters:
//   publicEmployeeConfidence: { type: number, default: 0.9, min: 0, max: 1, description: "confidence when the beneficiary is a public employee" }
//   cadreConfidence: { type: number, default: 0.8, min: 0, max: 1, description: "confidence when the beneficiary held a post on the payment date" }
//   officerConfidence: { type: number, default: 0.8, min: 0, max: 1, description: "confidence when the beneficiary held one of officerRoles in a company on the payment date" }
//   officerRoles: { type: list, default: [legal_rep, shareholder, director, supervisor, manager], description: "company roles that disqualify" }
//   assetConfidence: { type: number, default: 0.6, min: 0, max: 1, description: "confidence when the beneficiary owned one of assetKinds" }
//   assetKinds: { type: list, default: [vehicle, real_estate], description: "asset kinds that disqualify" }
//   minAssetValue: { type: number, default: 50000, min: 0, description: "assets worth less than this (yuan) are ignored; assets of unknown value count" }
MATCH (pg:Program {meansTested: true})<-[un:UNDER]-(g:Grant)-[pt:PAID_TO]->(b:Person)
WITH pg, un, g, pt, b, g.paidDate AS d
CALL (b, d) {
  WITH b WHERE b.publicEmployee = true
  RETURN 0 AS rank, $publicEmployeeConfidence AS conf, null AS company, [] AS nodes, [] AS rels,
         'a public employee' + CASE WHEN b.employer IS NULL OR b.employer = '' THEN '' ELSE ' (' + b.employer + ')' END AS why
  UNION ALL
  MATCH (b)-[hp:HOLDS_POST]->(r:Region)
  WHERE hp.from <= d AND (hp.to IS NULL OR hp.to >= d)
  RETURN 1 AS rank, $cadreConfidence AS conf, null AS company, [r] AS nodes, [hp] AS rels,
         'in post as ' + coalesce(hp.title, hp.role) + ' of ' + coalesce(r.name, r.id) AS why
  UNION ALL
  MATCH (b)-[ro:ROLE_IN]->(co:Company)
  WHERE ro.role IN $officerRoles AND (ro.from IS NULL OR ro.from <= d) AND (ro.to IS NULL OR ro.to >= d)
    AND (co.registeredDate IS NULL OR co.registeredDate <= d)
  RETURN 2 AS rank, $officerConfidence AS conf, co AS company, [co] AS nodes, [ro] AS rels,
         ro.role + CASE WHEN ro.share IS NULL THEN '' ELSE ' (' + toString(round(100 * ro.share)) + '%)' END + ' of ' + co.name + ' (' + co.id + ')' AS why
  UNION ALL
  MATCH (b)-[ow:OWNS]->(x:Asset)
  WHERE x.kind IN $assetKinds AND coalesce(x.value, $minAssetValue) >= $minAssetValue
    AND (x.registeredDate IS NULL OR x.registeredDate <= d)
  RETURN 3 AS rank, $assetConfidence AS conf, null AS company, [x] AS nodes, [ow] AS rels,
         'owner of ' + replace(x.kind, '_', ' ') + CASE WHEN x.value IS NULL THEN '' ELSE ' worth ' + toString(toInteger(x.value)) + ' yuan' END AS why
}
WITH pg, un, g, pt, b, rank, conf, company, nodes, rels, why
ORDER BY conf DESC, rank
WITH pg, un, g, pt, b, collect({conf: conf, company: company, nodes: nodes, rels: rels, why: why}) AS reasons
WITH pg, un, g, pt, b, reasons, head([(a:Person)-[:APPROVED]->(g) | a]) AS signer,
     1.0 - reduce(p = 1.0, x IN reasons | p * (1.0 - x.conf)) AS confidence,
     reduce(acc = [], x IN reasons | CASE WHEN x.company IS NULL OR x.company IN acc THEN acc ELSE acc + x.company END) AS companies,
     g.paidAmount AS amount
RETURN g.id AS key,
       [b] AS subjects,
       [c IN companies | {node: c, part: 'firm_of_beneficiary'}] + [x IN [signer] WHERE x IS NOT NULL AND x <> b | {node: x, part: 'signer'}] AS parties,
       [] AS minor,
       b.id + ':' + pg.id AS group,
       {reasons: size(reasons)} AS facts,
       reduce(acc = [b, g, pg], n IN reduce(all = [], x IN reasons | all + x.nodes) | CASE WHEN n IN acc THEN acc ELSE acc + n END) AS nodes,
       [pt, un] + reduce(all = [], x IN reasons | all + x.rels) AS rels,
       amount,
       confidence,
       b.name + ' (' + b.id + ') received means-tested grant ' + g.id + ' (' + coalesce(pg.name, pg.id) + ', ' +
         CASE WHEN amount % 1 = 0 THEN toString(toInteger(amount)) ELSE toString(round(amount, 2)) END + ' yuan, paid ' + toString(g.paidDate) +
         ') while ' + reduce(s = '', x IN reasons | s + CASE WHEN s = '' THEN '' ELSE '; ' END + x.why) AS summary
