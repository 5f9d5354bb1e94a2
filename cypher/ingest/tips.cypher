// tips.csv: (:Entity:Tip {id, receivedDate, channel, summary})-[:CONCERNS]->(each subject).

// phase: nodes
UNWIND $rows AS row
MERGE (t:Entity {id: row.tip_id})
SET t:Tip, t.receivedDate = date(row.received_date), t.channel = row.channel, t.summary = row.summary;

// phase: create (into a database without entities: every id is new, validation proved them unique)
UNWIND $rows AS row
CREATE (:Entity:Tip {id: row.tip_id, receivedDate: date(row.received_date), channel: row.channel, summary: row.summary});

// phase: relationships
UNWIND $rows AS row
MATCH (t:Entity {id: row.tip_id})
UNWIND row.subject_ids AS subjectId
MATCH (s:Entity {id: subjectId})
MERGE (t)-[:CONCERNS]->(s);
