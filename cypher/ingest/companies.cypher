// companies.csv: (:Entity:Company {id, name, registeredDate, status}) registered in a region, with its
// address, phone and bank account as shared identifier nodes.

// phase: nodes
UNWIND $rows AS row
MERGE (c:Entity {id: row.company_id})
SET c:Company, c.name = row.name, c.registeredDate = date(row.registered_date), c.status = row.status;

// phase: create (into a database without entities: every id is new, validation proved them unique)
UNWIND $rows AS row
CREATE (:Entity:Company {id: row.company_id, name: row.name, registeredDate: date(row.registered_date), status: row.status});

// phase: relationships
UNWIND $rows AS row
MATCH (c:Entity {id: row.company_id})
CALL (row, c) {
  WITH row, c WHERE row.region_id IS NOT NULL
  MATCH (r:Entity {id: row.region_id})
  MERGE (c)-[:REGISTERED_IN]->(r)
}
CALL (row, c) {
  WITH row, c WHERE row.phone IS NOT NULL
  MERGE (x:Phone {value: row.phone})
  MERGE (c)-[:HAS]->(x)
}
CALL (row, c) {
  WITH row, c WHERE row.address IS NOT NULL
  MERGE (x:Address {value: row.address})
  MERGE (c)-[:HAS]->(x)
}
CALL (row, c) {
  WITH row, c WHERE row.bank_account IS NOT NULL
  MERGE (x:Entity {id: row.bank_account})
  SET x:Account
  MERGE (c)-[:HAS]->(x)
};
