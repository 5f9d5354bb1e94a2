// id: TIP
// title: Named in villagers' tips
// title_zh: 群众举报
// typology: TIP
// description: >
//   A person or company named in one or more tips (letters, calls, web reports, visits). A tip is a
//   lead, not a finding: confidence grows with the number of distinct tips, 1 − (1 − perTip)^n, so
//   one tip gives perTip and repeated, independent reports approach certainty. No money is at
//   stake in a tip itself. Not flagged: tips that name only projects, grants or regions.
// weight: 0.3
// parameters:
//   perTip: { type: number, default: 0.5, min: 0, max: 1, description: "confidence that one tip adds" }

MATCH (t:Tip)-[c:CONCERNS]->(s)
WHERE s:Person OR s:Company
WITH s, t, c ORDER BY t.receivedDate, t.id
WITH s, collect(DISTINCT t) AS tips, collect(c) AS rels
RETURN s.id AS key,
       [s] AS subjects,
       [] AS parties,
       [] AS minor,
       s.id AS group,
       {tips: size(tips)} AS facts,
       [s] + tips AS nodes,
       rels,
       0.0 AS amount,
       1.0 - (1.0 - $perTip) ^ size(tips) AS confidence,
       s.name + ' (' + s.id + ') is named in ' + toString(size(tips)) + CASE WHEN size(tips) = 1 THEN ' tip' ELSE ' distinct tips' END
         + ' (' + reduce(x = '', t IN tips | x + CASE WHEN x = '' THEN '' ELSE ', ' END + t.id
                         + coalesce(' of ' + toString(t.receivedDate), '') + coalesce(' by ' + t.channel, '')) + ')' AS summary
