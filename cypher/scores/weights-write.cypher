// Stores each flag's weight for this run: its prior precision (the detector header's weight), the
// posterior after triage verdicts, the verdicts that moved it, and the change in words.
UNWIND $rows AS row
MERGE (w:FlagWeight {flag: row.flag})
SET w.prior = row.prior, w.weight = row.weight, w.confirmed = row.confirmed, w.dismissed = row.dismissed,
    w.bounded = row.bounded, w.note = row.note, w.verdicts = row.verdicts, w.runId = $runId, w.updatedAt = datetime()
