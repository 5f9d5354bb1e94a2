// Wraps one detector query (spliced in below from cypher/flags/, never from user input)
// and stores each hit as an Alert tied to its subjects. The alert id is the flag id and the hit
// key, so a rerun updates the same alert and keeps its triage status and history.
CALL {
  {{FLAG}}
}
WITH key, subjects, nodes, rels, toFloat(coalesce(amount, 0.0)) AS amount,
     toFloat(coalesce(confidence, 1.0)) AS confidence, summary
MERGE (a:Alert {id: $flagId + ':' + key})
  ON CREATE SET a.status = 'new', a.createdAt = datetime()
SET a.flag = $flagId,
    a.typology = $typology,
    a.weight = $weight,
    a.confidence = confidence,
    a.score = $weight * confidence,
    a.amount = amount,
    a.grade = head([g IN $grades WHERE amount >= g.min | g.grade]),
    a.summary = summary,
    a.evidenceNodes = [n IN nodes WHERE n IS NOT NULL | elementId(n)],
    a.evidenceRels = [r IN rels WHERE r IS NOT NULL | elementId(r)],
    a.runId = $runId,
    a.active = true
WITH a, subjects
// Subjects that the hit no longer names lose their link.
CALL (a, subjects) {
  OPTIONAL MATCH (a)-[old:ON]->(s)
  WHERE NOT s IN subjects
  DELETE old
}
CALL (a, subjects) {
  UNWIND subjects AS s
  WITH a, s WHERE s IS NOT NULL
  MERGE (a)-[:ON]->(s)
}
RETURN count(a) AS hits
