// households.csv: (:Entity:Household {id, address, createdDate}) in a region, with its head, the
// household it split from, and its address as a shared identifier node.

// phase: nodes
UNWIND $rows AS row
MERGE (h:Entity {id: row.household_id})
SET h:Household, h.address = row.address, h.createdDate = date(row.created_date);

// phase: create (into a database without entities: every id is new, validation proved them unique)
UNWIND $rows AS row
CREATE (:Entity:Household {id: row.household_id, address: row.address, createdDate: date(row.created_date)});

// phase: relationships
UNWIND $rows AS row
MATCH (h:Entity {id: row.household_id})
CALL (row, h) {
  MATCH (r:Entity {id: row.region_id})
  MERGE (h)-[:IN]->(r)
}
CALL (row, h) {
  WITH row, h WHERE row.head_person_id IS NOT NULL
  MATCH (head:Entity {id: row.head_person_id})
  MERGE (head)-[:HEAD_OF]->(h)
}
CALL (row, h) {
  WITH row, h WHERE row.split_from IS NOT NULL
  MATCH (origin:Entity {id: row.split_from})
  MERGE (h)-[:SPLIT_FROM]->(origin)
}
CALL (row, h) {
  WITH row, h WHERE row.address IS NOT NULL
  MERGE (x:Address {value: row.address})
  MERGE (h)-[:HAS]->(x)
};
