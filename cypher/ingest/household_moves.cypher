// household_moves.csv: (:Person)-[:MOVED_TO {date, fromHousehold}]->(:Household), one per person, household and date.

// phase: relationships
UNWIND $rows AS row
MATCH (p:Entity {id: row.person_id})
MATCH (h:Entity {id: row.household_id})
MERGE (p)-[m:MOVED_TO {date: date(row.date)}]->(h)
SET m.fromHousehold = row.from_household_id;
