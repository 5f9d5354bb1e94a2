// A saved query's current version (or $version when given), deleted or not.
MATCH (q:SavedQuery {name: $name})-[:VERSION]->(v:SavedQueryVersion)
WHERE v.version = coalesce($version, q.version)
RETURN q.name AS name, q.author AS author, toString(q.createdAt) AS createdAt, q.version AS currentVersion,
       coalesce(q.deleted, false) AS deleted, toString(q.deletedAt) AS deletedAt, q.deletedBy AS deletedBy,
       v.version AS version, v.text AS text, v.header AS header, v.author AS versionAuthor, toString(v.at) AS at
