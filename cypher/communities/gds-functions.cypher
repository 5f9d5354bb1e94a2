// The Graph Data Science functions this server offers (the Cypher projection is one).
SHOW FUNCTIONS YIELD name
WHERE name STARTS WITH 'gds.'
RETURN collect(name) AS names
