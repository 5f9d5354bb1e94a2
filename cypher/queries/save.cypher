// Saves a new version of an analyst's query: (:SavedQuery {name, author, createdAt, version})
// -[:VERSION]->(:SavedQueryVersion {version, text, header, author, at, comment}). A deleted query
// comes back with its history. $baseVersion (optional): the version the author started from; 0 for
// "must not exist yet". No row when it does not match (someone saved in between).
OPTIONAL MATCH (existing:SavedQuery {name: $name})
WITH existing
WHERE $baseVersion IS NULL OR coalesce(existing.version, 0) = $baseVersion
MERGE (q:SavedQuery {name: $name})
  ON CREATE SET q.author = $author, q.authorName = $authorName, q.createdAt = datetime(), q.version = 0
SET q.version = q.version + 1,
    q.title = $title,
    q.deleted = false,
    q.deletedAt = null,
    q.deletedBy = null,
    q.updatedAt = datetime(),
    q.updatedBy = $author
CREATE (q)-[:VERSION]->(v:SavedQueryVersion {
  name: $name, version: q.version, text: $text, header: $header, author: $author, authorName: $authorName,
  at: datetime(), comment: $comment
})
RETURN q.version AS version, toString(v.at) AS at
