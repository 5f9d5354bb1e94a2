// posts.csv: (:Person:Cadre)-[:HOLDS_POST {role, title, from, to}]->(:Region), one per person, region, role and start.

// phase: relationships
UNWIND $rows AS row
MATCH (p:Entity {id: row.person_id})
MATCH (r:Entity {id: row.region_id})
SET p:Cadre
MERGE (p)-[h:HOLDS_POST {role: row.role, from: date(row.start_date)}]->(r)
SET h.title = row.title, h.to = date(row.end_date);
