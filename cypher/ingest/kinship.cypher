// kinship.csv: (:Person)-[:KIN {relation, declared}]->(:Person) from person_id to relative_id;
// `relation` says what the relative is to the person.

// phase: relationships
UNWIND $rows AS row
MATCH (a:Entity {id: row.person_id})
MATCH (b:Entity {id: row.relative_id})
MERGE (a)-[k:KIN {relation: row.relation}]->(b)
SET k.declared = coalesce(row.declared, false);
