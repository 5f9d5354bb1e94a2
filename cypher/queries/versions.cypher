// Every version of a saved query, newest first.
MATCH (q:SavedQuery {name: $name})-[:VERSION]->(v:SavedQueryVersion)
RETURN v.version AS version, v.author AS author, v.authorName AS authorName, toString(v.at) AS at, v.comment AS comment,
       v.text AS text, v.version = q.version AS current
ORDER BY v.version DESC
LIMIT $limit
