// Marks a saved query deleted; its versions stay as history. No row when there is no live query.
MATCH (q:SavedQuery {name: $name})
WHERE NOT coalesce(q.deleted, false)
SET q.deleted = true, q.deletedAt = datetime(), q.deletedBy = $by
RETURN q.name AS name, q.version AS version, toString(q.deletedAt) AS deletedAt
