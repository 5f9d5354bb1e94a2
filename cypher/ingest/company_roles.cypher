// company_roles.csv: (:Person)-[:ROLE_IN {role, share, from, to}]->(:Company), one per person, company and role.

// phase: relationships
UNWIND $rows AS row
MATCH (p:Entity {id: row.person_id})
MATCH (c:Entity {id: row.company_id})
MERGE (p)-[r:ROLE_IN {role: row.role}]->(c)
SET r.share = row.share, r.from = date(row.start_date), r.to = date(row.end_date);
