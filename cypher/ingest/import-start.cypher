// Records an import as it starts: (:Import {id, source, status: 'running', startedAt}).
CREATE (i:Import {id: $id, source: $source, status: 'running', startedAt: datetime($startedAt)})
