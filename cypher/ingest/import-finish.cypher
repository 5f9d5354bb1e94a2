// Records how an import ended: status, rows, counters, the first errors and the error count.
MATCH (i:Import {id: $id})
SET i += $props, i.finishedAt = datetime($finishedAt)
