// Whether the server offers the project's packed projection read (the local launcher registers it).
SHOW PROCEDURES YIELD name
WHERE name = 'county.communities.ties'
RETURN count(*) > 0 AS present
