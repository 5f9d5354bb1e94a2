// transfers.csv: (:Account)-[:TRANSFER {id, amount, date}]->(:Account), unique on id.

// phase: relationships
UNWIND $rows AS row
MATCH (a:Entity {id: row.from_account})
MATCH (b:Entity {id: row.to_account})
MERGE (a)-[t:TRANSFER {id: row.transfer_id}]->(b)
SET t.amount = row.amount, t.date = date(row.date);
