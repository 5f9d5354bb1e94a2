// One alert with its subjects, the other parties with their part, its evidence resolved to nodes and
// ties, and its triage history.
MATCH (a:Alert {id: $id})
{{EVIDENCE}}
CALL (a) {
  MATCH (a)-[:TRIAGE]->(t:TriageEvent)
  WITH t ORDER BY t.at, t.seq
  RETURN collect(t {.status, .previous, .note, .by, .byName, at: toString(t.at)}) AS history
}
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
  }],
  evidence: {nodes: nodes, relationships: relationships},
  history: history
} AS alert
