// id: SKIMMING
// title: Grant paid short of its approved amount
// title_zh: 克扣
// typology: SKIMMING
// description: >
//   A grant paid below its approved amount by more than a tolerance. A cut taken from several
//   grants signed by the same person in one year is a pattern (a percentage or a flat "fee" per
//   household) and counts fully, even when each cut is small in proportion; a single short payment
//   may be an adjustment and counts less. The amount at stake is the shortfall. Subject: the
//   signer; the short-paid beneficiary is a party (the victim). The cuts one signer takes from one
//   program are one pattern.
// weight: 0.7
// parameters:
//   tolerance: { type: number, default: 0.05, min: 0, max: 1, description: "shortfall, as a fraction of the approved amount, above which a single grant is suspicious" }
//   minShortfall: { type: number, default: 200, min: 0, description: "shortfall in yuan from which a grant counts in a pattern even when within the tolerance" }
//   patternMin: { type: integer, default: 2, min: 2, max: 1000, description: "short-paid grants signed by one person in one year that make a pattern" }
//   singleConfidence: { type: number, default: 0.6, min: 0, max: 1, description: "confidence of a short payment that is not part of a pattern" }
//   unsignedFactor: { type: number, default: 0.7, min: 0, max: 1, description: "confidence factor for grants with no recorded approver" }
MATCH (g:Grant)
WHERE g.approvedAmount > 0 AND g.paidAmount < g.approvedAmount
  AND (g.approvedAmount - g.paidAmount > $tolerance * g.approvedAmount OR g.approvedAmount - g.paidAmount >= $minShortfall)
WITH g, head(COLLECT { MATCH (a:Person)-[ap:APPROVED]->(g) RETURN {a: a, ap: ap} }) AS approval
WITH approval.a AS a, g.year AS year, collect({g: g, ap: approval.ap}) AS grants
// The approver's short-paid grants of that year: a pattern when there are enough of them.
WITH a, year, grants, a IS NOT NULL AND size(grants) >= $patternMin AS pattern
UNWIND grants AS x
WITH a, year, pattern, size(grants) AS n, x.g AS g, x.ap AS ap,
     x.g.approvedAmount - x.g.paidAmount AS shortfall, (x.g.approvedAmount - x.g.paidAmount) / x.g.approvedAmount AS ratio
WHERE pattern OR ratio > $tolerance
MATCH (g)-[pt:PAID_TO]->(b:Person)
WITH a, ap, g, pt, b, year, pattern, n, shortfall, ratio, head([(g)-[:UNDER]->(pg:Program) | pg.id]) AS program,
     CASE WHEN pattern THEN 1.0 ELSE $singleConfidence END * CASE WHEN a IS NULL THEN $unsignedFactor ELSE 1.0 END AS confidence,
     [v IN [g.approvedAmount, g.paidAmount, shortfall] | CASE WHEN v % 1 = 0 THEN toString(toInteger(v)) ELSE toString(round(v, 2)) END] AS yuan
RETURN g.id AS key,
       [x IN [a] WHERE x IS NOT NULL] AS subjects,
       [{node: b, part: 'short_paid_beneficiary'}] AS parties,
       [] AS minor,
       coalesce(a.id, 'unsigned:' + g.id) + ':' + coalesce(program, '') AS group,
       {pattern: pattern, shortfallShare: ratio} AS facts,
       [x IN [a, g, b] WHERE x IS NOT NULL] AS nodes,
       [x IN [ap, pt] WHERE x IS NOT NULL] AS rels,
       shortfall AS amount,
       confidence,
       'Grant ' + g.id + ' to ' + b.name + ' (' + b.id + ') was approved at ' + yuan[0] + ' yuan but paid ' +
         yuan[1] + ', ' + yuan[2] + ' yuan (' + toString(round(100 * ratio, 1)) + '%) short' +
         CASE WHEN a IS NULL THEN '' ELSE '; approved by ' + a.name + ' (' + a.id + ')' +
           CASE WHEN pattern THEN ', one of ' + toString(n) + ' short-paid grants they signed in ' + toString(year) ELSE '' END END AS summary
