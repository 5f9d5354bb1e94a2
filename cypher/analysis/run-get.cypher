// One analysis run, shaped for the API.
MATCH (r:AnalysisRun {id: $id})
RETURN r {.id, .status, .stage, .progress, .seconds, .error, .summary,
          startedAt: toString(r.startedAt), finishedAt: r.finishedAt} AS run
