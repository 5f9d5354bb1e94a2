// grants.csv: (:Entity:Grant {id, year, approvedAmount, paidAmount, paidDate}) under a program, paid
// to a person in a region into an account, approved by a person.

// phase: nodes
UNWIND $rows AS row
MERGE (g:Entity {id: row.grant_id})
SET g:Grant,
    g.year = toInteger(row.year),
    g.approvedAmount = row.approved_amount,
    g.paidAmount = row.paid_amount,
    g.paidDate = date(row.paid_date);

// phase: create (into a database without entities: every id is new, validation proved them unique)
UNWIND $rows AS row
CREATE (:Entity:Grant {
  id: row.grant_id,
  year: toInteger(row.year),
  approvedAmount: row.approved_amount,
  paidAmount: row.paid_amount,
  paidDate: date(row.paid_date)
});

// phase: relationships
UNWIND $rows AS row
MATCH (g:Entity {id: row.grant_id})
CALL (row, g) {
  MATCH (p:Entity {id: row.program_id})
  MERGE (g)-[:UNDER]->(p)
}
CALL (row, g) {
  MATCH (b:Entity {id: row.beneficiary_id})
  MERGE (g)-[:PAID_TO]->(b)
}
CALL (row, g) {
  MATCH (r:Entity {id: row.region_id})
  MERGE (g)-[:IN]->(r)
}
CALL (row, g) {
  WITH row, g WHERE row.approved_by IS NOT NULL
  MATCH (cadre:Entity {id: row.approved_by})
  MERGE (cadre)-[:APPROVED]->(g)
}
CALL (row, g) {
  WITH row, g WHERE row.account IS NOT NULL
  MERGE (a:Entity {id: row.account})
  SET a:Account
  MERGE (g)-[:PAID_INTO]->(a)
};
