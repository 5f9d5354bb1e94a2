// Waits (up to 300 s) until the indexes just created are online, so the first queries use them.
CALL db.awaitIndexes(300)
