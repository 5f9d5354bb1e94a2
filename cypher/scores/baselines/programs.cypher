// County baseline: the programs, for the explanations (name, means-tested or an entitlement).
MATCH (pg:Program)
RETURN pg.id AS id, coalesce(pg.name, pg.id) AS name, coalesce(pg.meansTested, false) AS meansTested
ORDER BY id
