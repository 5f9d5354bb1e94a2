// bids.csv: (:Company)-[:BID {amount, date, depositAccount, preparer, disqualified}]->(:Project), one per company and project.

// phase: relationships
UNWIND $rows AS row
MATCH (c:Entity {id: row.company_id})
MATCH (p:Entity {id: row.project_id})
MERGE (c)-[b:BID]->(p)
SET b.amount = row.amount,
    b.date = date(row.submitted_date),
    b.depositAccount = row.deposit_account,
    b.preparer = row.preparer,
    b.disqualified = coalesce(row.disqualified, false);
