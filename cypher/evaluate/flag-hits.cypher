// The subjects of each active alert, for per-flag precision.
MATCH (a:Alert {active: true})-[:ON]->(s)
RETURN a.flag AS flag, a.id AS alert, collect(s.id) AS subjects
