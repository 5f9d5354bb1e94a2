// cases.csv: (:Entity:Case {id, openedDate, closedDate, typology, field, amount, outcome})-[:INVOLVES]->(each subject).

// phase: nodes
UNWIND $rows AS row
MERGE (c:Entity {id: row.case_id})
SET c:Case,
    c.openedDate = date(row.opened_date),
    c.closedDate = date(row.closed_date),
    c.typology = row.typology,
    c.field = row.field,
    c.amount = row.amount,
    c.outcome = row.outcome;

// phase: create (into a database without entities: every id is new, validation proved them unique)
UNWIND $rows AS row
CREATE (:Entity:Case {
  id: row.case_id,
  openedDate: date(row.opened_date),
  closedDate: date(row.closed_date),
  typology: row.typology,
  field: row.field,
  amount: row.amount,
  outcome: row.outcome
});

// phase: relationships
UNWIND $rows AS row
MATCH (c:Entity {id: row.case_id})
UNWIND row.subject_ids AS subjectId
MATCH (s:Entity {id: subjectId})
MERGE (c)-[:INVOLVES]->(s);
