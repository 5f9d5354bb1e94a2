// regions.csv: (:Entity:Region {id, name, level}) and (:Region)-[:PART_OF]->(:Region).

// phase: nodes
UNWIND $rows AS row
MERGE (r:Entity {id: row.region_id})
SET r:Region, r.name = row.name, r.level = row.level;

// phase: create (into a database without entities: every id is new, validation proved them unique)
UNWIND $rows AS row
CREATE (:Entity:Region {id: row.region_id, name: row.name, level: row.level});

// phase: relationships
UNWIND $rows AS row
WITH row WHERE row.parent_id IS NOT NULL
MATCH (r:Entity {id: row.region_id})
MATCH (parent:Entity {id: row.parent_id})
MERGE (r)-[:PART_OF]->(parent);
