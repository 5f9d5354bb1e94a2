// Shortest path(s) between two nodes (by element id) over the allowed relationship types. A shared
// identifier (phone, address, account) with more than $maxOwners owners is never crossed, only
// reached as an end, so that one address shared by hundreds does not tie them all together.
// {{MODE}} (SHORTEST 1 or ALL SHORTEST) and {{MAX_HOPS}} (an integer 1–10) are set by the
// service from validated input, never from user text.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = {{MODE}} (a) (
  (x)-[r]-(y)
  WHERE type(r) IN $types
    AND (y:Entity OR y:Phone OR y:Address)
    AND (elementId(y) = $to OR NOT (y:Phone OR y:Address OR y:Account) OR COUNT { (y)<-[:HAS]-() } <= $maxOwners)
){1,{{MAX_HOPS}}} (b)
WITH p LIMIT $limit
RETURN [n IN nodes(p) | n {
         id: CASE WHEN n:Entity THEN n.id WHEN n:Phone THEN 'phone:' + n.value ELSE 'address:' + n.value END,
         type: toLower(head([l IN labels(n) WHERE NOT l IN ['Entity', 'Cadre']])),
         name: coalesce(n.name, n.value, n.id),
         cadre: n:Cadre, riskScore: n.riskScore, riskGrade: n.riskGrade, communityId: n.communityId, year: n.year
       }] AS nodes,
       [rel IN relationships(p) | {
         id: elementId(rel),
         type: type(rel),
         source: CASE WHEN startNode(rel):Entity THEN startNode(rel).id WHEN startNode(rel):Phone THEN 'phone:' + startNode(rel).value ELSE 'address:' + startNode(rel).value END,
         target: CASE WHEN endNode(rel):Entity THEN endNode(rel).id WHEN endNode(rel):Phone THEN 'phone:' + endNode(rel).value ELSE 'address:' + endNode(rel).value END,
         label: coalesce(rel.relation, rel.role, toLower(type(rel))),
         properties: properties(rel)
       }] AS relationships
