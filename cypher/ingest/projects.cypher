// projects.csv: (:Entity:Project) in a region, approved by a person, awarded to a company.

// phase: nodes
UNWIND $rows AS row
MERGE (p:Entity {id: row.project_id})
SET p:Project,
    p.name = row.name,
    p.field = row.field,
    p.budget = row.budget,
    p.method = row.method,
    p.announceDate = date(row.announce_date),
    p.deadlineDate = date(row.deadline_date),
    p.awardDate = date(row.award_date),
    p.awardAmount = row.award_amount;

// phase: create (into a database without entities: every id is new, validation proved them unique)
UNWIND $rows AS row
CREATE (:Entity:Project {
  id: row.project_id,
  name: row.name,
  field: row.field,
  budget: row.budget,
  method: row.method,
  announceDate: date(row.announce_date),
  deadlineDate: date(row.deadline_date),
  awardDate: date(row.award_date),
  awardAmount: row.award_amount
});

// phase: relationships
UNWIND $rows AS row
MATCH (p:Entity {id: row.project_id})
CALL (row, p) {
  MATCH (r:Entity {id: row.region_id})
  MERGE (p)-[:IN]->(r)
}
CALL (row, p) {
  WITH row, p WHERE row.approved_by IS NOT NULL
  MATCH (cadre:Entity {id: row.approved_by})
  MERGE (cadre)-[:APPROVED]->(p)
}
CALL (row, p) {
  WITH row, p WHERE row.awarded_to IS NOT NULL
  MATCH (c:Entity {id: row.awarded_to})
  MERGE (p)-[a:AWARDED_TO]->(c)
  SET a.amount = row.award_amount, a.date = date(row.award_date)
};
