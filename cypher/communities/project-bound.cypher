// The last entity id of the projection page that starts after $after (null when the page is the
// last one): lets the reader start the next page before this one has been read.
MATCH (a:Entity)
WHERE a.id > $after AND (a:Person OR a:Company)
WITH a.id AS id
ORDER BY id
SKIP $skip
LIMIT 1
RETURN id AS bound
