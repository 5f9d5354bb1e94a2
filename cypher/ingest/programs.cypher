// programs.csv: (:Entity:Program {id, name, field, meansTested}).

// phase: nodes
UNWIND $rows AS row
MERGE (p:Entity {id: row.program_id})
SET p:Program, p.name = row.name, p.field = row.field, p.meansTested = row.means_tested;

// phase: create (into a database without entities: every id is new, validation proved them unique)
UNWIND $rows AS row
CREATE (:Entity:Program {id: row.program_id, name: row.name, field: row.field, meansTested: row.means_tested});
