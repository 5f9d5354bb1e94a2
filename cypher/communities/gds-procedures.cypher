// The Graph Data Science procedures and functions this server offers (none without the plugin).
SHOW PROCEDURES YIELD name
WHERE name STARTS WITH 'gds.'
RETURN collect(name) AS names
