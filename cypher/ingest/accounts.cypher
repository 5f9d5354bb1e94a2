// accounts.csv: (:Entity:Account {id: normalised number, bank, openedDate}) and its owner's HAS.

// phase: nodes
UNWIND $rows AS row
MERGE (a:Entity {id: row.account_id})
SET a:Account, a.bank = row.bank, a.openedDate = date(row.opened_date);

// phase: create (into a database without entities: every id is new, validation proved them unique)
UNWIND $rows AS row
CREATE (:Entity:Account {id: row.account_id, bank: row.bank, openedDate: date(row.opened_date)});

// phase: relationships
UNWIND $rows AS row
MATCH (a:Entity {id: row.account_id})
MATCH (owner:Entity {id: row.owner_id})
MERGE (owner)-[:HAS]->(a);
