// id: SHELL_WINNER
// title: Company set up for the project it wins
// title_zh: 为特定项目而生
// typology: SHELL_WINNER
// description: >
//   A company wins a project although it was registered at most maxAgeDays before the tender opened
//   (announcement, else deadline, else award date) — after the announcement is the strongest sign —
//   or it is a one-project company: the project it won is the only project it ever bid on or won,
//   and the company was registered at most maxOnlyProjectAgeDays before the tender or has been
//   deregistered or revoked since (the most suspicious). One hit per won project, with the strongest
//   form's confidence. Subjects: the company, its legal representative at the award (the front
//   man who registered it, a minor subject: often a nominee whose identity was used) and the cadre
//   who approved the project. Not flagged: a young firm registered longer than
//   maxAgeDays before the tender that also bids elsewhere, a one-win firm that also bid on other
//   projects, or a long-established, still active firm with a single project.
// weight: 0.5
// parameters:
//   maxAgeDays: { type: integer, default: 90, min: 0, max: 3650, description: "days between registration and the tender's opening within which a winner counts as freshly registered" }
//   maxOnlyProjectAgeDays: { type: integer, default: 365, min: 0, max: 36500, description: "a still active one-project company counts only if registered at most this many days before the tender" }
//   onlyProjectConfidence: { type: number, default: 0.6, min: 0, max: 1, description: "confidence for a still active company whose one project is this one" }
//   closedOnlyProjectConfidence: { type: number, default: 0.8, min: 0, max: 1, description: "confidence for a one-project company since deregistered or revoked" }

MATCH (p:Project)-[aw:AWARDED_TO]->(c:Company)
WHERE c.registeredDate IS NOT NULL
WITH p, aw, c, coalesce(p.announceDate, p.deadlineDate, aw.date, p.awardDate) AS opened
WITH p, aw, c, opened,
     CASE WHEN opened IS NULL THEN NULL ELSE duration.inDays(c.registeredDate, opened).days END AS ageDays,
     COUNT { MATCH (c)-[:BID]->(x:Project) WHERE x <> p RETURN x UNION MATCH (x:Project)-[:AWARDED_TO]->(c) WHERE x <> p RETURN x } = 0 AS onlyProject
WITH p, aw, c, opened, ageDays, onlyProject, coalesce(ageDays <= $maxAgeDays, false) AS fresh,
     coalesce(c.status IN ['deregistered', 'revoked'], false) AS closed,
     onlyProject AND coalesce(ageDays <= $maxOnlyProjectAgeDays, false) AS youngOnlyProject
WITH p, aw, c, opened, ageDays, fresh, closed, onlyProject AND (closed OR youngOnlyProject) AS onlyProject
WHERE fresh OR onlyProject
OPTIONAL MATCH (cadre:Person)-[appr:APPROVED]->(p)
WITH p, aw, c, opened, ageDays, onlyProject, fresh, closed, collect(cadre) AS cadres, collect(appr) AS approvals
WITH p, aw, c, opened, ageDays, onlyProject, fresh, closed, cadres, approvals,
     COLLECT { MATCH (c)<-[r:ROLE_IN {role: 'legal_rep'}]-(:Person)
               WITH r, coalesce(aw.date, p.awardDate, opened) AS day
               WHERE day IS NULL OR (coalesce(r.from <= day, true) AND coalesce(r.to >= day, true))
               RETURN r } AS reps,
     COLLECT { MATCH (c)-[b:BID]->(p) RETURN b } AS bids,
     coalesce(aw.amount, p.awardAmount, 0.0) AS amount
RETURN c.id + ':' + p.id AS key,
       [c] + [r IN reps | startNode(r)] + cadres AS subjects,
       [] AS parties,
       [r IN reps | startNode(r)] AS minor,
       c.id AS group,
       {fresh: fresh, onlyProject: onlyProject} AS facts,
       [c, p] + [r IN reps | startNode(r)] + cadres AS nodes,
       [aw] + bids + reps + approvals AS rels,
       amount,
       CASE
         WHEN fresh AND ageDays < 0 THEN 1.0
         WHEN fresh THEN 0.85
         WHEN closed THEN $closedOnlyProjectConfidence
         ELSE $onlyProjectConfidence
       END AS confidence,
       c.name + ' (' + c.id + ', registered ' + toString(c.registeredDate) + ') won ' + p.name + ' (' + p.id + ') for '
         + toString(toInteger(round(amount))) + ' yuan'
         + CASE
             WHEN fresh AND ageDays < 0 THEN ', registered ' + toString(-ageDays) + ' days after the tender opened on ' + toString(opened)
             WHEN fresh THEN ', registered ' + toString(ageDays) + ' days before the tender opened on ' + toString(opened)
             ELSE '' END
         + CASE
             WHEN onlyProject AND closed THEN '; it bid on or won no other project and is now ' + c.status
             WHEN onlyProject THEN '; it bid on or won no other project'
             ELSE '' END
         + CASE WHEN size(cadres) > 0 THEN '; approved by ' + cadres[0].name + ' (' + cadres[0].id + ')' ELSE '' END AS summary
