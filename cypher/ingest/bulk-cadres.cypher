// After an offline (bulk) import: persons holding a post get the Cadre label, as posts.cypher gives it
// to each person of a posts.csv row (the importer writes persons before posts.csv is read).
MATCH (p:Person)-[:HOLDS_POST]->()
WITH DISTINCT p
SET p:Cadre
