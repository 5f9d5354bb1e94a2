// Answers one row when the database accepts queries (the readiness check).
RETURN 1 AS ok
