// The move of the service's records out of the graph: analysts' saved queries with every version.
MATCH (q:SavedQuery)
RETURN q {
  .name, .author, .authorName, .title, .version, .deletedBy,
  createdAt: toString(q.createdAt), updatedAt: toString(q.updatedAt), deletedAt: toString(q.deletedAt),
  deleted: coalesce(q.deleted, false),
  versions: [(q)-[:VERSION]->(v:SavedQueryVersion) | v {
    .name, .version, .text, .header, .author, .authorName, .comment, at: toString(v.at)
  }]
} AS query
