// The active alerts the scores stage weighs: flag, group, confidence, money, triage status, facts,
// subjects (who answer for the alert; minor ones for a share of it) and parties (named with their part, never scored).
MATCH (a:Alert {active: true})
RETURN a.id AS id, a.flag AS flag, coalesce(a.group, a.id) AS group, a.confidence AS confidence,
       coalesce(a.amount, 0.0) AS amount, a.summary AS summary, coalesce(a.status, 'new') AS status,
       coalesce(a.facts, []) AS facts,
       COLLECT { MATCH (a)-[:ON]->(s:Entity) RETURN s.id ORDER BY s.id } AS subjects,
       COLLECT { MATCH (a)-[on:ON]->(s:Entity) WHERE on.minor RETURN s.id ORDER BY s.id } AS minor,
       COLLECT { MATCH (a)-[n:NAMES]->(p:Entity) RETURN {id: p.id, part: n.part} AS x ORDER BY x.id, x.part } AS parties
ORDER BY id
