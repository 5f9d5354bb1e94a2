// assets.csv: (owner)-[:OWNS]->(:Entity:Asset {id, kind, value, registeredDate, description}); the id is
// a stable hash of the row's fields (computed by the importer), so importing twice merges the same node.

// phase: relationships
UNWIND $rows AS row
MATCH (owner:Entity {id: row.owner_id})
MERGE (a:Entity {id: row.asset_id})
SET a:Asset, a.kind = row.kind, a.value = row.value, a.registeredDate = date(row.registered_date), a.description = row.description
MERGE (owner)-[:OWNS]->(a);
