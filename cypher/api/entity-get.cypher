// One entity (or shared phone/address) with its properties, the count of its relationships by
// type and direction (degree lookups, so super-nodes cost nothing), and its active alerts.
CALL () {
  MATCH (n:Entity {id: $id}) RETURN n
  UNION
  MATCH (n:Phone {value: $phone}) RETURN n
  UNION
  MATCH (n:Address {value: $address}) RETURN n
}
WITH n LIMIT 1
WITH n, [
  {type: 'PART_OF', out: COUNT { (n)-[:PART_OF]->() }, in: COUNT { (n)<-[:PART_OF]-() }},
  {type: 'LIVES_IN', out: COUNT { (n)-[:LIVES_IN]->() }, in: COUNT { (n)<-[:LIVES_IN]-() }},
  {type: 'MEMBER_OF', out: COUNT { (n)-[:MEMBER_OF]->() }, in: COUNT { (n)<-[:MEMBER_OF]-() }},
  {type: 'IN', out: COUNT { (n)-[:IN]->() }, in: COUNT { (n)<-[:IN]-() }},
  {type: 'HEAD_OF', out: COUNT { (n)-[:HEAD_OF]->() }, in: COUNT { (n)<-[:HEAD_OF]-() }},
  {type: 'SPLIT_FROM', out: COUNT { (n)-[:SPLIT_FROM]->() }, in: COUNT { (n)<-[:SPLIT_FROM]-() }},
  {type: 'MOVED_TO', out: COUNT { (n)-[:MOVED_TO]->() }, in: COUNT { (n)<-[:MOVED_TO]-() }},
  {type: 'HOLDS_POST', out: COUNT { (n)-[:HOLDS_POST]->() }, in: COUNT { (n)<-[:HOLDS_POST]-() }},
  {type: 'KIN', out: COUNT { (n)-[:KIN]->() }, in: COUNT { (n)<-[:KIN]-() }},
  {type: 'REGISTERED_IN', out: COUNT { (n)-[:REGISTERED_IN]->() }, in: COUNT { (n)<-[:REGISTERED_IN]-() }},
  {type: 'ROLE_IN', out: COUNT { (n)-[:ROLE_IN]->() }, in: COUNT { (n)<-[:ROLE_IN]-() }},
  {type: 'HAS', out: COUNT { (n)-[:HAS]->() }, in: COUNT { (n)<-[:HAS]-() }},
  {type: 'APPROVED', out: COUNT { (n)-[:APPROVED]->() }, in: COUNT { (n)<-[:APPROVED]-() }},
  {type: 'AWARDED_TO', out: COUNT { (n)-[:AWARDED_TO]->() }, in: COUNT { (n)<-[:AWARDED_TO]-() }},
  {type: 'BID', out: COUNT { (n)-[:BID]->() }, in: COUNT { (n)<-[:BID]-() }},
  {type: 'UNDER', out: COUNT { (n)-[:UNDER]->() }, in: COUNT { (n)<-[:UNDER]-() }},
  {type: 'PAID_TO', out: COUNT { (n)-[:PAID_TO]->() }, in: COUNT { (n)<-[:PAID_TO]-() }},
  {type: 'PAID_INTO', out: COUNT { (n)-[:PAID_INTO]->() }, in: COUNT { (n)<-[:PAID_INTO]-() }},
  {type: 'TRANSFER', out: COUNT { (n)-[:TRANSFER]->() }, in: COUNT { (n)<-[:TRANSFER]-() }},
  {type: 'OWNS', out: COUNT { (n)-[:OWNS]->() }, in: COUNT { (n)<-[:OWNS]-() }},
  {type: 'CONCERNS', out: COUNT { (n)-[:CONCERNS]->() }, in: COUNT { (n)<-[:CONCERNS]-() }},
  {type: 'INVOLVES', out: COUNT { (n)-[:INVOLVES]->() }, in: COUNT { (n)<-[:INVOLVES]-() }}
] AS degrees
RETURN n {
  id: CASE WHEN n:Entity THEN n.id WHEN n:Phone THEN 'phone:' + n.value ELSE 'address:' + n.value END,
  type: toLower(head([l IN labels(n) WHERE NOT l IN ['Entity', 'Cadre']])),
  name: coalesce(n.name, n.value, n.id),
  labels: labels(n),
  properties: properties(n),
  relationships: [d IN degrees WHERE d.out + d.in > 0],
  riskScore: n.riskScore,
  riskGrade: n.riskGrade,
  riskAmount: n.riskAmount,
  riskHits: n.riskHits,
  communityId: n.communityId,
  activeAlerts: COUNT { (n)<-[:ON]-(:Alert {active: true}) }
} AS entity
