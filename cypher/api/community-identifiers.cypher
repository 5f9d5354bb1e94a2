// The phones and addresses that two or more of the given members share: they tie a community
// together without being members themselves.
UNWIND $ids AS eid
MATCH (m) WHERE elementId(m) = eid
MATCH (m)-[:HAS]->(x)
WHERE x:Phone OR x:Address
WITH x, count(DISTINCT m) AS owners
WHERE owners >= 2
WITH x, owners ORDER BY owners DESC, x.value LIMIT $limit
RETURN elementId(x) AS elementId, x {
  id: CASE WHEN x:Phone THEN 'phone:' + x.value ELSE 'address:' + x.value END,
  type: CASE WHEN x:Phone THEN 'phone' ELSE 'address' END,
  name: x.value,
  cadre: false, riskScore: null, riskGrade: null, communityId: x.communityId, year: null
} AS node
