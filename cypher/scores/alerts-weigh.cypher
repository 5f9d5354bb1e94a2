// Stores each alert's weight (its flag's precision after verdicts), county discount, evidence (log
// likelihood ratio, nats) and score (weight × confidence × discount, 0–1, for sorting alert lists).
UNWIND $rows AS row
MATCH (a:Alert {id: row.id})
SET a.weight = row.weight, a.discount = row.discount, a.llr = row.llr, a.score = row.score, a.discounts = row.discounts
