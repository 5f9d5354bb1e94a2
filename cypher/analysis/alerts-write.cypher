// Wraps one detector query (spliced in below from cypher/flags/, never from user input)
// and stores each hit as an Alert tied to its subjects. The alert id is the flag id and the hit
// key, so a rerun updates the same alert and keeps its triage status and history.
// Every detector returns: key, subjects (who acted or knowingly profited: they take the risk),
// minor (those subjects whose part is secondary, such as a signer who did not profit or a firm's
// nominal legal representative: they take a share of it), parties (maps {node, part}: a dead payee, a short-paid beneficiary, an honest competitor; shown
// with their part, never scored), group (the decision pattern the hit repeats: hits of one flag
// and group count with diminishing returns), facts (a map of plain values the scores stage reads
// to weigh the hit against the county's baselines), nodes, rels, amount, confidence and summary.
CALL {
  {{FLAG}}
}
WITH key, subjects, minor, parties, group, facts, nodes, rels, toFloat(coalesce(amount, 0.0)) AS amount,
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
    a.group = $flagId + ':' + coalesce(group, key),
    // Facts as "name=value" strings (a property cannot hold a map); the scores stage parses them.
    a.facts = [k IN keys(coalesce(facts, {})) WHERE facts[k] IS NOT NULL | k + '=' + toString(facts[k])],
    a.evidenceNodes = [n IN nodes WHERE n IS NOT NULL | elementId(n)],
    a.evidenceRels = [r IN rels WHERE r IS NOT NULL | elementId(r)],
    a.runId = $runId,
    a.active = true
WITH a, [s IN subjects WHERE s IS NOT NULL] AS subjects, coalesce(minor, []) AS minor,
     [p IN coalesce(parties, []) WHERE p.node IS NOT NULL AND NOT p.node IN subjects] AS parties
// Subjects and parties that the hit no longer names lose their link.
CALL (a, subjects) {
  OPTIONAL MATCH (a)-[old:ON]->(s)
  WHERE NOT s IN subjects
  DELETE old
}
CALL (a, subjects, minor) {
  UNWIND subjects AS s
  MERGE (a)-[on:ON]->(s)
  SET on.minor = CASE WHEN s IN minor THEN true ELSE null END
}
CALL (a, parties) {
  OPTIONAL MATCH (a)-[old:NAMES]->(p)
  WHERE NOT {node: p, part: old.part} IN parties
  DELETE old
}
CALL (a, parties) {
  UNWIND parties AS p
  WITH a, p.node AS node, p.part AS part
  MERGE (a)-[:NAMES {part: part}]->(node)
}
RETURN count(a) AS hits
