// Graph nodes by element id, in the API's node shape.
UNWIND $ids AS eid
MATCH (n) WHERE elementId(n) = eid
RETURN eid AS elementId, n {
  id: CASE WHEN n:Entity THEN n.id WHEN n:Phone THEN 'phone:' + n.value ELSE 'address:' + n.value END,
  type: toLower(head([l IN labels(n) WHERE NOT l IN ['Entity', 'Cadre']])),
  name: coalesce(n.name, n.value, n.id),
  cadre: n:Cadre, riskScore: n.riskScore, riskGrade: n.riskGrade, communityId: n.communityId, year: n.year
} AS node
