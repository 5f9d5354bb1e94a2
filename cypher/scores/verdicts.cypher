// Triage verdicts by flag: every alert confirmed or dismissed (active or retired), newest first.
MATCH (a:Alert)
WHERE a.status IN ['confirmed', 'dismissed']
RETURN a.flag AS flag, a.id AS alert, a.status AS status, toString(a.triagedAt) AS at
ORDER BY at DESC, alert
