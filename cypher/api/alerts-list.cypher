// Alerts, strongest first (score desc, id asc, keyset-paged), filtered by flag, triage status,
// active state, minimum score and the entity they are on (as a subject), with subjects and parties.
MATCH (a:Alert)
WHERE ($flag IS NULL OR a.flag = $flag)
  AND ($status IS NULL OR a.status = $status)
  AND ($active IS NULL OR a.active = $active)
  AND a.score >= $minScore
  AND ($entity IS NULL OR EXISTS { (a)-[:ON]->(:Entity {id: $entity}) })
  AND ($afterScore IS NULL OR a.score < $afterScore OR (a.score = $afterScore AND a.id > $afterId))
WITH a ORDER BY a.score DESC, a.id ASC LIMIT $limit
RETURN a {
  .id, .flag, .typology, .weight, .confidence, .score, .amount, .grade, .summary, .status, .runId, .group, .discount, .llr, .discounts,
  active: coalesce(a.active, false),
  createdAt: toString(a.createdAt),
  triagedAt: toString(a.triagedAt),
  subjects: [(a)-[:ON]->(s) | {
    id: CASE WHEN s:Entity THEN s.id WHEN s:Phone THEN 'phone:' + s.value ELSE 'address:' + s.value END,
    type: toLower(head([l IN labels(s) WHERE NOT l IN ['Entity', 'Cadre']])),
    name: coalesce(s.name, s.value, s.id)
  }],
  parties: [(a)-[pn:NAMES]->(p) | {
    id: p.id,
    type: toLower(head([l IN labels(p) WHERE NOT l IN ['Entity', 'Cadre']])),
    name: coalesce(p.name, p.id),
    part: pn.part
  }]
} AS alert
