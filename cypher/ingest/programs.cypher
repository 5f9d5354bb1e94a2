// programs.csv: (:Entity:Program {id, name, field, meansTested}).

// phase: nodes
UNWIND $rows AS row
MERGE (p:Entity {id: row.program_id})
SET p:Program, p.name = row.name, p.field = row.field, p.meansTested = row.means_tested;
