// persons.csv: (:Entity:Person) living in a region, member of a household, with the phone, address
// and bank account they declared as shared identifier nodes. Identity number, birth date, phone and
// account arrive as vault tokens (services/ingest/seal.ts); the birth year is kept in clear.

// phase: nodes
UNWIND $rows AS row
MERGE (p:Entity {id: row.person_id})
SET p:Person,
    p.name = row.name,
    p.gender = row.gender,
    p.birthDate = row.birth_date,
    p.birthYear = toInteger(row.birth_year),
    p.deathDate = date(row.death_date),
    p.idNumber = row.id_number,
    p.publicEmployee = row.public_employee,
    p.employer = row.employer;

// phase: create (into a database without entities: every id is new, validation proved them unique)
UNWIND $rows AS row
CREATE (:Entity:Person {
  id: row.person_id,
  name: row.name,
  gender: row.gender,
  birthDate: row.birth_date,
  birthYear: toInteger(row.birth_year),
  deathDate: date(row.death_date),
  idNumber: row.id_number,
  publicEmployee: row.public_employee,
  employer: row.employer
});

// phase: relationships
UNWIND $rows AS row
MATCH (p:Entity {id: row.person_id})
CALL (row, p) {
  WITH row, p WHERE row.region_id IS NOT NULL
  MATCH (r:Entity {id: row.region_id})
  MERGE (p)-[:LIVES_IN]->(r)
}
CALL (row, p) {
  WITH row, p WHERE row.household_id IS NOT NULL
  MATCH (h:Entity {id: row.household_id})
  MERGE (p)-[:MEMBER_OF]->(h)
}
CALL (row, p) {
  WITH row, p WHERE row.phone IS NOT NULL
  MERGE (x:Phone {value: row.phone})
  MERGE (p)-[:HAS]->(x)
}
CALL (row, p) {
  WITH row, p WHERE row.address IS NOT NULL
  MERGE (x:Address {value: row.address})
  MERGE (p)-[:HAS]->(x)
}
CALL (row, p) {
  WITH row, p WHERE row.bank_account IS NOT NULL
  MERGE (x:Entity {id: row.bank_account})
  SET x:Account
  MERGE (p)-[:HAS]->(x)
};
