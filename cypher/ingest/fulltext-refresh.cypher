// Waits until the eventually consistent full-text index of names (schema.cypher) holds every write so
// far, so that a search right after an import finds what it wrote.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
