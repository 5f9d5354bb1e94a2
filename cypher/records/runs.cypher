// The move of the service's records out of the graph: the record of saved-query runs.
MATCH (r:QueryRun)
RETURN r {.id, at: toString(r.at), .keyId, .keyName, .role, .query, .version, .source, .params, .rows, .truncated, .ms, .status, .error, .format} AS run
ORDER BY run.at
