// One import as recorded by the importer (cypher/ingest/import-start.cypher, import-finish.cypher).
MATCH (i:Import {id: $id})
RETURN i {
  .id, .source, .status, .rows, .rowsValid, .rowsRejected, .files, .nodesCreated, .relationshipsCreated,
  .errors, .errorCount, .warnings, .seconds,
  startedAt: toString(i.startedAt),
  finishedAt: toString(i.finishedAt)
} AS import
