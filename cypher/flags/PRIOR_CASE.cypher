// id: PRIOR_CASE
// title: Subject of an earlier disciplinary case
// title_zh: 前案
// typology: PRIOR_CASE
// description: >
//   A person or company that was the subject of an earlier disciplinary case. Confidence follows the
//   most severe outcome among its cases: none (closed without sanction) 0.1, warning 0.3, serious
//   warning 0.45, demerit 0.6, major demerit 0.7, removal 0.8, expulsion 0.9, transfer to criminal
//   justice 1.0; a case still open without outcome counts openCaseConfidence. One hit per subject,
//   listing every case. No money is at stake now: the amount of the old case is only mentioned.
// weight: 0.35
// parameters:
//   openCaseConfidence: { type: number, default: 0.5, min: 0, max: 1, description: "confidence for a case without an outcome yet" }

MATCH (k:Case)-[inv:INVOLVES]->(s)
WHERE s:Person OR s:Company
WITH s, k, inv,
     CASE k.outcome
       WHEN 'criminal_transfer' THEN 1.0
       WHEN 'expulsion' THEN 0.9
       WHEN 'removal' THEN 0.8
       WHEN 'major_demerit' THEN 0.7
       WHEN 'demerit' THEN 0.6
       WHEN 'serious_warning' THEN 0.45
       WHEN 'warning' THEN 0.3
       WHEN 'none' THEN 0.1
       ELSE $openCaseConfidence
     END AS severity
ORDER BY k.openedDate, k.id
WITH s, collect(k) AS cases, collect(inv) AS rels, collect(severity) AS severities
RETURN s.id AS key,
       [s] AS subjects,
       [] AS parties,
       [] AS minor,
       s.id AS group,
       {cases: size(cases)} AS facts,
       [s] + cases AS nodes,
       rels,
       0.0 AS amount,
       reduce(m = 0.0, x IN severities | CASE WHEN x > m THEN x ELSE m END) AS confidence,
       s.name + ' (' + s.id + ') was the subject of ' + toString(size(cases)) + CASE WHEN size(cases) = 1 THEN ' earlier case: ' ELSE ' earlier cases: ' END
         + reduce(x = '', k IN cases | x + CASE WHEN x = '' THEN '' ELSE '; ' END + k.id
             + coalesce(' opened ' + toString(k.openedDate), '')
             + coalesce(' (' + k.typology + ')', '')
             + coalesce(', ' + toString(toInteger(round(k.amount))) + ' yuan', '')
             + ', outcome ' + coalesce(replace(k.outcome, '_', ' '), 'pending')) AS summary
