// Saved queries with their current version, deleted ones only when asked.
MATCH (q:SavedQuery)-[:VERSION]->(v:SavedQueryVersion)
WHERE v.version = q.version AND ($includeDeleted OR NOT coalesce(q.deleted, false))
RETURN q.name AS name, q.author AS author, toString(q.createdAt) AS createdAt, q.version AS currentVersion,
       coalesce(q.deleted, false) AS deleted, toString(q.deletedAt) AS deletedAt, q.deletedBy AS deletedBy,
       v.version AS version, v.text AS text, v.header AS header, v.author AS versionAuthor, toString(v.at) AS at
ORDER BY name
LIMIT $limit
